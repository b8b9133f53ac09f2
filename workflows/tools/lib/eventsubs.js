'use strict';
// Event sub-processes shared by several protocols: Cafcass at any point (000, 002, 004), themed
// concerns (000, 002), Devon's resolution meeting exit (002), Blackpool's immediate safeguarding (001).
// Each returns { lane, build(m, P, pos) → width }; pos is the box's top-left.

const ELIGIBLE = 'raiserRole === "IRO" && legalStatus === "child-in-care"';

function rows(y) { return { top: y + 70, mid: y + 165, bottom: y + 260 }; }

/**
 * Cafcass referral at any point, or alongside the ladder: a non-interrupting event sub-process
 * started by the `cafcass-referral` message. Only an IRO for a child in care may refer.
 * o: { doc, before: [task specs], gate: {id,key,title,role,doc,short} | null, referralDoc, referralNote, notEligibleCc }
 */
function cafcass(o) {
  return {
    lane: 'reviewer',
    build(m, P, pos) {
      const id = 'EventSub_Cafcass';
      const H = 330;
      const sp = m.add('subProcess', id, { lane: pos.lane, x: pos.x, y: pos.y, w: 100, h: H, triggeredByEvent: true, name: o.title, doc: o.doc });
      const r = rows(pos.y);
      const at = (tag, nid, x, y, opts = {}) => m.add(tag, nid, { ...opts, parent: id, x: pos.x + x, y });
      at('startEvent', 'Start_CafcassReferral', 50, r.mid, { name: 'Cafcass referral', isInterrupting: false, def: { kind: 'message', name: 'cafcass-referral' }, doc: o.doc });
      at('exclusiveGateway', 'Gw_CafcassEligible', 140, r.mid, { name: 'IRO and child in care?', doc: P.cafcassEligibilityDoc });
      m.flow('Start_CafcassReferral', 'Gw_CafcassEligible');
      let x = 140; let prev = 'Gw_CafcassEligible'; let first = { name: 'yes', cond: ELIGIBLE };
      let lastW = 50;
      const chain = (tag, nid, opts) => {
        const w = tag.endsWith('Gateway') ? 50 : tag.endsWith('Event') ? 36 : 100;
        x += lastW / 2 + 44 + w / 2; lastW = w;
        at(tag, nid, x, r.mid, opts);
        m.flow(prev, nid, first || {});
        first = null; prev = nid;
        return x;
      };
      for (const t of o.before || []) chain('serviceTask', t.id, { name: t.name, doc: t.doc, esc: t.esc });
      let gateX = null; let gateGw = null;
      if (o.gate) {
        const g = o.gate;
        chain('serviceTask', `GateRequested_${g.id}`, { name: `Ask: ${g.title}`, doc: g.doc, esc: { action: 'gate-requested', gate: g.key, recipientRole: g.role, template: 'gate-requested' } });
        chain('userTask', `Gate_${g.id}`, { name: g.title, doc: g.doc, esc: { gate: g.key, assigneeRole: g.role } });
        gateX = chain('exclusiveGateway', `Gw_Gate_${g.id}`, { name: `${g.short || 'Agreed'}?` });
        gateGw = prev;
        first = { name: 'yes', cond: 'gateApproved === true' };
      }
      chain('serviceTask', 'CafcassReferred', { name: 'Refer to Cafcass', doc: o.referralDoc, esc: { action: 'cafcass-referred', recipientRole: o.referralRecipient || 'reviewer', ccRoles: (o.referralCc || []).join(',') } });
      chain('serviceTask', 'CaseNote_CafcassReferred', { name: 'Case note: referred to Cafcass', doc: o.referralDoc, esc: { action: 'case-note', note: o.referralNote } });
      chain('endEvent', 'End_CafcassReferred', { name: 'Referred; the ladder carries on' });
      if (gateGw) {
        at('serviceTask', 'CaseNote_CafcassNotReferred', gateX + 110, r.top, { name: 'Case note: no referral', doc: o.gate.doc, esc: { action: 'case-note', note: 'Cafcass referral considered but not made ({{gateNote}}); the escalation carries on at {{currentStage}}.' } });
        m.flow(gateGw, 'CaseNote_CafcassNotReferred', { name: 'no', isDefault: true, via: [{ x: pos.x + gateX, y: r.top }] });
        at('endEvent', 'End_CafcassNotReferred', gateX + 220, r.top);
        m.flow('CaseNote_CafcassNotReferred', 'End_CafcassNotReferred');
      }
      at('serviceTask', 'Notify_CafcassNotAvailable', 260, r.bottom, { name: 'Tell the reviewer: no Cafcass route', doc: P.cafcassEligibilityDoc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: (o.notEligibleCc || []).join(','), template: 'cafcass-not-available' } });
      m.flow('Gw_CafcassEligible', 'Notify_CafcassNotAvailable', { name: 'no: CP Chair or not a child in care', label: { x: pos.x + 8, y: r.mid + 40 }, isDefault: true, via: [{ x: pos.x + 140, y: r.bottom }] });
      at('serviceTask', 'CaseNote_CafcassNotAvailable', 400, r.bottom, { name: 'Case note: no Cafcass route', doc: P.cafcassEligibilityDoc, esc: { action: 'case-note', note: 'Cafcass referral is for an IRO and a child in care only ({{raiserRole}}, {{legalStatus}}): refused, no referral made.' } });
      m.flow('Notify_CafcassNotAvailable', 'CaseNote_CafcassNotAvailable');
      at('endEvent', 'End_CafcassNotAvailable', 510, r.bottom, { name: 'No referral' });
      m.flow('CaseNote_CafcassNotAvailable', 'End_CafcassNotAvailable');
      const w = Math.max(x, 560) + 70;
      sp.w = w; sp.bounds.w = w;
      return w;
    },
  };
}

