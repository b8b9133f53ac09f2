'use strict';
// 001_e276f52d7c71aa1a.txt — Blackpool, SQR Issues Resolution Guidance for IROs / CP Chairs.
const C = require('./common');
const ES = require('../lib/eventsubs');

const SRC = 'Blackpool SQR Issues Resolution Guidance';
const FIXED_DOC = (n) => `${SRC}, Stage ${n}: "requesting a response within 5 working days". Flowchart: "No response/ actions not addressing the issue" → the next stage. A reminder goes one working day before the 5 working days end; when they pass with no response the IRO / CP Chair is told and the issue moves to the next stage. "Responses will be recorded on the child's file within case note types."`;
const CASE_NOTE_FIELDS = 'Child: {{childRef}}. Reason: {{category}}. Impact on the child (lived experience, views, current and long-term impact): {{impactOnChild}}. Discussion with the Social Worker: {{summary}}. Actions requested: {{actionsRequested}}.';
const PARTNER = 'For a partner agency the contacts given at the start map this role to the agency\'s relevant leader: "If escalating to a partner agency this should be undertaken via e mail and telephone call and discussions and agreement must recorded on the child\'s records by the CP Chair / IRO."';

function stage(n, id, title, recipient, cc, caseNoteName, quote) {
  return C.formal({
    n, id, short: `Stage ${n}`, title: `Stage ${n}: ${title}`, recipient, cc,
    template: 'formal-issues-resolution',
    awaitName: `Await the ${title}'s response`,
    notifyName: `Send the Issues Resolution to the ${title} (email and phone)`,
    caseNoteName: `'${caseNoteName}' case note`,
    caseNote: `${caseNoteName} (Stage ${n}, to the ${title}). ${CASE_NOTE_FIELDS} Response requested within 5 working days.`,
    responseNote: `${caseNoteName}: response from {{respondedBy}}: {{response}}.`,
    window: C.fixedWindow,
    windowDoc: FIXED_DOC(n),
    doc: `${SRC}: "${quote}" ${PARTNER}`,
  });
}

