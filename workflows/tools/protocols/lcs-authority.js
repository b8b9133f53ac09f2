'use strict';
// 003_9ac1b6760a4e9e30.txt — an authority using LCS: Quality Assurance Issue Resolution / Dispute policy.
const C = require('./common');

const SRC = 'LCS authority QA Issue Resolution / Dispute policy';
const FIXED_DOC = (title, next) => `${SRC}, Appendix A, ${title}: "Up to 5 working days. If the IRO/CPC is not satisfied that the issue has been resolved ..., then proceed to ${next}." A reminder goes one working day before; when the 5 working days pass with no response the IRO/CPC is told and the issue moves on.`;
// When the informal stage was first entered (undefined before it is: workingDays then counts from now).
const FIRST_INFORMAL = '((variables.stagesReached ?? []).find((s) => s.stage === "0") ?? {}).at';
const DIRECT = (who) => `The IRO/CPC follows up with a direct communication to the ${who} (face to face, MS teams or e-mail) referring them to the LCS form for details of the issue and resolution sought.`;

function level(n, id, short, title, recipient, cc, recording, timescale, next, extraDoc = '') {
  return C.formal({
    n, id, short, title, recipient, cc,
    template: 'qa-issue-resolution-direct-contact',
    awaitName: `Await the ${shortRole(recipient)}'s response`,
    notifyName: `Direct contact with the ${shortRole(recipient)}, pointing to the LCS form`,
    caseNoteName: 'QA Issue Resolution form on LCS',
    caseNote: `${title}: ${recording} Issue: {{summary}} ({{category}}). Impact on the child: {{impactOnChild}}. Resolution sought: {{actionsRequested}}.`,
    responseNote: `${title}: response from {{respondedBy}}: {{response}}.`,
    window: C.fixedWindow,
    windowDoc: FIXED_DOC(title, next),
    doc: `${SRC}, Appendix A, ${title} — To: ${roleList(recipient)}; CC: ${cc.map(roleList).join(', ')}. Recording: "${recording} ${DIRECT(shortRole(recipient))}" Timescale: "${timescale}"${extraDoc}`,
  });
}
const TITLES = { socialWorker: 'Social worker', teamManager: 'Team Manager', opsManager: 'Ops Manager', headOfService: 'Head of Service', deputyDirector: 'Deputy Director', dcs: 'Director' };
function shortRole(r) { return TITLES[r]; }
function roleList(r) { return TITLES[r]; }