/**
 * Themed concern (resource or system issue beyond this child): non-interrupting, message `themed-concern`.
 * o: { doc, notify: {name, recipient, cc, template}, review: {name, role, doc} | null, escalate: {name, recipient, cc, template} | null }
 */
function themed(o) {
  return {
    lane: 'qa',
    build(m, P, pos) {
      const id = 'EventSub_ThemedConcern';
      const sp = m.add('subProcess', id, { lane: pos.lane, x: pos.x, y: pos.y, w: 100, h: 220, triggeredByEvent: true, name: o.title, doc: o.doc });
      const y = pos.y + 120;
      const at = (tag, nid, x, opts = {}) => m.add(tag, nid, { ...opts, parent: id, x: pos.x + x, y });
      at('startEvent', 'Start_ThemedConcern', 50, { name: 'Themed concern raised', isInterrupting: false, def: { kind: 'message', name: 'themed-concern' }, doc: o.doc });
      at('serviceTask', 'ThemedConcernRecorded', 160, { name: o.recordName, doc: o.doc, esc: { action: 'themed-concern', recipientRole: o.notify.recipient } });
      m.flow('Start_ThemedConcern', 'ThemedConcernRecorded');
      at('serviceTask', 'Notify_ThemedConcern', 300, { name: o.notify.name, doc: o.doc, esc: { action: 'notify', recipientRole: o.notify.recipient, ccRoles: (o.notify.cc || []).join(','), template: o.notify.template } });
      m.flow('ThemedConcernRecorded', 'Notify_ThemedConcern');
      let prev = 'Notify_ThemedConcern'; let x = 300;
      if (o.review) {
        x += 140;
        at('userTask', 'ThemedConcernReview', x, { name: o.review.name, doc: o.review.doc, esc: { assigneeRole: o.review.role } });
        m.flow(prev, 'ThemedConcernReview'); prev = 'ThemedConcernReview';
      }
      if (o.escalate) {
        x += 140;
        at('serviceTask', 'Notify_ThemedConcern_Escalated', x, { name: o.escalate.name, doc: o.doc, esc: { action: 'notify', recipientRole: o.escalate.recipient, ccRoles: (o.escalate.cc || []).join(','), template: o.escalate.template } });
        m.flow(prev, 'Notify_ThemedConcern_Escalated'); prev = 'Notify_ThemedConcern_Escalated';
      }
      x += 110;
      at('endEvent', 'End_ThemedConcern', x, { name: o.endName });
      m.flow(prev, 'End_ThemedConcern');
      const w = x + 70; sp.w = w; sp.bounds.w = w;
      return w;
    },
  };
}