module.exports = {
  processKey: 'blackpool',
  name: 'SQR Issues Resolution Guidance',
  authority: 'Blackpool',
  caseSystem: 'Mosaic',
  source: '001_e276f52d7c71aa1a.txt',
  processName: 'Blackpool: SQR Issues Resolution Procedure',
  participantName: 'Blackpool: SQR Issues Resolution Procedure (IROs and CP Chairs)',
  processDoc: `${SRC}. The IRO / CP Chair raises an issue informally with the social worker (with the Team Manager's support when the social worker is in their ASYE) and agrees a timescale; then formal stages, each requesting a response within 5 working days: Stage 1 Team Manager, Stage 2 Service Manager, Stage 3 Head of Service, Stage 4 Assistant Director (SQR Head of Service sighted). Beyond stage 4, for a child in our care only: inform the SQR Service Manager and Head of Service and the children's Head of Service, take independent legal advice and consider a Cafcass referral. Immediate safeguarding concerns reach the Service Manager within 24 hours. The issue is finalised only when the outcome and its impact on the child's lived experience are recorded. Recorded on Mosaic. See workflows/README.md.`,
  startDoc: `${SRC}: "The child / young person's IRO / CP chair is individually responsible for activating and seeking resolution of the issues raised." The start command carries the child, the raiser (IRO or CP Chair), the reason category, the impact on the child, the discussion with the social worker (summary), the actions requested, agreedDate (the timescale agreed with the social worker), immediateSafeguarding, and startRung ("The CP Chair / IRO is responsible for determining the issues resolution stage").`,
  lanes: {
    reviewer: 'IRO / CP Chair (SQR)',
    ladder: "Children's Social Care managers / partnership leaders (Social Worker → Assistant Director)",
    qa: 'SQR management (Safeguarding & Quality Review: Issues Resolution Clinic)',
  },
  roles: {
    reviewer: 'IRO / CP Chair who raised the Issues Resolution',
    iro: 'Independent Reviewing Officer',
    cpChair: 'Child Protection Chair',
    socialWorker: 'Social Worker',
    teamManager: 'Team Manager / relevant partnership leader',
    serviceManager: "Children's Social Care Service Manager / partnership lead",
    headOfService: "Head of Service, Children's Social Care / senior partnership leader",
    assistantDirector: "Assistant Director Children's Services (or Director of Children's Services) / partnership senior leader",
    sqrTeamManager: 'SQR Team Manager (CP Chair Team / IRO Service) — Issues Resolution Clinic',
    sqrServiceManager: 'SQR Service Manager',
    sqrHeadOfService: 'SQR Head of Service',
  },
  categories: [
    'Statutory requirements have not been undertaken',
    'Local Authority Procedures and Practice Standards have not been undertaken',
    'Plan recommendations agreed during In Our Care Reviews /Child Protection Conferences have not been undertaken within agreed timescales',
    'Considerations of where children in our care are living and statutory responsibilities e.g. Reg. 24 not approved',
    'The child is not being appropriately safeguarded',
    'The child or young person has raised concerns about their Plan, or this has been raised by their advocate',
    'Other areas identified where the child / young person\'s needs are not met and the identified impact on the child/young person',
  ],
  ragTable: null,
  fixedWindow: '5wd',
  reminderBefore: '1wd',
  overallLimit: null,
  returnFallback: 4,
  decisionDoc: `${SRC}: after the response the IRO / CP Chair decides: resolved; actions and timescales agreed ("If the actions and timescales are agreed, the CP Chair / IRO will monitor the progress of the actions"); not resolved (flowchart: "No response/ actions not addressing the issue") → the next stage; or another stage ("The CP Chair / IRO is responsible for determining the issues resolution stage").`,
  actionsDoc: `${SRC}: "The CP Chair / IRO will then track and monitor the progress of the resolution." "Actions raised by CP Chair / IRO which haven't been resolved at Stage 1 within agreed timescales are escalated" — actions met (message actions-met) → resolved; not met by the agreed date (date(actionsDueAt)) → the next stage.`,
  bypassAtStart: { doc: `${SRC}: "The CP Chair / IRO is responsible for determining the issues resolution stage". Starting above the informal stage is a bypass: it takes the bypass path, so its reason is recorded on the child's record ("using the case note template relevant heading which reflects the level in which the Issues Resolution is being raised") and used up (a later bypass needs its own).` },
  bypassDoc: `${SRC}: "The CP Chair / IRO is responsible for determining the issues resolution stage and should not wait for Issues Resolution Clinic to prevent children and young people experiencing delay in their plan." "All Issues Resolutions will be recorded on the child's record by the CP Chair / IRO, using the case note template relevant heading which reflects the level in which the Issues Resolution is being raised". A bypass (message bypass with bypassTo and bypassReason, or decision "bypass") goes to any stage; bypassTo 5 is the Cafcass consideration for a matter "of sufficient urgency".`,
  returnDoc: `${SRC}: no Cafcass referral (a CP Chair, a child not in our care, or the IRO decides not to refer after legal advice), a stage that does not exist, or a bypass without a reason: the IRO / CP Chair is told and the current stage's decision is asked again (from the start: Stage 4).`,
  cafcassEligibilityDoc: `${SRC}: "If matter is not resolved and relates to a Child in our Care, the IRO will inform the SQR Service Manager & Head of Service ... and consider notification to CAFCASS". Only an IRO for a child in care: raiserRole IRO and legalStatus child-in-care. A CP Chair is told there is no Cafcass route and returns to the Stage 4 decision.`,
  overall: null,
  safeguardingAtStart: {
    recipient: 'serviceManager', cc: ['reviewer'], template: 'immediate-safeguarding',
    notifyName: 'Contact the Social Care Service Manager (within 24 hours)',
    note: 'Immediate safeguarding concern for {{childRef}} passed to the Social Care Service Manager (within 24 hours of being identified): {{summary}}.',
    doc: `${SRC}: "If there are immediate safeguarding concerns for the child/young person the IRO/ CP chair should contact Social Care Service Manager within 24 hrs of concern being identified." When the start command says immediateSafeguarding, the Service Manager is contacted at once, well inside the 24 hours.`,
  },
  rungs: [
    {
      n: 0, kind: 'informal', routable: true, id: 'Rung0_Informal', short: 'Informal', title: 'Informal Issues Resolution',
      recipient: 'socialWorker', cc: [], template: 'informal-issues-resolution',
      notifyName: 'Discuss with the social worker; share the agreed timescale',
      asye: { cc: ['teamManager'], name: "Discuss with the social worker, with the Team Manager's support", doc: `${SRC}: "Informal Issues Resolution will be initiated by the CP Chair / IRO and discussed with the Social Worker, with the support of their Team Manager, dependent on the experience of Social Worker (ASYE)." When socialWorkerAsye is true the Team Manager is copied in.` },
      agreedDate: true,
      agreedDateDoc: `${SRC}: "The IRO will agree timescales for resolution with the social worker." The date (agreedDate, YYYY-MM-DD) comes with the start command or is recorded here.`,
      caseNoteName: "'Informal Issues Resolution' case note",
      caseNote: `Informal Issues Resolution. ${CASE_NOTE_FIELDS} Timescale agreed: {{agreedDate}}.`,
      responseNote: 'Informal Issues Resolution: response from {{respondedBy}}: {{response}}.',
      awaitName: "Await the social worker's response",
      window: C.agreedWindow,
      windowDoc: `${SRC}: "The IRO will agree timescales for resolution with the social worker." "Informal Issues Resolution will be noted within the SQR Issues Resolution Clinic and discussed if the Issues resolution isn't resolved within the agreed timescale." Flowchart: "No response/ actions not addressing the issue" → STAGE 1. At date(agreedDate) with no response: the IRO / CP Chair is told, the clinic is asked to discuss it, and the issue goes to Stage 1 ("the IRO/CP Chair records this within the child's record and SQR Issues Resolution tracker").`,
      noResponseExtra: { name: 'Put it to the SQR Issues Resolution Clinic', recipient: 'sqrTeamManager', cc: ['sqrServiceManager'], template: 'issues-resolution-clinic', doc: `${SRC}: "Informal Issues Resolution will be noted within the SQR Issues Resolution Clinic and discussed if the Issues resolution isn't resolved within the agreed timescale."` },
      doc: `${SRC}, Informal Issues Resolution: "Informal Issues Resolution will be initiated by the CP Chair / IRO and discussed with the Social Worker, with the support of their Team Manager, dependent on the experience of Social Worker (ASYE). This will then be recorded on the child / young person's record by the CP Chair / IRO, using the case note – 'Informal Issues Resolution' template. The IRO will agree timescales for resolution with the social worker." "On the occasions that informal has not achieved resolution and there is a need to escalate to a Formal Issue Resolution, the IRO/CP Chair records this within the child's record and SQR Issues Resolution tracker."`,
    },
    stage(1, 'Rung1_TeamManager', 'Team Manager', 'teamManager', ['socialWorker'], 'Formal Issues Resolution - Stage 1',
      "Stage 1 – Formal Issues Resolution – CP Chair / IRO to Team Manager/ relevant partner agency. Actions to be discussed with the allocated Team Manager in circumstances when the IRO / CP Chair is unable to resolve the issue they have informally raised, requesting a response within 5 working days. The CP Chair / IRO will discuss this with the Team Manager and will then record the 'Formal Issues Resolution - Stage 1' case note template on the child's record. The CP Chair / IRO will then track and monitor the progress of the resolution. (It is expected that the IRO/ CP chair will discuss all Issues Resolutions at any stage ... with the allocated Social Worker: copied in.)"),
    stage(2, 'Rung2_ServiceManager', 'Service Manager', 'serviceManager', ['socialWorker'], 'Stage 2 Formal Issues Resolution',
      "Stage 2 – Formal Issues Resolution – CP Chair / IRO to Children Social Care Service Manager / relevant leader for partnership agency. Actions raised by CP Chair / IRO which haven't been resolved at Stage 1 within agreed timescales are escalated to Service Manager responsible for allocated Children's Social Work Team / Partnership lead level, requesting a response within 5 working days. Responses will be recorded on the child's file within case note types. CP Chair / IRO will record on the child/young person's record using the 'Stage 2 Formal Issues Resolution' case note template. If the actions and timescales are agreed, the CP Chair / IRO will monitor the progress of the actions."),
    stage(3, 'Rung3_HeadOfService', 'Head of Service', 'headOfService', ['socialWorker'], 'Stage 3 Formal Issues Resolution',
      "Stage 3 – Formal Issues Resolution – CP Chair / IRO to relevant Head of Service for Children Social Care / relevant senior leader for partnership agency. Actions agreed by the CP Chair / IRO which haven't been resolved with agreed timescales are escalated to the Head of Service responsible for relevant Social Care Service or relevant senior leader for the partnership agency, requesting a response within 5 working days. CP Chair / IRO will record on the child / young person's record using the 'Stage 3 Formal Issues Resolution' case note template. If the actions and timescales are agreed, the CP Chair / IRO will monitor the progress of the actions."),
    stage(4, 'Rung4_AssistantDirector', 'Assistant Director', 'assistantDirector', ['socialWorker', 'sqrHeadOfService'], 'Stage 4 Formal Issue Resolution',
      "Stage 4 – Formal Issues Resolution – CP Chair / IRO to Assistant Director Children's services / Senior Leader Partnership agency, also sighting SQR Head of Service. Actions agreed by the CP Chair / IRO which haven't been resolved at the earlier stages of the process will be escalated by CP Chair / IRO to the Assistant Director Children's services, for a response within 5 working days, also notifying the SQR Head of Service. ... CP Chair / IRO will record on the child/young person's record using the 'Stage 4 Formal Issue Resolution' case note template. The Children Social Care Assistant Director will be e mailed to inform them the case note is recorded on the child's records and request they respond to this. If the actions and timescales are agreed, the CP Chair / IRO will monitor the progress of the actions."),
    {
      n: 5, kind: 'cafcass', routable: true, id: 'Rung5_BeyondStage4', short: 'Beyond stage 4', title: 'External IRO escalation beyond stage 4 (Cafcass)',
      recipient: 'sqrServiceManager', cc: ['sqrHeadOfService', 'headOfService'],
      window: { settings: 'none' },
      doc: `${SRC}, External IRO escalation beyond stage 4: "If matter is not resolved and relates to a Child in our Care, the IRO will inform the SQR Service Manager & Head of Service, and HoS for the relevant chidlren's service. The IRO will consider escalation to the Director of Children Services, seek Independent Legal Advice and consider notification to CAFCASS, supported by Service Manager and Head of Service SQR." "IRO has the authority to refer a child/young person to CAFCASS if the IRO considers it appropriate to do so, in consultation with SQR Service manager, in circumstances when the above stages are exhausted or if the matter is of sufficient urgency". Reached after Stage 4 (ladder exhausted) or by a bypass to 5 for urgency. Flowchart: "If unable to be resolved, consideration with SQR management for referral to CAFCASS".`,
      cafcass: {
        before: [
          { id: 'Notify_Rung5', name: "Inform the SQR Service Manager and Head of Service, and the children's Head of Service", doc: `${SRC}: "the IRO will inform the SQR Service Manager & Head of Service, and HoS for the relevant chidlren's service."`, esc: { action: 'notify', recipientRole: 'sqrServiceManager', ccRoles: 'sqrHeadOfService,headOfService', template: 'beyond-stage-4' } },
          { id: 'CaseNote_Rung5', name: 'Case note: beyond stage 4', doc: `${SRC}: beyond stage 4, recorded on the child's record.`, esc: { action: 'case-note', note: 'Issues Resolution not resolved at Stage 4 for a child in our care: SQR Service Manager, SQR Head of Service and the children\'s Head of Service informed; independent legal advice and Cafcass notification being considered.' } },
        ],
        gate: { id: 'IndependentLegalAdvice', key: 'independent-legal-advice', title: 'Independent legal advice taken: refer to Cafcass?', role: 'reviewer', short: 'Refer', doc: `${SRC}: "seek Independent Legal Advice and consider notification to CAFCASS, supported by Service Manager and Head of Service SQR"; "in consultation with SQR Service manager". The IRO records the advice (gateNote) and decides (gateApproved). Not referring → back to the Stage 4 decision. "such a referral should be regarded as an exceptional step".` },
        // The stage is entered only when the referral is made: a legal-advice "no" returns to the Stage 4 decision,
        // and the concern must then read as being at Stage 4 again (the resume path does not re-enter a stage).
        after: [
          { id: 'StageEntered_5', name: 'Beyond stage 4 entered: Cafcass referral', doc: 'The escalation goes beyond stage 4: the IRO refers to CAFCASS (the stage reached is recorded only when the referral is made, so that an IRO who decides not to refer is back at Stage 4).', esc: { action: 'stage-entered', stage: 'cafcass', rungTitle: 'External IRO escalation beyond stage 4 (Cafcass)' } },
        ],
        referralRecipient: 'sqrServiceManager', referralCc: ['sqrHeadOfService'],
        referralDoc: `${SRC}: "IRO has the authority to refer a child/young person to CAFCASS if the IRO considers it appropriate to do so, in consultation with SQR Service manager". No message is needed here: the referral is recorded (cafcass-referred) with cafcassReason when the gate is approved.`,
        referralNote: 'Referred to CAFCASS by the IRO after independent legal advice ({{gateNote}}), supported by the SQR Service Manager and Head of Service.',
        notReferredNote: 'Cafcass referral considered, not made ({{gateNote}}); back to the Stage 4 decision.',
        notEligibleCc: ['sqrServiceManager'],
      },
    },
  ],
  cafcassSettings: { allowed: true, when: 'after-ladder', requires: ['iro', 'child-in-care', 'inform-sqr-service-manager-and-head-of-service', 'independent-legal-advice'] },
  closing: {
    taskName: 'Record the outcome and its impact on the child\'s lived experience',
    checkName: 'Outcome and impact recorded?',
    check: 'typeof outcome === "string" && outcome.trim() !== "" && typeof impactOnLivedExperience === "string" && impactOnLivedExperience.trim() !== ""',
    caseNoteName: "'Issues Resolution resolved case note'",
    note: 'Issues Resolution resolved case note. Outcome: {{outcome}} (stage reached: {{currentStage}}). Impact on the child\'s lived experience: {{impactOnLivedExperience}}.',
    doc: `${SRC}, Ensuring Issue Resolutions have positive impact on children's lived experience: "Issue Resolutions will only be finalised off when a formal outcome has been resolved and has impacted on the child's lived experience and prevent them experiencing drift in their Plan being undertaken." "The IRO/ CP chair is responsible for recording all of their monitoring activity and the outcome of the issues resolution on the child's record." "All responses/ resolutions will be recorded within the specific 'Issues Resolution resolved case note' template". The task completes only with both outcome and impactOnLivedExperience.`,
  },
  eventSubs: [
    ES.safeguarding({
      title: 'Immediate safeguarding concern (at any point)',
      recipient: 'serviceManager', cc: ['reviewer'], template: 'immediate-safeguarding',
      notifyName: 'Contact the Social Care Service Manager (within 24 hours)',
      note: 'Immediate safeguarding concern for {{childRef}} passed to the Social Care Service Manager within 24 hours of being identified.',
      doc: `${SRC}: "If there are immediate safeguarding concerns for the child/young person the IRO/ CP chair should contact Social Care Service Manager within 24 hrs of concern being identified." Message safeguarding-concern, at any point; the Service Manager is contacted at once.`,
    }),
    ES.clinic({
      title: 'Fortnightly SQR Issues Resolution Clinic',
      cycle: 'R/P14D',
      recipient: 'sqrTeamManager', cc: ['sqrServiceManager', 'reviewer'], template: 'issues-resolution-clinic',
      notifyName: 'Put the open Issues Resolution on the clinic agenda',
      doc: `${SRC}, SQR Issues Resolution Clinics: "Issues Resolutions are considered at fortnightly Issue Resolution Clinics, with the relevant SQR Team Managers (CP Chair Team and IRO Service) Service Manager, CP Chairs and IROs." "The CP Chair / IRO is responsible for determining the issues resolution stage and should not wait for Issues Resolution Clinic". Every 14 days while the issue is open.`,
    }),
  ],
};
