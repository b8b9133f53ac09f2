'use strict';
// 002_85164e4d444ba9d9.txt — Devon, QARSS Resolution and Escalation Protocol.
const C = require('./common');
const ES = require('../lib/eventsubs');

const SRC = 'Devon QARSS Resolution and Escalation Protocol';
const RAG = C.ragWindow('GREEN 5 working days, AMBER 3 working days, RED 24 hours');
const RAG_DOC = `${SRC}, Timeliness: "The following status rating will be used to help communicate the urgency of the escalation AT EACH STAGE and governs the required response time from the person to whom the concern has been referred" — GREEN (low risk) "Within 5 working days"; AMBER (moderate risk) "Within 3 working days"; RED (high or immediate risk) "Within 24 hours". Accountability: "At each stage it is important the person who originally raised the concern is given feedback within the prescribed RAG rating timescale on what action has been taken in response. It is the responsibility of the person to whom the issue is referred, to ensure clear and timely feedback is provided, recorded on the I3." No response in the window → the next stage, and the Reviewing Officer is told.`;
const ACCOUNT = 'Accountability: "The Reviewing Officer will notify the person to whom the escalation is referred by phone and email the same day as the escalation is raised." Recording: "In all situations where the Reviewing Officer has intervened in planning for a child, this will be recorded within this resolution process on the I3 on child\'s electronic file."';

function stage(n, id, title, recipient, quote) {
  return C.formal({
    n, id, short: `Stage ${n}`, title: `Stage ${n}: ${title}`, recipient, cc: [],
    template: 'escalation-referral',
    awaitName: `Await the ${title}'s feedback`,
    notifyName: `Notify the ${title} by phone and email (same day)`,
    caseNoteName: 'Resolution and Escalation form on I3',
    caseNote: `Escalation Stage ${n} to the ${title} (RAG {{rag}}, {{category}}): {{summary}}. Impact on the child: {{impactOnChild}}. Actions requested: {{actionsRequested}}.`,
    responseNote: `Stage ${n} feedback from {{respondedBy}} recorded on I3: {{response}}.`,
    window: RAG,
    windowDoc: RAG_DOC,
    doc: `${SRC}, Process: "${quote}" ${ACCOUNT}`,
  });
}