/** Devon: the resolution meeting can run alongside any stage and exit the protocol when it resolves. Interrupting. */
function meetingResolved(o) {
  return {
    lane: 'reviewer',
    build(m, P, pos) {
      const id = 'EventSub_ResolutionMeeting';
      const sp = m.add('subProcess', id, { lane: pos.lane, x: pos.x, y: pos.y, w: 100, h: 250, triggeredByEvent: true, name: o.title, doc: o.doc });
      const y = pos.y + 150;
      const at = (tag, nid, x, yy, opts = {}) => m.add(tag, nid, { ...opts, parent: id, x: pos.x + x, y: yy });
      at('startEvent', 'Start_MeetingResolved', 50, y, { name: 'Resolved at the resolution meeting', isInterrupting: true, def: { kind: 'message', name: 'meeting-resolved' }, doc: o.doc });
      at('serviceTask', 'CaseNote_MeetingResolved', 160, y, { name: 'Case note: Resolution and Escalation form', doc: o.doc, esc: { action: 'case-note', note: o.note } });
      m.flow('Start_MeetingResolved', 'CaseNote_MeetingResolved');
      at('serviceTask', 'Notify_MeetingResolved', 300, y, { name: 'Re-assign the form to the Team Manager', doc: o.doc, esc: { action: 'notify', recipientRole: 'teamManager', ccRoles: 'socialWorker,reviewer', template: 'reassigned-to-team-manager' } });
      m.flow('CaseNote_MeetingResolved', 'Notify_MeetingResolved');
      at('userTask', 'RecordOutcome_ResolutionMeeting', 440, y, { name: 'Record the outcome', doc: P.closing.doc, esc: { assigneeRole: 'reviewer' } });
      m.flow('Notify_MeetingResolved', 'RecordOutcome_ResolutionMeeting');
      at('exclusiveGateway', 'Gw_OutcomeComplete_Meeting', 570, y, { name: P.closing.checkName });
      m.flow('RecordOutcome_ResolutionMeeting', 'Gw_OutcomeComplete_Meeting');
      m.flow('Gw_OutcomeComplete_Meeting', 'RecordOutcome_ResolutionMeeting', { name: 'incomplete', isDefault: true, via: [{ x: pos.x + 570, y: pos.y + 70 }, { x: pos.x + 440, y: pos.y + 70 }] });
      at('serviceTask', 'OutcomeRecorded_Meeting', 690, y, { name: 'Outcome recorded', doc: P.closing.doc, esc: { action: 'outcome-recorded' } });
      m.flow('Gw_OutcomeComplete_Meeting', 'OutcomeRecorded_Meeting', { name: 'recorded', cond: P.closing.check });
      at('endEvent', 'End_MeetingResolved', 800, y, { name: 'Closed: resolved at the meeting' });
      m.flow('OutcomeRecorded_Meeting', 'End_MeetingResolved');
      const w = 870; sp.w = w; sp.bounds.w = w;
      return w;
    },
  };
}

/** Blackpool: immediate safeguarding concerns reach the Service Manager within 24 hours, at any point. */
function safeguarding(o) {
  return {
    lane: 'reviewer',
    build(m, P, pos) {
      const id = 'EventSub_SafeguardingConcern';
      const sp = m.add('subProcess', id, { lane: pos.lane, x: pos.x, y: pos.y, w: 100, h: 200, triggeredByEvent: true, name: o.title, doc: o.doc });
      const y = pos.y + 110;
      const at = (tag, nid, x, opts = {}) => m.add(tag, nid, { ...opts, parent: id, x: pos.x + x, y });
      at('startEvent', 'Start_SafeguardingConcern', 50, { name: 'Immediate safeguarding concern', isInterrupting: false, def: { kind: 'message', name: 'safeguarding-concern' }, doc: o.doc });
      at('serviceTask', 'Notify_SafeguardingConcern', 170, { name: o.notifyName, doc: o.doc, esc: { action: 'notify', recipientRole: o.recipient, ccRoles: (o.cc || []).join(','), template: o.template } });
      m.flow('Start_SafeguardingConcern', 'Notify_SafeguardingConcern');
      at('serviceTask', 'CaseNote_SafeguardingConcern', 310, { name: 'Case note: safeguarding concern passed on', doc: o.doc, esc: { action: 'case-note', note: o.note } });
      m.flow('Notify_SafeguardingConcern', 'CaseNote_SafeguardingConcern');
      at('endEvent', 'End_SafeguardingConcern', 420, { name: 'Service Manager told' });
      m.flow('CaseNote_SafeguardingConcern', 'End_SafeguardingConcern');
      const w = 490; sp.w = w; sp.bounds.w = w;
      return w;
    },
  };
}


/** Blackpool: every open Issues Resolution is considered at the fortnightly SQR Issues Resolution Clinic. Timer cycle. */
function clinic(o) {
  return {
    lane: 'qa',
    build(m, P, pos) {
      const id = 'EventSub_IssuesResolutionClinic';
      const sp = m.add('subProcess', id, { lane: pos.lane, x: pos.x, y: pos.y, w: 100, h: 200, triggeredByEvent: true, name: o.title, doc: o.doc });
      const y = pos.y + 110;
      const at = (tag, nid, x, opts = {}) => m.add(tag, nid, { ...opts, parent: id, x: pos.x + x, y });
      at('startEvent', 'Start_IssuesResolutionClinic', 50, { name: 'Every fortnight', isInterrupting: false, def: { kind: 'timer', type: 'timeCycle', value: o.cycle }, doc: o.doc });
      at('serviceTask', 'Notify_IssuesResolutionClinic', 170, { name: o.notifyName, doc: o.doc, esc: { action: 'notify', recipientRole: o.recipient, ccRoles: (o.cc || []).join(','), template: o.template } });
      m.flow('Start_IssuesResolutionClinic', 'Notify_IssuesResolutionClinic');
      at('endEvent', 'End_IssuesResolutionClinic', 290, { name: 'On the agenda' });
      m.flow('Notify_IssuesResolutionClinic', 'End_IssuesResolutionClinic');
      const w = 360; sp.w = w; sp.bounds.w = w;
      return w;
    },
  };
}

module.exports = { cafcass, themed, meetingResolved, safeguarding, clinic, ELIGIBLE };