module.exports = {
  processKey: 'lcs-authority',
  name: 'Quality Assurance Issue Resolution / Dispute policy',
  authority: 'Local authority using LCS',
  caseSystem: 'LCS',
  source: '003_9ac1b6760a4e9e30.txt',
  processName: 'LCS authority: Quality Assurance Issue Resolution and Dispute',
  participantName: 'LCS authority: Quality Assurance Issue Resolution / Dispute (IRO and CPC)',
  processDoc: `${SRC}. Informal Resolution (Stage 1) with the social worker, copying the Team Manager, reviewed on the agreed date, at most 10 working days; Formal Issue Resolution (Stage 2) to the Team Manager; Formal Dispute (Stage 3) Level 1 Ops Manager, Level 2 Head of Service, Level 3 Deputy Director, Level 4 Director of Children's Services (with the Director's briefing note); each formal level up to 5 working days, CCs as listed in Appendix A. "This is not a linear process": any level may be the start. Then, for IROs only, a referral to Cafcass after informing the Deputy Director. At close the outcome and key learning points are recorded and the learning shared. Recorded on LCS. See workflows/README.md.`,
  startDoc: `${SRC}, Key Principles: "In the first instance, the IRO/CPC will seek to resolve the issue informally with the social worker and team manager although this stage is dependent on the seriousness of the issue for the child." The start command carries the child, the raiser (IRO or CPC), the category, the summary, the impact on the child, the preferred solution (actionsRequested), agreedDate (the specific timescale proportionate to the issue) and startRung (0 = informal; "the stage at which the IRO/CPC raises the issue dependent on the seriousness of the issue for the child").`,
  lanes: {
    reviewer: 'IRO / CPC',
    ladder: "Children's social care managers (Social Worker → Director of Children's Services)",
    qa: "Director's briefing and senior notices",
  },
  roles: {
    reviewer: 'IRO / CPC (Child Protection Chair) who raised the issue',
    iro: 'Independent Reviewing Officer',
    cpChair: 'Child Protection Chair (CPC)',
    socialWorker: 'Social Worker',
    teamManager: 'Team Manager',
    opsManager: 'Operations Manager',
    headOfService: 'Head of Service',
    deputyDirector: "Deputy Director, Children's Social Care",
    dcs: "Director of Children's Services",
  },
  categories: [
    'Statutory requirements for the child are not being met',
    "The quality, implementation and timeliness of the child's plan",
    'An issue is impacting on an outcome for the child/ren and/or family',
    'The provision of services',
  ],
  ragTable: null,
  fixedWindow: '5wd',
  reminderBefore: '1wd',
  overallLimit: null,
  returnFallback: 4,
  decisionDoc: `${SRC}: the IRO/CPC decides whether they are satisfied: resolved; actions agreed with a date ("The Dispute Resolution process will be used where ... the agreed actions from the issue resolution have not been progressed"); not satisfied → the next level ("If the IRO/CPC is not satisfied that the issue has been resolved ..., then proceed to ..."); or bypass ("The IRO/CPC may bypass any stage and progress the issue resolution to dispute and to the level s/he considers most appropriate").`,
  actionsDoc: `${SRC}, Key Principles: "The Dispute Resolution process will be used where it has not been possible for the IRO/CPC to resolve an issue or where the agreed actions from the issue resolution have not been progressed." Met (message actions-met) → resolved; not progressed by the date (date(actionsDueAt)) → the next level.`,
  bypassAtStart: { doc: `${SRC}, Appendix A: "This is not a linear process with the stage at which the IRO/CPC raises the issue dependent on the seriousness of the issue for the child." Starting above the informal stage is a bypass ("The IRO/CPC may bypass any stage and progress the issue resolution to dispute and to the level s/he considers most appropriate"): it takes the bypass path, so its reason is recorded on LCS and used up (a later bypass needs its own); Level 4 still needs the Director's briefing note.` },
  bypassDoc: `${SRC}, Key Principles: "The IRO/CPC may bypass any stage and progress the issue resolution to dispute and to the level s/he considers most appropriate to achieve the desired outcome in the best interest of the child and/or family." Appendix A: "This is not a linear process with the stage at which the IRO/CPC raises the issue dependent on the seriousness of the issue for the child." Message bypass (bypassTo 0–5, bypassReason) or decision "bypass"; the reason is recorded. Level 4 still needs the Director's briefing note. Cafcass (6) is not a bypass target: it follows Level 4.`,
  returnDoc: `${SRC}: no Director's briefing note, no Cafcass referral (a CPC, a child not in care, or the Deputy Director not yet informed), a level that does not exist, or a bypass without a reason: the IRO/CPC is told and the current level's decision is asked again (from the start: Level 3, the Deputy Director).`,
  cafcassEligibilityDoc: `${SRC}, 8. Referral to Cafcass (IROs only): "Since 2002 IROs have had the authority to refer the case of any looked after child to Cafcass". Only raiserRole IRO and legalStatus child-in-care; a CPC is told there is no Cafcass route and returns to the Level 4 decision.`,
  overall: null,
  rungs: [
    {
      n: 0, kind: 'informal', routable: true, id: 'Rung0_Informal', short: 'Informal (Stage 1)', title: 'Informal Resolution (Stage 1)',
      recipient: 'socialWorker', cc: ['teamManager'], template: 'informal-direct-contact',
      notifyName: 'Direct contact with the social worker (copy the Team Manager)',
      agreedDate: true,
      agreedDateDoc: `${SRC}, Appendix A: "The IRO/CPC is clear about the issue, the impact on the child, the preferred solution and a specific timescale proportionate to the issue." The review date (agreedDate, YYYY-MM-DD) comes with the start command or is recorded here; it is capped at 10 working days.`,
      caseNoteName: 'IRO/CPC case note (as soon as discussed)',
      caseNote: 'IRO/CPC case note: issue discussed informally with the social worker (copy Team Manager): {{summary}} ({{category}}). Impact on the child: {{impactOnChild}}. Preferred solution: {{actionsRequested}}. Review date: {{agreedDate}}.',
      responseNote: 'Informal resolution: social worker response ({{respondedBy}}): {{response}}.',
      awaitName: "Social worker's response, or the review date",
      window: { kind: 'agreed-review', settings: 'agreed-max-10wd' },
      windowDoc: `${SRC}, Appendix A, Informal Resolution (Stage 1): "IRO/CPC reviews on agreed date and if the issue is resolved, the IRO/CPC records as IRO/CPC Informal resolution achieved case note on LCS." On date(agreedDate) the IRO/CPC reviews (the decision task) even without a response.`,
      rungTimer: {
        // Armed each time the stage is entered (before StageEntered_0 runs). The 10 working days are a maximum for the
        // informal stage as a whole: they run from when it was first entered (the first "0" in stagesReached), so a
        // return to it (a refused briefing note after a bypass, a refused bypass, a bypass back down to it) does not
        // restart them; a reminder already due is not sent again (it is put after the window, which ends the stage first).
        value: `workingDays(10, ${FIRST_INFORMAL})`,
        reminder: `(workingDays(9, ${FIRST_INFORMAL}) > Date.now() ? workingDays(9, ${FIRST_INFORMAL}) : new Date(workingDays(10, ${FIRST_INFORMAL}).getTime() + 60000))`,
        name: '10 working days pass',
        passedName: 'Tell the IRO/CPC: 10 working days, escalate to the formal stage',
        doc: `${SRC}, Appendix A, Informal Resolution (Stage 1), Timescale: "As early resolution as possible. Up to a maximum of 10 working days. If not resolved, escalate to Formal stage." Reminder one working day before. The 10 working days run from when the informal stage was first entered: a return to it does not restart them, and a reminder already sent is not repeated.`,
      },
      resolveExtras: [
        { id: 'CaseNote_Rung0_InformalResolved', name: "'IRO/CPC Informal resolution achieved' case note", doc: `${SRC}: "if the issue is resolved, the IRO/CPC records as IRO/CPC Informal resolution achieved case note on LCS."`, esc: { action: 'case-note', note: 'IRO/CPC Informal resolution achieved: {{response}}.' } },
      ],
      doc: `${SRC}, Appendix A, Informal Quality Assurance Resolution: "The IRO/CPC brings the issue of concern to the attention of the social worker via direct contact and seeks to resolve the matter. The IRO/CPC is clear about the issue, the impact on the child, the preferred solution and a specific timescale proportionate to the issue." Informal Resolution (Stage 1) — To: Social worker; CC: Team Manager. Recording: "The IRO/CPC discusses the issue informally with the SW via direct contact, face to face, MS teams or e-mail. The IRO/CPC records on the child's record in an IRO/CPC case note as soon as the issue is discussed. IRO/CPC reviews on agreed date and if the issue is resolved, the IRO/CPC records as IRO/CPC Informal resolution achieved case note on LCS." Timescale: "As early resolution as possible. Up to a maximum of 10 working days. If not resolved, escalate to Formal stage."`,
    },
    level(1, 'Rung1_TeamManager', 'Formal (Stage 2)', 'Formal Issue Resolution (Stage 2)', 'teamManager', ['socialWorker'],
      'The IRO/CPC completes a Quality Assurance Issue Resolution form on LCS.',
      'Up to 5 working days. If the IRO/CPC is not satisfied that the issue has been resolved via stage 2, then proceed to stage 3 – Dispute.', 'stage 3 – Dispute'),
    level(2, 'Rung2_OpsManager', 'Dispute Level 1', 'Formal Dispute (Stage 3): Level 1', 'opsManager', ['teamManager'],
      'The IRO/CPC records the name of the Ops manager and date contacted in the dispute section of the QA issue resolution form under level 1. Record the date resolution is sought by.',
      'Up to 5 working days. If the IRO/CPC is not satisfied that the issue has been resolved via stage 3 (Level 1), then proceed to stage 3 (Level 2).', 'stage 3 (Level 2)'),
    level(3, 'Rung3_HeadOfService', 'Dispute Level 2', 'Formal Dispute (Stage 3): Level 2', 'headOfService', ['teamManager', 'opsManager'],
      'The IRO/CPC records the name of the Head of Service and date contacted in the dispute section of the QA issue resolution form under level 2. Record the date resolution is sought by.',
      'Up to 5 working days. If the CP chair is not satisfied that the issue has been resolved via stage 3 (Level 2), then proceed to stage 3 (Level 3).', 'stage 3 (Level 3)'),
    level(4, 'Rung4_DeputyDirector', 'Dispute Level 3', 'Formal Dispute (Stage 3): Level 3', 'deputyDirector', ['teamManager', 'opsManager', 'headOfService'],
      'The IRO/CPC records the name of the Deputy Director and date contacted in the dispute section of the QA issue resolution form under level 3. Record the date resolution is sought by.',
      'Up to 5 working days. If the CP chair is not satisfied that the issue has been resolved via stage 3 (Level 3), then proceed escalation to the Director).', 'the Director'),
    level(5, 'Rung5_Director', 'Dispute Level 4', "Formal Dispute (Stage 3): Level 4", 'dcs', ['teamManager', 'opsManager', 'headOfService', 'deputyDirector'],
      "The IRO/CPC records the name of the Director and date contacted in the dispute section of the QA issue resolution form under level 4. Record the date resolution is sought by. When an issue is escalated to the Director, the Director's briefing note must also be completed outlining pertinent information.",
      'IROs – please refer to: Referral to Cafcass below.', 'Referral to Cafcass (IROs only)',
      " NOTE: the table gives Level 4 no timescale; the 5 working days of every other formal level are applied so the issue cannot stall (flagged in workflows/README.md). Not resolved at Level 4 → Referral to Cafcass (IROs only)."),
    {
      n: 6, kind: 'cafcass', routable: false, id: 'Rung6_Cafcass', short: 'Cafcass (IROs only)', title: 'Referral to Cafcass (IROs only)',
      recipient: 'deputyDirector', cc: [],
      window: { settings: 'none' },
      doc: `${SRC}, 8. Referral to Cafcass (IROs only): "Since 2002 IROs have had the authority to refer the case of any looked after child to Cafcass if they are of the view that the child's human rights have been breached and all attempts to resolve the matter have been exhausted. ... The IRO now has the authority to refer a case to Cafcass 'if the IRO considers it appropriate to do so'." "In line with the Quality Assurance Issues Resolution policy, prior to making a referral, the IRO must inform the Deputy Director, Children's Social Care that a referral to Cafcass is being considered and explain the reasons for their view." Reached only from Level 4 (Appendix A: Level 4 → "IROs – please refer to: Referral to Cafcass below").`,
      cafcass: {
        before: [],
        gate: { id: 'DeputyDirectorInformed', key: 'deputy-director-informed', title: 'Deputy Director informed of the reasons: refer?', role: 'reviewer', short: 'Informed, refer', doc: `${SRC}: "prior to making a referral, the IRO must inform the Deputy Director, Children's Social Care that a referral to Cafcass is being considered and explain the reasons for their view." "When considering whether to make a referral to Cafcass, the IRO should consider the impact that a referral would have for the child." The IRO confirms the Deputy Director has been informed and decides (gateApproved); gateNote carries the IRO's report (why now, the steps taken) and the court reference number. Not referring → back to the Level 4 decision.` },
        beforeGateTask: [
          { id: 'Notify_DeputyDirector_Cafcass', name: 'Inform the Deputy Director: Cafcass referral being considered', doc: `${SRC}: "the IRO must inform the Deputy Director, Children's Social Care that a referral to Cafcass is being considered and explain the reasons for their view."`, esc: { action: 'notify', recipientRole: 'deputyDirector', ccRoles: 'reviewer', template: 'cafcass-referral-considered' } },
        ],
        after: [
          { id: 'StageEntered_6', name: 'Referral to Cafcass entered', doc: 'The escalation reaches the Cafcass referral.', esc: { action: 'stage-entered', stage: 'cafcass', rungTitle: 'Referral to Cafcass (IROs only)' } },
        ],
        referralRecipient: 'deputyDirector', referralCc: ['dcs'],
        referralDoc: `${SRC}: "The IRO can make a referral to Cafcass by contacting 'Cafcass Legal'. The information below should accompany a referral to Cafcass: a report by the IRO explaining why the matter is being referred at this stage and setting out what steps the IRO has taken to resolve the position with the local authority; The Court reference number for the child's previous proceedings." "While Cafcass cannot refuse to accept any referral, it is the responsibility of Cafcass and not the IRO to determine whether a legal remedy should be sought."`,
        referralNote: 'Referred to Cafcass Legal by the IRO, the Deputy Director having been informed. IRO report and court reference: {{gateNote}}.',
        notReferredNote: 'Cafcass referral considered, not made ({{gateNote}}); back to the Level 4 decision.',
        notEligibleCc: [],
      },
    },
  ],
  gates: {
    5: [
      { id: 'DirectorsBriefingNote', key: 'directors-briefing-note', title: "Complete the Director's briefing note", role: 'reviewer', short: 'Completed', doc: `${SRC}, Appendix A, Level 4: "When an issue is escalated to the Director, the Director's briefing note must also be completed outlining pertinent information." Appendix B: Case Briefing for Deputy Director/DCS (incident leading to briefing, background, interventions, current plan and outcomes sought). gateApproved = the note is completed (gateNote: where it is); not completed → the issue does not go to the Director and the previous level's decision is asked again.` },
    ],
  },
  cafcassSettings: { allowed: true, when: 'after-ladder', requires: ['iro', 'child-in-care', 'inform-deputy-director'] },
  closing: {
    taskName: "Complete 'Outcome of issue requiring resolution' and 'Key learning points'",
    checkName: 'Outcome and learning recorded?',
    check: 'typeof outcome === "string" && outcome.trim() !== "" && typeof learning === "string" && learning.trim() !== ""',
    caseNoteName: 'Finalise the issue resolution form on LCS',
    note: 'Quality Assurance issue resolution finalised at {{currentStage}}. Outcome of issue requiring resolution: {{outcome}}. Key learning points: {{learning}}. Impact on the child: {{impactOnLivedExperience}}.',
    doc: `${SRC}, 5. Conclusion: "5.1 Once the Quality Assurance issue resolution is resolved, the IRO/CPC and the social work team complete the 'Outcome of issue requiring resolution' and 'Key learning points' section of the form to capture learning. The issue resolution form is then finalised and will remain on the child's record." The task completes only with both outcome and learning.`,
    extra: [
      { id: 'Notify_LearningShared', name: 'Share the learning with the team and Operations Managers', doc: `${SRC}: "5.2 Learning from Quality Assurance Issue Resolutions will be discussed and acted upon within team meetings and shared with the wider Operational Management group via Operations Managers meetings and Quality Performance Review meetings (QPRMs)."`, esc: { action: 'notify', recipientRole: 'opsManager', ccRoles: 'teamManager,socialWorker', template: 'learning-shared' } },
    ],
  },
  eventSubs: [],
};
