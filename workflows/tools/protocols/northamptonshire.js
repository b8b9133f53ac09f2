'use strict';
// 004_45516883b600d204.txt — Northamptonshire, 1.6.3 Resolution and Escalation Process (IRO and CP Chair).
const C = require('./common');
const ES = require('../lib/eventsubs');

const SRC = 'Northamptonshire Resolution and Escalation Process (IRO and CP Chair)';
const TABLE = '5. Process: "Level Responsible Officer Response Expected within Working Days"';
const FIXED_DOC = (n, title) => `${SRC}, ${TABLE}: "Level ${n}: ${title} 5". A reminder goes one working day before; when the 5 working days pass with no response the IRO/CPCC is told and the concern moves to the next level ("the IRO/CPCC will continue to negotiate with management up to the highest level if necessary").`;
const RECORD = '"All activity relating to the Resolution and Escalation Process will be recorded on Carefirst using the escalation form."';

function level(n, id, title, recipient, cc, extra = '') {
  return C.formal({
    n, id, short: `Level ${n}`, title: `Level ${n}: ${title}`, recipient, cc,
    template: 'escalation-form-level',
    awaitName: `Await the ${title}'s response`,
    notifyName: `Escalate to the ${title} (escalation form)`,
    caseNoteName: 'Carefirst escalation form: level recorded',
    caseNote: `Resolution and Escalation Level ${n} to the ${title} ({{category}}): {{summary}}. Impact on the child: {{impactOnChild}}. Actions requested: {{actionsRequested}}. Response expected within 5 working days.`,
    responseNote: `Level ${n}: response from {{respondedBy}}: {{response}}.`,
    window: C.fixedWindow,
    windowDoc: FIXED_DOC(n, title),
    doc: `${SRC}, ${TABLE} — "Level ${n}: ${title} 5". 7. Escalation and Formal Resolution: "Where issues relating to practice are identified and the IRO/CPCC is dissatisfied with the informal response or timely solution to the issue, the IRO/CPCC will continue to negotiate with management up to the highest level if necessary in order to resolve the issue." ${RECORD}${extra}`,
  });
}
const LINE_MANAGERS = ' 8. The IRO Manager / CP Chair Manager and the Strategic Manager (Safeguarding and Quality Assurance) "ensure that meetings take place on time and that they are present at all relevant meetings above the Team Manager level": the reviewer\'s line manager is copied in.';