module.exports = {
  processKey: 'devon',
  name: 'QARSS Resolution and Escalation Protocol',
  authority: 'Devon',
  caseSystem: 'I3',
  source: '002_85164e4d444ba9d9.txt',
  processName: 'Devon: QARSS Resolution and Escalation Protocol',
  participantName: 'Devon: Resolution and Escalation (Quality Assurance, Reviewing and Safeguarding Service)',
  processDoc: `${SRC}. A resolution meeting (social worker, manager, Reviewing Officer, the person who raised the concern) first — it may be bypassed, may run alongside any stage and exits the protocol whenever it resolves the concern (message meeting-resolved) — then Stage 1 Team Manager, Stage 2 Area Manager, Stage 3 Locality Director, Stage 4 Head of Service (after discussion with the QARSS Unit Operations Manager). Response windows by RAG at each stage (GREEN 5 wd, AMBER 3 wd, RED 24 h). Any stage may be bypassed, telling the social worker and manager first. Cafcass at any point or concurrently (IRO and child in care only), telling the social worker and manager first. Resolution within 20 working days, else the QARSS Manager is alerted. Themed concerns: QARSS Manager → Senior Safeguarding Manager → Senior Management Team. Recorded on I3. See workflows/README.md.`,
  startDoc: `${SRC}: "Where early resolution approaches have not been successful or where the Reviewing Officer identifies systemic issues that are impacting upon the effective planning for a child, the escalation protocol should be followed." The start command carries the child, the raiser (IRO or ISRO/CP Chair), the category (one of the 15 headings), the RAG rating, summary, impact on the child, actions requested and startRung (0 = resolution meeting; higher = a bypass with bypassReason).`,
  lanes: {
    reviewer: 'Reviewing Officer (IRO / ISRO)',
    ladder: "Social worker and children's services managers (Team Manager → Head of Service)",
    qa: 'QARSS management (Unit Operations Manager, QARSS Manager, Senior Safeguarding Manager)',
  },
  roles: {
    reviewer: 'Reviewing Officer (IRO / ISRO) who raised the concern',
    iro: 'Independent Reviewing Officer',
    cpChair: 'ISRO (Child Protection Chair)',
    socialWorker: 'Social Worker',
    teamManager: 'Team Manager',
    areaManager: 'Area Manager',
    localityDirector: 'Locality Director',
    headOfService: 'Head of Service',
    qarssUnitOperationsManager: 'QARSS Unit Operations Manager',
    qarssManager: 'QARSS Manager',
    qarssManagerGroup: 'Wider QARSS Manager group',
    seniorSafeguardingManager: 'Senior Safeguarding Manager',
    seniorManagementTeam: 'Senior Management Team',
  },
  categories: C.HEADINGS_002,
  ragTable: { GREEN: '5wd', AMBER: '3wd', RED: '24h' },
  fixedWindow: null,
  reminderBefore: '1wd',
  overallLimit: '20wd',
  returnFallback: 3,
  decisionDoc: `${SRC}: on the feedback the Reviewing Officer decides: resolved; actions agreed with a date to monitor; not resolved → the next stage; or bypass ("the ISRO/IRO may bypass any of the stages if the urgency or seriousness of the concern demands a more senior response"). The RAG rating applies "AT EACH STAGE" and may be changed here (rag).`,
  actionsDoc: `${SRC}: actions agreed ("So, what needs to happen now? And what can you do? By when?") are monitored: met (message actions-met) → resolved; not met by the date (date(actionsDueAt)) → the next stage ("Clarity of next steps if a resolution cannot be met (implementation of escalation protocol)").`,
  bypassDoc: `${SRC}, Timeliness: "This is a staged procedure intended to encourage early attempts to resolve concerns with the social worker and team manager, however, the ISRO/IRO may bypass any of the stages if the urgency or seriousness of the concern demands a more senior response. Informing the social worker and manager of this decision, before it is enacted where possible." "*There are many reasons why an IRO may bypass a stage to bring the concern to the attention of a more senior manager." Message bypass (bypassTo, bypassReason) or decision "bypass"; the reason is recorded and the social worker and Team Manager are told before the concern moves. A bypass to Stage 4 still needs the QARSS Unit Operations Manager.`,
  bypassAtStart: { doc: `${SRC}: starting above the resolution meeting is a bypass ("There are many reasons why an IRO may bypass this stage to instigate the escalation protocol"; "the ISRO/IRO may bypass any of the stages … Informing the social worker and manager of this decision, before it is enacted where possible"): it takes the bypass path, so the reason is recorded and the social worker and manager are told before the first stage is notified.` },
  bypassNotify: { name: 'Tell the social worker and manager before the bypass', recipient: 'socialWorker', cc: ['teamManager'], template: 'bypass-intended', doc: `${SRC}: "Informing the social worker and manager of this decision, before it is enacted where possible."` },
  returnDoc: `${SRC}: Stage 4 not agreed ("Escalation of a concern to this stage requires discussion with the QARSS UNIT Operations Manager in the first instance"), a stage that does not exist, or a bypass without a reason: the Reviewing Officer is told and the current stage's decision is asked again (from the start: Stage 3).`,
  cafcassEligibilityDoc: `${SRC}, Cafcass: "The IRO should refer the concern of any child in care to Cafcass" — only raiserRole IRO and legalStatus child-in-care; an ISRO chairing child protection (child protection plan) is refused, told so, and a case note is written; no referral is made.`,
  overall: {
    recipient: 'qarssManager',
    cc: ['reviewer', 'qarssUnitOperationsManager'],
    doc: `${SRC}, Timeliness: "In all escalations, a resolution should be achieved within 20 working days or a timescale that protects the child from harm (whichever is less)." The 20 working days run from the first formal escalation (overallDeadline() reads firstFormalAt); when they pass unresolved the QARSS Manager is alerted and the concern carries on.`,
  },
  ladderExhausted: C.ladderExhausted({
    cc: ['qarssManager', 'qarssUnitOperationsManager'],
    name: 'Tell the Reviewing Officer and QARSS: Stage 4 not resolved',
    note: 'Stage 4 (Head of Service) has not resolved the concern and there is no higher stage. The IRO may refer to Cafcass at any point (IRO, child in care).',
    doc: `${SRC}: Stage 4 is the highest stage; "The IRO Reviewing Officer may refer the issue to CAFCASS at any point in the process". Escalating past Stage 4 (or no feedback there) tells the Reviewing Officer and QARSS management and returns to the Stage 4 decision: the concern is not dropped.`,
  }),
  rungs: [
    {
      n: 0, kind: 'informal', routable: true, id: 'Rung0_ResolutionMeeting', short: 'Resolution meeting', title: 'Resolution meeting / discussion',
      recipient: 'socialWorker', cc: ['teamManager'], template: 'resolution-meeting',
      notifyName: 'Convene the resolution meeting (social worker, manager, raiser)',
      caseNoteName: 'Case note: resolution meeting convened',
      caseNote: 'Resolution meeting/discussion convened with the social worker, manager and the person who raised the concern ({{category}}): {{summary}}. Impact on the child: {{impactOnChild}}.',
      responseNote: 'Resolution meeting held: {{response}} ({{respondedBy}}).',
      awaitName: 'Hold the resolution meeting (outcome as the response)',
      window: RAG,
      windowDoc: `${SRC}: "Timescales for holding a resolution meeting must not cause delay and place a child at continued risk." The document gives the meeting no timescale of its own; the RAG window of the concern is used so that the meeting cannot delay the child (our reading, see workflows/README.md). No meeting outcome in that window → Stage 1.`,
      resolveExtras: [
        { id: 'CaseNote_Rung0_ResolutionForm', name: 'Record the Resolution and Escalation form', doc: `${SRC}: "Where Reviewing Officer's (IRO or ISRO) have agreed a change of plan or approach with the social worker or team manager at an early stage and a positive resolution has been agreed, this should be recorded on a Resolution and Escalation form on the child's electronic file and re-assigned to the Team Manager to ensure transparency and a shared responsibility for progress."`, esc: { action: 'case-note', note: 'Resolution and Escalation form: positive resolution agreed at the resolution meeting ({{response}}); re-assigned to the Team Manager.' } },
        { id: 'Notify_Rung0_Reassigned', name: 'Re-assign the form to the Team Manager', doc: `${SRC}: "... re-assigned to the Team Manager to ensure transparency and a shared responsibility for progress."`, esc: { action: 'notify', recipientRole: 'teamManager', ccRoles: 'socialWorker', template: 'reassigned-to-team-manager' } },
      ],
      doc: `${SRC}, Resolution: "A resolution meeting/discussion should be considered. A collective decision needs to be made on who this will involve. This is likely to be social worker, manager, IRO, and the person who originally raised the concern." "Timescales for holding a resolution meeting must not cause delay and place a child at continued risk. There are many reasons why an IRO may bypass this stage to instigate the escalation protocol." Process: "Meeting/Discussion involving the person who originally raised the concern, Social Worker and Reviewing Officer (this meeting may need to run concurrently with differing stages in order to prevent delay – but continues to offer the opportunity of exiting the escalation protocol if resolution achieved." (the concurrent meeting: event sub-process "Resolution meeting at any stage").`,
    },
    stage(1, 'Rung1_TeamManager', 'Team Manager', 'teamManager', 'Stage 1: Concern has not been fully resolved at early resolution and/ or requires the attention of the Team Manager.'),
    stage(2, 'Rung2_AreaManager', 'Area Manager', 'areaManager', 'Stage 2: Concern that has not been fully resolved at early resolution and/or requires the attention of an Area Manager. *'),
    stage(3, 'Rung3_LocalityDirector', 'Locality Director', 'localityDirector', 'Stage 3: Concern that has not been fully resolved in previous stages and/or requires the attention of a Locality Director*'),
    stage(4, 'Rung4_HeadOfService', 'Head of Service', 'headOfService', 'Stage 4: Concern that has not been fully resolved in previous stages and/or requires the attention of the Head of Service** — ** Escalation of a concern to this stage requires discussion with the QARSS UNIT Operations Manager in the first instance.'),
  ],
  gates: {
    4: [
      { id: 'QarssUnitOperationsManager', key: 'qarss-unit-operations-manager-discussion', title: 'Discuss Stage 4 with the QARSS Unit Operations Manager', role: 'qarssUnitOperationsManager', short: 'Agreed', doc: `${SRC}: "** Escalation of a concern to this stage requires discussion with the QARSS UNIT Operations Manager in the first instance." gateApproved = go ahead after the discussion (gateNote); refused → not escalated, back to the previous stage's decision.` },
    ],
  },
  cafcassSettings: { allowed: true, when: 'any-time', requires: ['iro', 'child-in-care', 'inform-social-worker-and-manager'] },
  closing: {
    taskName: 'Record the outcome and the impact on the child',
    checkName: 'Outcome recorded?',
    check: 'typeof outcome === "string" && outcome.trim() !== ""',
    caseNoteName: 'Case note: escalation resolved (I3)',
    note: 'Resolution and Escalation closed at {{currentStage}}: {{outcome}}. Impact on the child: {{impactOnLivedExperience}}.',
    doc: `${SRC}: "In all situations where the Reviewing Officer has intervened in planning for a child, this will be recorded within this resolution process on the I3 on child's electronic file." The Reviewing Officer records the outcome (required) and the impact on the child.`,
  },
  eventSubs: [
    ES.cafcass({
      title: 'Cafcass referral: at any point, or concurrently',
      doc: `${SRC}: "NB. The IRO Reviewing Officer may refer the issue to CAFCASS at any point in the process. They may also consider the option of a concurrent referral to CAFCASS. Informing the social worker and manager of this decision, before it is enacted where possible." Cafcass: "The IRO should refer the concern of any child in care to Cafcass where the IRO considers it appropriate to do so and it has not been possible to resolve the issues through local resolution." Message cafcass-referral (cafcassReason), at any time; the escalation carries on alongside.`,
      before: [
        { id: 'Notify_CafcassIntended', name: 'Tell the social worker and manager first', doc: `${SRC}: "Informing the social worker and manager of this decision, before it is enacted where possible."`, esc: { action: 'notify', recipientRole: 'socialWorker', ccRoles: 'teamManager', template: 'cafcass-referral-intended' } },
      ],
      referralDoc: `${SRC}: Section 118 of the Adoption and Children Act 2002 amending section 26 of the Children Act 1989. The referral is recorded (cafcass-referred) and noted on I3; the escalation carries on.`,
      referralRecipient: 'reviewer', referralCc: ['qarssManager'],
      referralNote: 'Referred to Cafcass by the IRO (s.118 ACA 2002): {{cafcassReason}}. Social worker and manager informed first. The escalation carries on at {{currentStage}}.',
      notEligibleCc: [],
    }),
    ES.meetingResolved({
      title: 'Resolution meeting at any stage: exit when resolved',
      note: 'Resolution and Escalation form: resolved at a resolution meeting held alongside {{currentStage}}; re-assigned to the Team Manager. The escalation protocol is exited.',
      doc: `${SRC}, Process: the resolution meeting "may need to run concurrently with differing stages in order to prevent delay – but continues to offer the opportunity of exiting the escalation protocol if resolution achieved." Message meeting-resolved at any time: interrupts whatever stage is running, records the Resolution and Escalation form, re-assigns it to the Team Manager, records the outcome and ends the escalation.`,
    }),
    ES.themed({
      title: 'Themed concern',
      recordName: 'Record on the I3 Themed Concern tab',
      doc: `${SRC}, Themed Concerns: "Concerns that arise as a result of resource or other system issues and/or indicate a pattern or theme beyond an individual child, should be recorded on the Themed Concern Tab on the I3, re-assigned to the QARSS Manager who will review the supporting evidence, gather more if necessary and escalate directly to the Senior Safeguarding Manager, for consideration by the Senior Management Team." "Escalation of themed concerns should always take place following consultation with the wider QARSS Manager in order to provide the opportunity for collective evidence gathering and coordination." Message themed-concern (theme), at any time; the child's escalation carries on.`,
      notify: { name: 'Re-assign to the QARSS Manager (wider QARSS managers consulted)', recipient: 'qarssManager', cc: ['qarssManagerGroup', 'reviewer'], template: 'themed-concern-review' },
      review: { name: 'QARSS Manager reviews the evidence', role: 'qarssManager', doc: `${SRC}: the QARSS Manager "will review the supporting evidence, gather more if necessary and escalate directly to the Senior Safeguarding Manager". Completes with themeReview (the evidence and the manager's view).` },
      escalate: { name: 'Escalate to the Senior Safeguarding Manager for the SMT', recipient: 'seniorSafeguardingManager', cc: ['seniorManagementTeam', 'qarssManager'], template: 'themed-concern-escalation' },
      endName: 'With the Senior Management Team',
    }),
  ],
};
