'use strict';
// 000_9348387004fb69db.txt — North Somerset, ISRO Issue Resolution Protocol (August 2024).
const C = require('./common');
const ES = require('../lib/eventsubs');

const SRC = 'North Somerset ISRO Issue Resolution Protocol (Aug 2024)';
const RAG = C.ragWindow('GREEN 5 working days, AMBER 3 working days, RED 25 hours');
const RAG_DOC = `${SRC}, Timeliness: "The status rating below will be used to communicate the urgency of the escalation AT EACH STAGE and governs the required response time from the person to whom the concern has been referred." GREEN (low risk) "Within 5 working days"; AMBER (moderate risk) "Within 3 working days"; RED (high or immediate risk) "Within 25 hours". NOTE: RED is 25 hours as written in this document (Devon's otherwise identical table says 24 hours); kept as written and flagged for the authority to confirm. Accountability: "At each stage it is important that the person who originally raised the concern is given feedback on what action has been taken in response within the prescribed RAG rating timescale." No response in the window → the next stage, and the ISRO is told.`;
const FORMAL = '"Where the ISRO identifies a concern that has not been resolved in this early stage, they will formally escalate using the RAG rating outlined above by completing the Issues Resolution form at Appendix 2. A case note will be added to the child or young person\'s electronic file and a copy of the form uploaded to the documents tab." Accountability: "The ISRO will notify the person to whom the Issues Resolution is referred by phone and email the same day as the escalation is raised."';

function stage(n, id, title, recipient, quote) {
  return C.formal({
    n, id, short: `Stage ${n}`, title: `Stage ${n}: ${title}`, recipient, cc: [],
    template: 'issues-resolution-referral',
    awaitName: `Await the ${title}'s response`,
    notifyName: `Notify the ${title} by phone and email (same day)`,
    caseNoteName: 'Case note + Issues Resolution form (Appendix 2)',
    caseNote: `Issues Resolution Stage ${n} to the ${title} (RAG {{rag}}, {{category}}): {{summary}}. Impact on the child: {{impactOnChild}}. Actions requested: {{actionsRequested}}. Form uploaded to the documents tab.`,
    window: RAG,
    windowDoc: RAG_DOC,
    doc: `${SRC}, Process: "${quote}" ${FORMAL}`,
  });
}