module.exports = {
  processKey: 'northamptonshire',
  name: 'Resolution and Escalation Process (IRO and CP Chair)',
  authority: 'Northamptonshire',
  caseSystem: 'Carefirst',
  source: '004_45516883b600d204.txt',
  processName: 'Northamptonshire: Resolution and Escalation Process',
  participantName: 'Northamptonshire: Resolution and Escalation Process (IRO and CP Chair)',
  processDoc: `${SRC}. Informal escalation with the social worker and Practice Manager (Team Manager copied), to a timescale agreed between the IRO/CPCC and the SW/PM; formal escalation only after discussion and agreement with the reviewer's immediate line manager; then Level 1 Team Manager, Level 2 Service Manager, Level 3 Strategic Manager, Level 4 Assistant Director / Director of Children's Services, 5 working days each, the formal process no more than 20 working days in total (else the Strategic Manager (Safeguarding and QA) is alerted). The reviewer may go straight to the level they consider most appropriate. Cafcass (s.118) at any point, IROs and children in care only, after independent legal advice in liaison with the line manager and the Strategic Manager. Recorded on Carefirst. See workflows/README.md.`,
  startDoc: `${SRC}, 2: "Where problems are identified in relation to a child's case ... the IRO will, in the first instance, seek to resolve the issue informally with the social worker or the social worker's managers." The start command carries the child, the raiser (IRO or CPCC), the category (Appendix A), summary, impact on the child, actions requested, agreedDate (the timescale agreed with the SW/PM) and startRung (0 = informal; 1–4 = "proceed directly to the level they consider most appropriate", with bypassReason).`,
  lanes: {
    reviewer: 'IRO / CP Conference Chair',
    ladder: "Social worker, Practice Manager and children's services managers (Team Manager → AD/DCS)",
    qa: 'IRO / CP Chair line management and Strategic Manager (Safeguarding and QA)',
  },
  roles: {
    reviewer: 'IRO / Child Protection Conference Chair (CPCC) who raised the concern',
    iro: 'Independent Reviewing Officer',
    cpChair: 'Child Protection Conference Chair (CPCC)',
    socialWorker: 'Social Worker',
    practiceManager: 'Practice Manager',
    teamManager: 'Team Manager',
    serviceManager: 'Service Manager',
    strategicManager: 'Strategic Manager',
    assistantDirector: "Assistant Director Children's Services / Director of Children's Services",
    lineManager: "The reviewer's immediate line manager: IRO Manager (for an IRO) / Child Protection Chair Manager (for a CP Chair)",
    strategicManagerSqa: 'Strategic Manager (Safeguarding and Quality Assurance)',
  },
  categories: [
    'General issue',
    'Failure to meet statutory requirements for the child',
    'Care plan implementation',
    'Dispute around the provision of services',
  ],
  ragTable: null,
  fixedWindow: '5wd',
  reminderBefore: '1wd',
  overallLimit: '20wd',
  returnFallback: 0,
  decisionDoc: `${SRC}: after the response the IRO/CPCC decides: resolved; actions agreed with a date to monitor; dissatisfied → the next level ("the IRO/CPCC will continue to negotiate with management up to the highest level if necessary in order to resolve the issue"); or another level ("Exceptionally when more urgent or serious concerns remain unresolved, the IRO/CPCC has the discretion to proceed directly to the level they consider most appropriate").`,
  actionsDoc: `${SRC}: actions agreed with a date are monitored by the IRO/CPCC; met (message actions-met) → resolved; not met by the date (date(actionsDueAt)) → the next level ("dissatisfied with the informal response or timely solution to the issue").`,
  bypassAtStart: { doc: `${SRC}, 7: "Exceptionally when more urgent or serious concerns remain unresolved, the IRO/CPCC has the discretion to proceed directly to the level they consider most appropriate." Starting at a formal level is such a bypass: it takes the bypass path, so its reason is recorded on Carefirst and used up (a later bypass needs its own), and the router still asks the line manager first (6: formal escalation "following discussion and agreement with their immediate line manager").` },
  bypassDoc: `${SRC}, 7: "There are four levels to the formal resolution process. Exceptionally when more urgent or serious concerns remain unresolved, the IRO/CPCC has the discretion to proceed directly to the level they consider most appropriate." 2: "It is a matter of professional judgement as to what level of escalation is needed and the impact on the child is the significant factor." Message bypass (bypassTo 0–4, bypassReason) or decision "bypass"; the reason is recorded. Entering the formal process this way still needs the line manager's agreement.`,
  returnDoc: `${SRC}: the line manager does not agree to formal escalation ("following discussion and agreement with their immediate line manager who will ensure that all attempts have been made to resolve the issue at an informal stage"), a level that does not exist, or a bypass without a reason: the IRO/CPCC is told and the current level's decision is asked again (from the start: the informal stage).`,
  cafcassEligibilityDoc: `${SRC}, 7: "For IRO only ... could lead the IRO to make a Section 118 referral to CAFCASS." Only raiserRole IRO and legalStatus child-in-care; a CP Chair (child protection plan) is refused, told so, and a case note is written; no referral is made.`,
  overall: {
    recipient: 'strategicManagerSqa',
    cc: ['lineManager', 'reviewer'],
    doc: `${SRC}, 5: "The IRO handbook states the formal dispute resolution process within each local authority should have timescales in total of no more than 20 working days." The 20 working days run from the first formal level (overallDeadline() reads firstFormalAt); when they pass unresolved the Strategic Manager (Safeguarding and Quality Assurance), responsible for both services, is alerted and the concern carries on.`,
  },
  ladderExhausted: C.ladderExhausted({
    cc: ['lineManager', 'strategicManagerSqa'],
    name: 'Tell the IRO/CPCC and managers: Level 4 not resolved',
    note: 'Level 4 (Assistant Director / DCS) has not resolved the concern and there is no higher level. An IRO may seek independent legal advice and refer to Cafcass (s.118) at any point.',
    doc: `${SRC}, 7: "Where an Independent Reviewing Officer has been advised that the obstacles in the way of resolving the issue are outside or beyond the control of the local authority, the Independent Reviewing Officer should continue to escalate if the issues are impacting upon the ability of the department to meet the needs of the child." Level 4 is the highest: escalating past it (or no response there) tells the reviewer and managers and returns to the Level 4 decision: the concern is not dropped.`,
  }),
  formalGate: {
    doc: `${SRC}, 6. Informal Escalation: "If informal resolution proves unsuccessful, the Independent Reviewing Officer will raise the concern through the formal escalation process following discussion and agreement with their immediate line manager who will ensure that all attempts have been made to resolve the issue at an informal stage". Asked once, before the first formal level however it is reached (from informal, at the start, or by a bypass); formalAgreed then stays true.`,
    gates: [
      { id: 'LineManager', key: 'line-manager-agreement', title: "Line manager agrees to formal escalation", role: 'lineManager', short: 'Agreed', doc: `${SRC}, 6: formal escalation "following discussion and agreement with their immediate line manager who will ensure that all attempts have been made to resolve the issue at an informal stage". 8: "The IRO Manager is responsible for the line management and supervision of the IROs. The Child Protection Chair Manager is responsible for the line management and supervision of the CP Chairs." gateApproved = agreed; refused → not escalated, back to the informal decision.` },
    ],
  },
  rungs: [
    {
      n: 0, kind: 'informal', routable: true, id: 'Rung0_Informal', short: 'Informal', title: 'Informal escalation',
      recipient: 'socialWorker', cc: ['practiceManager', 'teamManager'], template: 'escalation-form-created',
      notifyName: 'Email the SW and PM (copy the TM): escalation form and agreed timescale',
      agreedDate: true,
      agreedDateDoc: `${SRC}, 5: Informal — "Timescale agreed between IRO and SW/PM". The date (agreedDate, YYYY-MM-DD) comes with the start command or is recorded here.`,
      caseNoteName: 'Carefirst escalation form (informal record)',
      caseNote: 'Informal escalation ({{category}}): {{summary}}. Impact on the child: {{impactOnChild}}. Actions requested: {{actionsRequested}}. Timescale agreed with the SW/PM: {{agreedDate}}.',
      responseNote: 'Informal escalation: response from {{respondedBy}}: {{response}}.',
      awaitName: "Await the SW / PM's response",
      window: C.agreedWindow,
      windowDoc: `${SRC}, 5: Informal — "Social worker (SW) and Practice Manager (PM) — Timescale agreed between IRO and SW/PM". 2: "If the matter is not resolved in a timescale that is appropriate to the child's needs, the IRO should consider taking formal action." At date(agreedDate) with no response the IRO/CPCC is told and the concern goes to the formal process (after the line manager's agreement).`,
      doc: `${SRC}, 6. Informal Escalation: "Informal escalation is viewed as part of the quality assurance role of the IRO Service. Wherever possible, the Independent Reviewing Officer will attempt to resolve the issue by negotiation, including contacting the Social Worker responsible and their line manager, attempting to resolve the issue directly with the team. Every attempt should be made to seek to resolve the matter face to face or by talking on the telephone rather than relying on email. The Independent Reviewing Officer/Child Protection Conference Chair completes the escalation form and emails the Social Worker and Practice Manager, copying the Team manager for information that an escalation form has been created. This acts a record of the contact and provides the Social Worker and Practice Manager full details of the issue and the agreed time scales to resolve matter." 2: "The IRO should place a record of this initial informal resolution process on the child's file."`,
    },
    level(1, 'Rung1_TeamManager', 'Team Manager', 'teamManager', []),
    level(2, 'Rung2_ServiceManager', 'Service Manager', 'serviceManager', ['lineManager'], LINE_MANAGERS),
    level(3, 'Rung3_StrategicManager', 'Strategic Manager', 'strategicManager', ['lineManager'], LINE_MANAGERS),
    level(4, 'Rung4_AssistantDirector', "Assistant Director Children's Services / Director of Children's Services", 'assistantDirector', ['lineManager', 'strategicManagerSqa'],
      `${LINE_MANAGERS} "given the impact on Children's Services should the management escalation process reach the referral to the Director stage, it is crucial that there is clear and transparent evidence for senior managers of management and supervision during the process of escalation" (the Strategic Manager (Safeguarding and QA) is copied in).`),
  ],
  gates: {},
  cafcassSettings: { allowed: true, when: 'any-time', requires: ['iro', 'child-in-care', 'independent-legal-advice', 'liaise-line-manager-and-strategic-manager'] },
  closing: {
    taskName: 'Record the outcome and the impact on the child',
    checkName: 'Outcome recorded?',
    check: 'typeof outcome === "string" && outcome.trim() !== ""',
    caseNoteName: 'Carefirst escalation form: resolved',
    note: 'Resolution and Escalation resolved at {{currentStage}}: {{outcome}}. Impact on the child: {{impactOnLivedExperience}}.',
    doc: `${SRC}, 5: ${RECORD} The IRO/CPCC records the outcome (required) and the impact on the child.`,
  },
  eventSubs: [
    ES.cafcass({
      title: 'Cafcass (s.118) referral: at any point, IRO only',
      doc: `${SRC}, 2: "The IRO has the power to refer the matter to CAFCASS at any point in the dispute resolution process [regulation 45] and may consider it necessary to make a concurrent referral to CAFCASS at the same time that s/he instigates the dispute resolution process." 7, For IRO only: "If an Independent Reviewing Officers believes there is still a danger that the child's human rights may be being breached due to action or inaction of the local authority, they may (in liaison with their line manager and the Strategic Manager (Safeguarding and Quality Assurance)) seek 'Independent Legal Advice' which could lead the IRO to make a Section 118 referral to CAFCASS." Message cafcass-referral (cafcassReason), at any time; the escalation carries on alongside.`,
      before: [
        { id: 'Notify_CafcassLiaison', name: 'Liaise with the line manager and the Strategic Manager (SQA)', doc: `${SRC}, 7: "in liaison with their line manager and the Strategic Manager (Safeguarding and Quality Assurance)". 8: the managers "ensure that if appropriate, independent legal advice has been sought by the IRO at the appropriate time".`, esc: { action: 'notify', recipientRole: 'lineManager', ccRoles: 'strategicManagerSqa', template: 'cafcass-liaison' } },
      ],
      gate: { id: 'IndependentLegalAdvice', key: 'independent-legal-advice', title: "Independent legal advice taken: make the s.118 referral?", role: 'reviewer', short: 'Refer', doc: `${SRC}, 7: "seek 'Independent Legal Advice' which could lead the IRO to make a Section 118 referral to CAFCASS ... Legal proceedings should only be considered as a last resort". The IRO records the advice (gateNote) and decides (gateApproved); no → no referral, the escalation carries on.` },
      referralDoc: `${SRC}, 2: "A CAFCASS Officer will then be appointed to deal with the case. He/she will make enquiries to try to resolve the matter, but if these are unsatisfactory, CAFCASS may take the case back to court". The referral is recorded (cafcass-referred) and noted on Carefirst.`,
      referralRecipient: 'lineManager', referralCc: ['strategicManagerSqa'],
      referralNote: 'Section 118 referral to CAFCASS made by the IRO after independent legal advice ({{gateNote}}): {{cafcassReason}}. The escalation carries on at {{currentStage}}.',
      notEligibleCc: ['lineManager'],
    }),
  ],
};