module.exports = {
  processKey: 'north-somerset',
  name: 'ISRO Issue Resolution Protocol',
  authority: 'North Somerset',
  caseSystem: "Child's electronic file",
  source: '000_9348387004fb69db.txt',
  processName: 'North Somerset: ISRO Issue Resolution Protocol',
  participantName: 'North Somerset: ISRO Issue Resolution Protocol (Quality Assurance, Reviewing and Safeguarding Team)',
  processDoc: `${SRC}. An ISRO (Independent Safeguarding and Reviewing Officer: the IRO of a child in care or the Child Protection Chair of a child on a plan) raises a concern and escalates it: early resolution with the social worker (formal escalation if not resolved within 5 working days), then Stage 1 Team Manager, Stage 2 Head of Service, Stage 3 Assistant Director, Stage 4 Director of Children's Services (after the QA Team Manager agrees and the QA Head of Service is consulted). Response windows by RAG at each stage (GREEN 5 wd, AMBER 3 wd, RED 25 h as written). Any stage may be bypassed. Cafcass at any point or concurrently (IRO and child in care only). Resolution within 20 working days, else the QA Team Manager is alerted. Themed concerns go to the QA Team Manager. See workflows/README.md.`,
  startDoc: `${SRC}: "Where early resolution approaches have not been successful or where the ISRO identifies systemic issues that are impacting on the effective planning for a child or young person, the Issues Resolution Protocol should be followed." The start command carries the child, the raiser (IRO or CP Chair), the concern category (one of the protocol's 15 headings), the RAG rating, the summary, the impact on the child, the actions requested and startRung (0 = early resolution; higher = a bypass with bypassReason).`,
  lanes: {
    reviewer: 'ISRO (IRO / CP Chair)',
    ladder: "Social worker and children's services managers (Team Manager → DCS)",
    qa: 'Quality Assurance, Reviewing and Safeguarding Team management',
  },
  roles: {
    reviewer: 'ISRO (Independent Safeguarding and Reviewing Officer) who raised the concern',
    iro: 'ISRO (Independent Reviewing Officer for a child in care)',
    cpChair: 'ISRO (Child Protection Chair for a child on a plan)',
    socialWorker: 'Social Worker',
    teamManager: 'Team Manager',
    headOfService: 'Head of Service',
    assistantDirector: 'Assistant Director',
    dcs: "Director of Children's Services",
    qaTeamManager: 'Quality Assurance Team Manager',
    qaHeadOfService: 'QA Head of Service',
  },
  categories: C.HEADINGS_000,
  ragTable: { GREEN: '5wd', AMBER: '3wd', RED: '25h' },
  fixedWindow: null,
  reminderBefore: '1wd',
  overallLimit: '20wd',
  returnFallback: 3,
  decisionDoc: `${SRC}: the ISRO decides on the response: resolved; actions agreed with a date (actionsDueAt) that the ISRO monitors; not resolved → escalate to the next stage; or bypass ("an ISRO may bypass any of these stages if the urgency or seriousness of the matter demands a more senior response"). The RAG rating "AT EACH STAGE" may be changed here (rag) for the next stage.`,
  actionsDoc: `${SRC}: actions agreed with a date are monitored by the ISRO; met (message actions-met) → resolved; not met by the date (timer date(actionsDueAt)) → the next stage, as a concern "not fully resolved" at this stage.`,
  bypassAtStart: { doc: `${SRC}: starting above early resolution is a bypass ("an ISRO may bypass any of these stages if the urgency or seriousness of the matter demands a more senior response"): it takes the bypass path, so its reason is recorded on the child's file ("In all eventualities where the ISRO has intervened in planning for a child or young person, this will be recorded on the child/young person's electronic file").` },
  bypassDoc: `${SRC}, Timeliness: "The procedure is a staged process intended to encourage early attempts to resolve concerns with the social worker or team manager, however an ISRO may bypass any of these stages if the urgency or seriousness of the matter demands a more senior response." "*There are many reasons why an ISRO may bypass a stage to bring the concern to the attention of a more senior manager. These may include highlighting a concern made about a decision at a senior level or the serious nature or urgency of the concern demands it." Message bypass (bypassTo, bypassReason) at any time during a stage, or decision "bypass"; the reason is recorded; a bypass to Stage 4 still needs the QA agreement.`,
  returnDoc: `${SRC}: a refused Stage 4 agreement ("Escalation of a concern to this stage requires discussion with the QA Head of Service following agreement with the QA Team Manager"), a target that is not a stage, or a bypass without a reason does not advance the concern: the ISRO is told and the current stage's decision is asked again (from the start: the concern opens at Stage 3).`,
  cafcassEligibilityDoc: 'Cafcass referral is the IRO\'s power for a child in care (IRO Handbook; s.118 Adoption and Children Act 2002): only when raiserRole is IRO and legalStatus is child-in-care. A CP Chair (child protection plan) is refused, told so, and a case note is written; no referral is made.',
  overall: {
    recipient: 'qaTeamManager',
    cc: ['reviewer'],
    doc: `${SRC}, Timeliness: "In all cases, a resolution should be achieved within 20 working days or within a timescale that protects the child/young person from harm (whichever is less)." The 20 working days run from the first formal escalation (overallDeadline() reads firstFormalAt); when they pass unresolved the QA Team Manager is alerted and the concern carries on.`,
  },
  ladderExhausted: C.ladderExhausted({
    cc: ['qaTeamManager', 'qaHeadOfService'],
    name: 'Tell the ISRO and QA: Stage 4 not resolved',
    note: 'Stage 4 (Director of Children\'s Services) has not resolved the concern and there is no higher stage. The ISRO may refer to Cafcass at any point (IRO, child in care).',
    doc: `${SRC}: Stage 4 is the highest stage; "the ISRO may refer an issue to CAFCASS at any point in the process". Escalating past Stage 4 (or no response there) tells the ISRO and QA management and returns to the Stage 4 decision: the concern is not dropped.`,
  }),
  rungs: [
    {
      n: 0, kind: 'informal', routable: true, id: 'Rung0_EarlyResolution', short: 'Early resolution', title: 'Early resolution (informal)',
      recipient: 'socialWorker', cc: [], template: 'early-resolution-email',
      notifyName: 'Outline the concern to the social worker, follow up by email',
      caseNoteName: 'ISRO Dispute Resolution case note',
      caseNote: 'ISRO Dispute Resolution ({{category}}): {{summary}}. Impact on the child: {{impactOnChild}}. Actions requested: {{actionsRequested}}.',
      responseNote: 'ISRO Dispute Resolution: response from {{respondedBy}}: {{response}}.',
      awaitName: "Await the social worker's response",
      window: { kind: 'none', settings: '5wd' },
      windowDoc: `${SRC}, Process: "if the issue cannot be resolved in this way within 5 working days it needs to be escalated within the formal process." The 5 working days bound the whole early-resolution stage (timer on the stage).`,
      rungTimer: {
        // Armed each time the stage is entered. A return to it (a refused Stage 4 agreement after a bypass, a bypass
        // without a reason) re-enters it to resume at the ISRO's decision: the 5 working days still run from when
        // early resolution began (stageEnteredAt), and a reminder already due is not sent again (it is put after
        // the window, which ends the stage first).
        value: 'routeBy === "return" && currentRung === 0 ? workingDays(5, variables.stageEnteredAt) : workingDays(5)',
        reminder: 'routeBy === "return" && currentRung === 0 ? (workingDays(4, variables.stageEnteredAt) > Date.now() ? workingDays(4, variables.stageEnteredAt) : new Date(workingDays(5, variables.stageEnteredAt).getTime() + 60000)) : workingDays(4)',
        name: '5 working days pass',
        passedName: 'Tell the ISRO: not resolved in 5 working days, escalate formally',
        doc: `${SRC}, Process: "We are always keen for issues to be resolved informally at an early stage. However, if the issue cannot be resolved in this way within 5 working days it needs to be escalated within the formal process." Reminder one working day before. A return to this stage (a refused Stage 4 agreement after a bypass, a bypass without a reason) does not restart the 5 working days: they run from when early resolution began (stageEnteredAt), and a reminder already sent is not repeated.`,
      },
      doc: `${SRC}, Process: "Early resolution will be sought by the ISRO who will outline the concerns with the child or young person's social worker in the first instance and follow up with an email. The ISRO will record this on the child or young person's file with an ISRO Dispute Resolution case note, which includes the concerns and responses and a short analysis of the resolution." "if the issue cannot be resolved in this way within 5 working days it needs to be escalated within the formal process."`,
    },
    stage(1, 'Rung1_TeamManager', 'Team Manager', 'teamManager', 'Stage 1: Concern that has not been fully resolved at early resolution and/or requires the attention of the Team Manager'),
    stage(2, 'Rung2_HeadOfService', 'Head of Service', 'headOfService', 'Stage 2: Concern that has not been fully resolved at early resolution or Stage 1 and/or requires the attention of the Head of Service *'),
    stage(3, 'Rung3_AssistantDirector', 'Assistant Director', 'assistantDirector', 'Stage 3: Concern that has not been fully resolved in previous stages and/or requires the attention of the Assistant Director *'),
    stage(4, 'Rung4_DirectorOfChildrensServices', "Director of Children's Services", 'dcs', "Stage 4: Concern that has not been fully resolved in previous stages and/or requires the attention of the Director of Children's Services ** — **Escalation of a concern to this stage requires discussion with the QA Head of Service following agreement with the QA Team Manager."),
  ],
  gates: {
    4: [
      { id: 'QaTeamManager', key: 'qa-team-manager-agreement', title: 'QA Team Manager agrees to Stage 4', role: 'qaTeamManager', short: 'Agreed', doc: `${SRC}: "**Escalation of a concern to this stage requires discussion with the QA Head of Service following agreement with the QA Team Manager." First the QA Team Manager's agreement (gateApproved); refused → not escalated, back to the previous stage's decision.` },
      { id: 'QaHeadOfService', key: 'qa-head-of-service-discussion', title: 'Discuss Stage 4 with the QA Head of Service', role: 'qaHeadOfService', short: 'Supported', doc: `${SRC}: "**Escalation of a concern to this stage requires discussion with the QA Head of Service following agreement with the QA Team Manager." Then the discussion with the QA Head of Service (gateApproved = go ahead, gateNote = the discussion); refused → not escalated.` },
    ],
  },
  cafcassSettings: { allowed: true, when: 'any-time', requires: ['iro', 'child-in-care'] },
  closing: {
    taskName: 'Record the outcome and the impact on the child',
    checkName: 'Outcome recorded?',
    check: 'typeof outcome === "string" && outcome.trim() !== ""',
    caseNoteName: 'Case note: Issues Resolution closed',
    note: 'Issues Resolution resolved at {{currentStage}}: {{outcome}}. Impact on the child: {{impactOnLivedExperience}}.',
    doc: `${SRC}: "In all eventualities where the ISRO has intervened in planning for a child or young person, this will be recorded on the child/young person's electronic file." The ISRO records the outcome (required) and the impact on the child's lived experience (and any learning).`,
  },
  eventSubs: [
    ES.cafcass({
      title: 'Cafcass referral: at any point, or concurrently',
      doc: `${SRC}, Timeliness: "It is important to note that the ISRO may refer an issue to CAFCASS at any point in the process. They may also consider the option of a concurrent referral to CAFCASS." Message cafcass-referral (cafcassReason), at any time; the escalation carries on alongside.`,
      referralDoc: `${SRC}: "the ISRO may refer an issue to CAFCASS at any point in the process. They may also consider the option of a concurrent referral". The referral is recorded (cafcass-referred) and noted on the child's file; the ladder carries on.`,
      referralRecipient: 'reviewer', referralCc: ['qaTeamManager'],
      referralNote: 'Referred to Cafcass by the IRO: {{cafcassReason}}. The Issues Resolution carries on at {{currentStage}}.',
      notEligibleCc: [],
    }),
    ES.themed({
      title: 'Themed concern',
      recordName: 'Record the Themed Concern form (Appendix 3)',
      doc: `${SRC}, Themed Concerns: "Concerns that arise as a result of resource or other system issues and/or indicate a pattern or theme beyond an individual child should be recorded on the Themed Concern form (appendix 3) and sent to the Quality Assurance Team Manager who will review the supporting evidence." Message themed-concern (theme), at any time; the child's escalation carries on.`,
      notify: { name: 'Send the form to the QA Team Manager to review the evidence', recipient: 'qaTeamManager', cc: ['reviewer'], template: 'themed-concern-form' },
      endName: 'With the QA Team Manager',
    }),
  ],
};
