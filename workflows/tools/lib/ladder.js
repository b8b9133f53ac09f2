'use strict';
// Builds one protocol's escalation ladder as a BPMN model from its spec (see ../protocols/*.js).
// The shape is the same for every protocol; what differs — rungs, recipients, CCs, windows, gates,
// Cafcass, themed concerns, closing — comes from the spec. Layout is computed here: three lanes
// (reviewer above, the ladder's recipients in the middle, QA management below), rungs left to right.
//
// Routing (see workflows/README.md, "How a workflow routes"): one "Route to rung" gateway serves
// the start (by startRung), every bypass (by bypassTo), the step from the informal rung to the
// formal ladder, and every return after a refused gate (to currentRung). `routeBy` says which of
// those the router is serving; `esc:action="set"` only writes literals, so the target rung is
// computed in the conditions themselves.

const { Model } = require('./model');

// ---- geometry (absolute y) -------------------------------------------------------------------
const G = {
  laneReviewer: { y: 0, h: 490 },
  laneLadder: { y: 490, h: 760 },
  laneQa: { y: 1250, h: 600 },
  R1: 90, R2: 220, R3: 340,
  T_FORK: 35, T_NEXT: 395, T_ROUTER: 420, T_RES: 450,
  RUNG_TOP: 550, RUNG_H: 640, T_RESUME: 522,
  T_BYP: 1280, ROW_G: 1370, T_RET: 1460, ES_TOP: 1500,
  // rows inside a rung, relative to its top
  Y_TOP: 100, Y_M: 230, Y_AWAIT: 300, Y_B1: 360, Y_B2: 470, Y_B3: 570, Y_RESUME: 40, Y_SKIP: 160,
  C_BYPASS: 150, C_RETURN: 300,
};
const W = { task: 100, gateway: 50, event: 36 };

const BYPASS_TO_USED_DOC = 'Whatever brought the concern here (a bypass target, the start, a return), the bypass target has been used: clear it so that a later bypass message without a target of its own cannot reuse it (a bypass needs its own target and reason).';
const AWAITING_DOC = 'rungResult "awaiting" while the rung waits for its recipient\'s response, "deciding" once the reviewer decides: a refused bypass that interrupted the wait resumes the wait (with its original window and reminder), not the decision.';
const RESUME_DOC = 'A refused bypass (or a refused gate after a bypass) that interrupted the wait resumes it with the original deadline, counted from when the rung began (stageEnteredAt); a reminder already sent is not repeated.';
const GAP = 44;

function q(s) { return JSON.stringify(s); } // a literal valid as JSON and as JavaScript

function setEsc(variable, value) { return { action: 'set', variable, value: typeof value === 'string' ? q(value) : String(value) }; }

function build(P) {
  const m = new Model({
    definitionsId: `Definitions_${P.processKey}`,
    processId: P.processKey.replace(/-/g, '_'),
    processName: P.processName,
    processDoc: P.processDoc,
    participantName: P.participantName,
  });
  m.spec = P;
  const L = {
    reviewer: m.lane('Lane_Reviewer', P.lanes.reviewer, G.laneReviewer.y, G.laneReviewer.h),
    ladder: m.lane('Lane_Ladder', P.lanes.ladder, G.laneLadder.y, G.laneLadder.h),
    qa: m.lane('Lane_QA', P.lanes.qa, G.laneQa.y, G.laneQa.h),
  };
  const top = (tag, id, o) => m.add(tag, id, { lane: o.lane || L.reviewer.id, ...o });

  const formal = P.rungs.filter((r) => r.kind === 'formal');
  const topFormal = formal[formal.length - 1].n;
  const cafcassRung = P.rungs.find((r) => r.kind === 'cafcass');
  const hasClock = !!P.overall;
  const formalGate = P.formalGate; // 004: line manager's agreement before any formal rung

  // The router's target, computed from routeBy (a literal the paths set) and the variable that path
  // carries. `variables.x` is used where x may not exist: the engine's globals are strict.
  const T = `(routeBy === "bypass" ? variables.bypassTo : routeBy === "next" ? currentRung + 1 : routeBy === "return" ? (currentRung === null ? ${P.returnFallback} : currentRung) : (variables.startRung ?? 0))`;

  // ---- R1: start, initialisation, router ---------------------------------------------------
  let x = 130;
  top('startEvent', 'StartEvent_Concern', { x, y: G.R1, name: 'Concern raised', doc: P.startDoc });
  let prev = 'StartEvent_Concern';
  const inits = [
    ['Init_RouteBy', 'routeBy = "start"', setEsc('routeBy', 'start')],
    ['Init_CurrentRung', 'currentRung = null', setEsc('currentRung', null)],
  ];
  if (hasClock) inits.push(['Init_OverallClock', 'overallClockStarted = false', setEsc('overallClockStarted', false)]);
  if (formalGate) inits.push(['Init_FormalAgreed', 'formalAgreed = false', setEsc('formalAgreed', false)]);
  for (const [i, [id, name, e]] of inits.entries()) {
    x += 105;
    // alternate the labels above and below so that neighbours don't collide
    const label = i % 2 === 1 ? { x: x - 50, y: G.R1 - 40 } : undefined;
    top('intermediateThrowEvent', id, { x, y: G.R1, name, label, esc: e, doc: 'Initialises a variable the routing conditions read (the engine evaluates conditions in strict mode, so every variable they name must exist).' });
    m.flow(prev, id);
    prev = id;
  }
  if (P.safeguardingAtStart) {
    const s = P.safeguardingAtStart;
    x += 90;
    top('exclusiveGateway', 'Gw_ImmediateSafeguarding', { x, y: G.R1, name: 'Immediate safeguarding concern?', doc: s.doc });
    m.flow(prev, 'Gw_ImmediateSafeguarding');
    const gx = x;
    x += 110;
    top('serviceTask', 'Notify_ImmediateSafeguarding', { x, y: G.R1, name: s.notifyName, doc: s.doc, esc: { action: 'notify', recipientRole: s.recipient, ccRoles: (s.cc || []).join(','), template: s.template } });
    m.flow('Gw_ImmediateSafeguarding', 'Notify_ImmediateSafeguarding', { name: 'yes', cond: 'variables.immediateSafeguarding === true' });
    x += 140;
    top('serviceTask', 'CaseNote_ImmediateSafeguarding', { x, y: G.R1, name: 'Case note: safeguarding concern passed on', doc: s.doc, esc: { action: 'case-note', note: s.note } });
    m.flow('Notify_ImmediateSafeguarding', 'CaseNote_ImmediateSafeguarding');
    x += 110;
    top('exclusiveGateway', 'Gw_ImmediateSafeguarding_Merge', { x, y: G.R1 });
    m.flow('CaseNote_ImmediateSafeguarding', 'Gw_ImmediateSafeguarding_Merge');
    m.flow('Gw_ImmediateSafeguarding', 'Gw_ImmediateSafeguarding_Merge', { name: 'no', isDefault: true, via: [{ x: gx, y: G.T_FORK }, { x, y: G.T_FORK }] });
    prev = 'Gw_ImmediateSafeguarding_Merge';
  }
  // A start above the first rung is a bypass. Where the spec says so (bypassAtStart), it takes the bypass path —
  // its reason recorded on the child's file and, in 002, the social worker and manager told before it is enacted —
  // instead of going straight to the router (which reads the same target: the start sets bypassTo = startRung).
  let startBypassGw = null;
  let startBypassX = null;
  if (P.bypassAtStart) {
    x += 105;
    startBypassGw = 'Gw_StartIsBypass';
    startBypassX = x;
    top('exclusiveGateway', startBypassGw, { x, y: G.R1, name: 'Starts above the first rung (a bypass)?', label: { x: x - 70, y: G.R1 - 62 }, doc: P.bypassAtStart.doc });
    m.flow(prev, startBypassGw);
    prev = startBypassGw;
  }
  const xM = Math.max(700, x + 100);
  const xR = xM + 110;
  top('exclusiveGateway', 'RouteMerge', { x: xM, y: G.R1, doc: 'Merges every path that asks for a rung: the start, a bypass, the step from the informal rung to the formal ladder, a return after a refused gate.' });
  m.flow(prev, 'RouteMerge', startBypassGw ? { name: 'no', isDefault: true } : {});
  top('exclusiveGateway', 'RouteToRung', { x: xR, y: G.R1, name: 'Route to rung', doc: P.routerDoc || routerDoc(P, T) });
  m.flow('RouteMerge', 'RouteToRung');

  // ---- R2: bypass path --------------------------------------------------------------------
  // A bypass needs its own target and its own reason: both are used up once the bypass is taken (the reason here,
  // the target when a rung is entered: Set_BypassTo_Used_{n}), so a later bypass message that lacks either cannot
  // borrow an earlier one's (messages merge into the variables). Without either it is not advanced.
  top('exclusiveGateway', 'Gw_BypassReasonGiven', { x: G.C_BYPASS, y: G.R2, name: 'Bypass target and reason recorded?', doc: P.bypassDoc });
  top('serviceTask', 'CaseNote_Bypass', { x: 275, y: G.R2, name: 'Case note: bypass and its reason', doc: P.bypassDoc, esc: { action: 'case-note', note: 'Bypass to rung {{bypassTo}} (stage reached so far: {{currentStage|none, the concern starts here}}). Reason: {{bypassReason}}' } });
  m.flow('Gw_BypassReasonGiven', 'CaseNote_Bypass', { name: 'yes', cond: 'typeof variables.bypassTo === "number" && typeof variables.bypassReason === "string" && variables.bypassReason.trim() !== ""' });
  if (startBypassGw) {
    m.flow(startBypassGw, 'Gw_BypassReasonGiven', { name: 'yes', cond: '(variables.startRung ?? 0) > 0', via: [{ x: startBypassX, y: 160 }, { x: G.C_BYPASS, y: 160 }] });
  }
  let bprev = 'CaseNote_Bypass';
  if (P.bypassNotify) {
    top('serviceTask', 'Notify_BypassIntended', { x: 415, y: G.R2, name: P.bypassNotify.name, doc: P.bypassNotify.doc, esc: { action: 'notify', recipientRole: P.bypassNotify.recipient, ccRoles: P.bypassNotify.cc.join(','), template: P.bypassNotify.template } });
    m.flow(bprev, 'Notify_BypassIntended');
    bprev = 'Notify_BypassIntended';
  }
  // The reason is used up once recorded: a later bypass message without a reason of its own must not pass the
  // "reason recorded?" check on the strength of an earlier bypass's reason (messages merge into the variables).
  top('intermediateThrowEvent', 'Set_BypassReason_Used', { x: 540, y: G.R2, name: 'bypassReason = null', esc: setEsc('bypassReason', null), doc: 'The bypass reason has been recorded (case note): clear it so that the next bypass needs its own reason.' });
  m.flow(bprev, 'Set_BypassReason_Used');
  bprev = 'Set_BypassReason_Used';
  top('intermediateThrowEvent', 'Set_RouteBy_Bypass', { x: xM - 60, y: G.R2, name: 'routeBy = "bypass"', esc: setEsc('routeBy', 'bypass') });
  m.flow(bprev, 'Set_RouteBy_Bypass');
  m.flow('Set_RouteBy_Bypass', 'RouteMerge', { via: [{ x: xM, y: G.R2 }] });

  // ---- R3: "not advanced" path (refused gate, invalid target, no bypass reason) -----------
  top('serviceTask', 'Notify_NotAdvanced', { x: G.C_RETURN, y: G.R3, name: 'Tell the reviewer: escalation not advanced', doc: P.returnDoc, esc: { action: 'notify', recipientRole: 'reviewer', template: 'escalation-not-advanced' } });
  top('serviceTask', 'CaseNote_NotAdvanced', { x: 440, y: G.R3, name: 'Case note: not advanced, back to the current rung', doc: P.returnDoc, esc: { action: 'case-note', note: 'Escalation not advanced (gate refused, target rung not allowed, or no bypass reason); the concern stays at {{currentStage}}.' } });
  m.flow('Notify_NotAdvanced', 'CaseNote_NotAdvanced');
  top('intermediateThrowEvent', 'Set_RouteBy_Return', { x: xM - 60, y: G.R3, name: 'routeBy = "return"', esc: setEsc('routeBy', 'return') });
  m.flow('CaseNote_NotAdvanced', 'Set_RouteBy_Return');
  m.flow('Set_RouteBy_Return', 'RouteMerge', { via: [{ x: xM, y: G.R3 }] });
  top('intermediateThrowEvent', 'Set_BypassReason_Discarded', { x: 105, y: 300, name: 'bypassReason = null', label: { x: 20, y: 318 }, esc: setEsc('bypassReason', null), doc: 'A bypass refused for want of a target or a reason: its reason (if any) is discarded too, so that a later bypass needs its own.' });
  m.flow('Gw_BypassReasonGiven', 'Set_BypassReason_Discarded', { name: 'no target or no reason', isDefault: true, via: [{ x: 105, y: G.R2 }] });
  m.flow('Set_BypassReason_Discarded', 'Notify_NotAdvanced', { via: [{ x: 105, y: 390 }, { x: G.C_RETURN, y: 390 }] });

  // ---- whole-process limit: a watchdog token forked at the first formal escalation ----------
  let leftEnd = xR + 120;
  let xF = null;
  if (hasClock) {
    top('intermediateThrowEvent', 'Set_OverallClockStarted', { x: xR + 100, y: G.R1, name: 'overallClockStarted = true', label: { x: xR + 50, y: G.R1 - 52 }, esc: setEsc('overallClockStarted', true), doc: P.overall.doc });
    xF = xR + 190;
    top('parallelGateway', 'Fork_OverallClock', { x: xF, y: G.R1, name: 'Start the 20-working-day clock', label: { x: xF + 28, y: G.R1 + 8 }, doc: P.overall.doc });
    m.flow('Set_OverallClockStarted', 'Fork_OverallClock');
    m.flow('Fork_OverallClock', 'RouteMerge', { via: [{ x: xF, y: G.T_FORK }, { x: xM, y: G.T_FORK }] });
    top('intermediateCatchEvent', 'Timer_OverallLimit', { lane: L.qa.id, x: xF, y: G.ROW_G, name: '20 working days since the first formal escalation', def: { kind: 'timer', type: 'timeDate', value: 'overallDeadline()' }, doc: P.overall.doc });
    m.flow('Fork_OverallClock', 'Timer_OverallLimit');
    top('serviceTask', 'Notify_OverallLimit', { lane: L.qa.id, x: xF + 120, y: G.ROW_G, name: `Alert ${P.roles[P.overall.recipient]}: not resolved in 20 working days`, doc: P.overall.doc, esc: { action: 'notify', recipientRole: P.overall.recipient, ccRoles: (P.overall.cc || ['reviewer']).join(','), template: 'overall-limit-passed' } });
    m.flow('Timer_OverallLimit', 'Notify_OverallLimit');
    top('serviceTask', 'CaseNote_OverallLimit', { lane: L.qa.id, x: xF + 260, y: G.ROW_G, name: 'Case note: whole-process limit passed', doc: P.overall.doc, esc: { action: 'case-note', note: 'The 20-working-day limit for resolution has passed; the concern is still open at {{currentStage}} and the QA manager has been alerted.' } });
    m.flow('Notify_OverallLimit', 'CaseNote_OverallLimit');
    top('endEvent', 'End_OverallLimit', { lane: L.qa.id, x: xF + 370, y: G.ROW_G, name: 'Alerted; the concern carries on' });
    m.flow('CaseNote_OverallLimit', 'End_OverallLimit');
    leftEnd = xF + 400;
  }
  let xG0 = null;
  if (formalGate) {
    xG0 = leftEnd + 120;
    buildGateChain(m, P, L, formalGate.gates, xG0, 'Set_FormalAgreed');
    const last = formalGate.gates[formalGate.gates.length - 1];
    const xS = xG0 + 50 + formalGate.gates.length * 260 + 90;
    top('intermediateThrowEvent', 'Set_FormalAgreed', { lane: L.qa.id, x: xS, y: G.ROW_G, name: 'formalAgreed = true', esc: setEsc('formalAgreed', true), doc: formalGate.doc });
    m.flow(`Gw_Gate_${last.id}`, 'Set_FormalAgreed', { name: 'agreed', cond: 'gateApproved === true' });
    m.flow('Set_FormalAgreed', 'RouteMerge', { via: [{ x: xS, y: G.T_NEXT }, { x: xM, y: G.T_NEXT }] });
    leftEnd = xS + 40;
  }
  const X_RUNGS = leftEnd + 200;

  // ---- the rungs, left to right -------------------------------------------------------------
  const placed = {}; // n -> {left, right, node}
  let left = X_RUNGS;
  for (let i = 0; i < P.rungs.length; i++) {
    const R = P.rungs[i];
    const width = R.kind === 'cafcass' ? buildCafcassRung(m, P, L, R, left) : buildRung(m, P, L, R, left);
    placed[R.n] = { left, right: left + width };
    const next = P.rungs[i + 1];
    if (!next) break;
    const gatedNext = P.gates && P.gates[next.n];
    if (R.kind === 'informal') left = left + width + 260;
    else left = left + width + (gatedNext ? 240 : 220);
  }

  const rungMid = G.RUNG_TOP + G.Y_M;
  const lastRight = placed[P.rungs[P.rungs.length - 1].n].right;

  // ---- after each rung -------------------------------------------------------------------------
  const afterX = (n) => placed[n].right + 70;
  const resolvedTargets = [];
  for (const R of P.rungs) {
    const ax = afterX(R.n);
    top('exclusiveGateway', `AfterRung_${R.n}`, { lane: L.ladder.id, x: ax, y: rungMid, name: `After ${R.short}`, doc: `Where the concern goes when ${R.title} ends: resolved → closing; bypass → the bypass path; otherwise (escalate, no response within the window, agreed actions not met) → ${R.kind === 'cafcass' ? 'back to the last rung\'s decision' : 'the next rung'}.` });
    m.flow(R.id, `AfterRung_${R.n}`);
    // resolved → closing (bus on T_RES)
    resolvedTargets.push(R.n);
    // bypass → bypass path (bus on T_BYP)
    m.flow(`AfterRung_${R.n}`, 'Gw_BypassReasonGiven', { name: 'bypass', cond: 'rungResult === "bypass"', via: [{ x: ax, y: G.T_BYP }, { x: G.C_BYPASS, y: G.T_BYP }] });
    // boundary bypass → bypass path
    m.flow(`Bypass_Rung${R.n}`, 'Gw_BypassReasonGiven', { via: [{ x: placed[R.n].right - 60, y: G.T_BYP }, { x: G.C_BYPASS, y: G.T_BYP }] });
  }

  // ---- closing --------------------------------------------------------------------------------
  let xC;
  if (cafcassRung) xC = lastRight + 320;
  else xC = lastRight + 660;
  // event sub-processes in the reviewer lane sit between the left section and the closing
  buildClosing(m, P, L, xC);
  for (const n of resolvedTargets) {
    const cond = P.rungs.find((r) => r.n === n).kind === 'cafcass' ? 'rungResult === "cafcass-referred"' : 'rungResult === "resolved"';
    m.flow(`AfterRung_${n}`, 'RecordOutcome', { name: P.rungs.find((r) => r.n === n).kind === 'cafcass' ? 'referred' : 'resolved', cond, via: [{ x: afterX(n), y: G.T_RES }, { x: xC, y: G.T_RES }] });
  }

  // ---- gates in front of rungs (000/002 stage 4, 003 level 4) ---------------------------------
  for (const [n, gates] of Object.entries(P.gates || {})) {
    const R = P.rungs.find((r) => String(r.n) === String(n));
    const x0 = placed[R.n].left + 10;
    const end = buildGateChain(m, P, L, gates, x0, null);
    // approved → up into the rung's bottom edge
    const last = gates[gates.length - 1];
    m.flow(`Gw_Gate_${last.id}`, R.id, { name: 'agreed', cond: 'gateApproved === true', via: [{ x: end, y: G.RUNG_TOP + G.RUNG_H + 40 }] });
  }

  // ---- next-rung flows -----------------------------------------------------------------------
  for (let i = 0; i < P.rungs.length; i++) {
    const R = P.rungs[i];
    const next = P.rungs[i + 1];
    const ax = afterX(R.n);
    if (R.kind === 'informal') {
      // informal → formal goes through the router (clock, 004's line-manager gate)
      const sx = placed[R.n].right + 150;
      top('intermediateThrowEvent', 'Set_RouteBy_Next', { lane: L.ladder.id, x: sx, y: rungMid, name: 'routeBy = "next"', esc: setEsc('routeBy', 'next'), doc: 'Not resolved informally: on to the first formal rung, through the router (which starts the whole-process clock and asks any gate first).' });
      m.flow(`AfterRung_${R.n}`, 'Set_RouteBy_Next', { name: 'not resolved', isDefault: true });
      m.flow('Set_RouteBy_Next', 'RouteMerge', { via: [{ x: sx, y: G.T_NEXT }, { x: xM, y: G.T_NEXT }] });
      if (R.rungTimer) {
        m.flow(`Notify_Rung${R.n}_WindowPassed`, 'Set_RouteBy_Next', { via: [{ x: sx, y: G.ROW_G }] });
      }
      continue;
    }
    if (R.kind === 'cafcass') {
      // not referred (refused / not eligible) → back to the last formal rung's decision
      m.flow(`AfterRung_${R.n}`, 'Notify_NotAdvanced', { name: 'not referred', isDefault: true, via: [{ x: ax + 60, y: rungMid }, { x: ax + 60, y: G.T_RET }, { x: G.C_RETURN, y: G.T_RET }] });
      continue;
    }
    if (R.n === topFormal && !cafcassRung) {
      // top of the ladder: nowhere higher; tell the reviewer and QA, go back to this rung's decision
      const T0 = P.ladderExhausted;
      top('serviceTask', 'Notify_LadderExhausted', { lane: L.ladder.id, x: ax + 130, y: rungMid, name: T0.name, doc: T0.doc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: T0.cc.join(','), template: 'ladder-exhausted' } });
      m.flow(`AfterRung_${R.n}`, 'Notify_LadderExhausted', { name: 'no higher rung', isDefault: true });
      top('serviceTask', 'CaseNote_LadderExhausted', { lane: L.ladder.id, x: ax + 270, y: rungMid, name: 'Case note: top of the ladder reached', doc: T0.doc, esc: { action: 'case-note', note: T0.note } });
      m.flow('Notify_LadderExhausted', 'CaseNote_LadderExhausted');
      top('intermediateThrowEvent', 'Set_RouteBy_ReturnTop', { lane: L.ladder.id, x: ax + 380, y: rungMid, name: 'routeBy = "return"', esc: setEsc('routeBy', 'return'), doc: 'Back to the top rung\'s decision (its entry gateway sees routeBy "return" and currentRung at this rung).' });
      m.flow('CaseNote_LadderExhausted', 'Set_RouteBy_ReturnTop');
      const midX = (placed[R.n].left + placed[R.n].right) / 2;
      m.flow('Set_RouteBy_ReturnTop', R.id, { via: [{ x: ax + 380, y: G.T_RESUME }, { x: midX, y: G.T_RESUME }] });
      continue;
    }
    // formal → next rung (through its gate when it has one)
    const gates = P.gates && P.gates[next.n];
    if (gates) {
      const nl = placed[next.n].left;
      m.flow(`AfterRung_${R.n}`, `GateRequested_${gates[0].id}`, { name: 'escalate', isDefault: true, via: [{ x: nl - 70, y: rungMid }, { x: nl - 70, y: G.ROW_G }] });
    } else {
      m.flow(`AfterRung_${R.n}`, next.id, { name: next.kind === 'cafcass' ? 'ladder exhausted' : 'escalate', isDefault: true });
    }
  }

  // ---- router edges ---------------------------------------------------------------------------
  const routable = P.rungs.filter((r) => r.routable !== false);
  const clockOk = hasClock ? ' && overallClockStarted === true' : '';
  const agreedOk = formalGate ? ' && formalAgreed === true' : '';
  const maxFormal = Math.max(...routable.map((r) => r.n));
  if (formalGate) {
    m.flow('RouteToRung', `GateRequested_${formalGate.gates[0].id}`, { name: 'formal: line manager first', cond: `${T} >= 1 && ${T} <= ${topFormal} && formalAgreed !== true`, via: [{ x: xR, y: G.T_ROUTER }, { x: xG0 - 30, y: G.T_ROUTER }, { x: xG0 - 30, y: G.ROW_G }] });
  }
  if (hasClock) {
    m.flow('RouteToRung', 'Set_OverallClockStarted', { name: 'first formal', label: { x: xR + 26, y: G.R1 + 4 }, cond: `${T} >= 1 && ${T} <= ${topFormal}${agreedOk} && overallClockStarted !== true` });
  }
  for (const R of routable) {
    const dropX = placed[R.n].left - 40;
    const gates = P.gates && P.gates[R.n];
    const isFormal = R.n >= 1 && R.kind === 'formal';
    const extra = isFormal ? `${agreedOk}${clockOk}` : '';
    const viaRung = [{ x: xR, y: G.T_ROUTER }, { x: dropX, y: G.T_ROUTER }, { x: dropX, y: G.RUNG_TOP + 60 }];
    if (gates) {
      m.flow('RouteToRung', `GateRequested_${gates[0].id}`, { name: `${R.short} (gate first)`, label: { x: dropX + 4, y: 498 }, cond: `${T} === ${R.n}${extra} && routeBy !== "return"`, via: [{ x: xR, y: G.T_ROUTER }, { x: dropX, y: G.T_ROUTER }, { x: dropX, y: G.ROW_G }] });
      m.flow('RouteToRung', R.id, { name: `${R.short} (return)`, label: { x: dropX - 128, y: 575 }, cond: `${T} === ${R.n}${extra} && routeBy === "return"`, via: viaRung });
    } else {
      m.flow('RouteToRung', R.id, { name: R.short, label: { x: dropX + 4, y: 498 }, cond: `${T} === ${R.n}${extra}`, via: viaRung });
    }
  }
  void maxFormal;
  m.flow('RouteToRung', 'Notify_NotAdvanced', { name: 'no such rung', label: { x: G.C_RETURN + 10, y: G.T_ROUTER - 16 }, isDefault: true, via: [{ x: xR, y: G.T_ROUTER }, { x: G.C_RETURN, y: G.T_ROUTER }] });

  // ---- event sub-processes: reviewer lane between the left section and the closing; QA lane under the rungs
  let esX = X_RUNGS;
  let esQ = X_RUNGS;
  for (const ES of P.eventSubs || []) {
    if (ES.lane === 'qa') {
      esQ += ES.build(m, P, { lane: L.qa.id, x: esQ, y: G.ES_TOP }) + 80;
    } else {
      esX += ES.build(m, P, { lane: L.reviewer.id, x: esX, y: 30 }) + 80;
      if (esX > xC - 120) throw new Error(`${P.processKey}: event sub-processes do not fit before the closing`);
    }
  }
  return m;
}

function routerDoc(P, T) {
  return `Route to rung. Serves the start (routeBy "start": startRung), a bypass (routeBy "bypass": bypassTo), the step from the informal rung to the formal ladder (routeBy "next": currentRung + 1) and a return after a refused gate or an impossible target (routeBy "return": currentRung, or rung ${P.returnFallback} when no rung was reached yet). Target = ${T}. A target with no rung here (or not allowed by this protocol) takes the default flow: the reviewer is told and the concern stays where it was.`;
}

// ---- gate chain in the QA lane -----------------------------------------------------------------
// gate-requested → Gate_* user task → approved? (refused → "not advanced" via the T_RET bus).
// Returns the x of the last gateway (where "approved" leaves upward); approved flow is drawn by the caller.
function buildGateChain(m, P, L, gates, x0, _unused) {
  let x = x0 + 50;
  let prev = null;
  for (const g of gates) {
    m.add('serviceTask', `GateRequested_${g.id}`, { lane: L.qa.id, x, y: G.ROW_G, name: `Ask: ${g.title}`, doc: g.doc, esc: { action: 'gate-requested', gate: g.key, recipientRole: g.role, template: 'gate-requested' } });
    if (prev) m.flow(prev, `GateRequested_${g.id}`, { name: 'agreed', cond: 'gateApproved === true' });
    x += 140;
    m.add('userTask', `Gate_${g.id}`, { lane: L.qa.id, x, y: G.ROW_G, name: g.title, doc: g.doc, esc: { gate: g.key, assigneeRole: g.role } });
    m.flow(`GateRequested_${g.id}`, `Gate_${g.id}`);
    x += 120;
    m.add('exclusiveGateway', `Gw_Gate_${g.id}`, { lane: L.qa.id, x, y: G.ROW_G, name: `${g.short || 'Agreed'}?` });
    m.flow(`Gate_${g.id}`, `Gw_Gate_${g.id}`);
    m.flow(`Gw_Gate_${g.id}`, 'Notify_NotAdvanced', { name: 'refused', isDefault: true, via: [{ x, y: G.T_RET }, { x: G.C_RETURN, y: G.T_RET }] });
    prev = `Gw_Gate_${g.id}`;
    x += 140;
  }
  return x - 140;
}

// ---- one rung -----------------------------------------------------------------------------------
function buildRung(m, P, L, R, left) {
  const n = R.n;
  const top = G.RUNG_TOP;
  const sp = m.add('subProcess', R.id, {
    lane: L.ladder.id, x: left, y: top, w: 100, h: G.RUNG_H, name: R.title, doc: R.doc,
    esc: { stage: String(n), rungTitle: R.title },
  });
  const P_ = R.id;
  const at = (tag, id, rx, ry, o = {}) => m.add(tag, id, { ...o, parent: P_, x: left + rx, y: top + ry });
  const Y = (ry) => top + ry;
  const X = (rx) => left + rx;
  let cx = 50;
  const step = (kind) => { const w = W[kind]; cx += lastW / 2 + GAP + w / 2; lastW = w; return cx; };
  let lastW = W.event;

  at('startEvent', `Start_Rung${n}`, cx, G.Y_M);
  step('event');
  at('intermediateThrowEvent', `Set_BypassTo_Used_${n}`, cx, G.Y_M, { name: 'bypassTo = null', label: { x: X(cx) - 40, y: Y(G.Y_M) - 48 }, esc: setEsc('bypassTo', null), doc: BYPASS_TO_USED_DOC });
  m.flow(`Start_Rung${n}`, `Set_BypassTo_Used_${n}`);
  let prev = `Set_BypassTo_Used_${n}`;
  const entryX = step('gateway');
  at('exclusiveGateway', `Entry_${n}`, entryX, G.Y_M, { name: 'Back to the decision?', doc: 'A return after a refused gate (or at the top of the ladder) resumes at this rung\'s decision without notifying anyone again; otherwise the rung starts afresh.' });
  m.flow(prev, `Entry_${n}`);
  step('task');
  at('serviceTask', `StageEntered_${n}`, cx, G.Y_M, { name: `${R.short} entered`, doc: R.doc, esc: { action: 'stage-entered', stage: String(n), rungTitle: R.title } });
  m.flow(`Entry_${n}`, `StageEntered_${n}`, { name: 'afresh', isDefault: true });
  step('event');
  at('intermediateThrowEvent', `Set_CurrentRung_${n}`, cx, G.Y_M, { name: `currentRung = ${n}`, esc: setEsc('currentRung', n) });
  m.flow(`StageEntered_${n}`, `Set_CurrentRung_${n}`);
  prev = `Set_CurrentRung_${n}`;

  if (R.agreedDate) {
    const gx = step('gateway');
    at('exclusiveGateway', `Gw_AgreedDate_${n}`, gx, G.Y_M, { name: 'Date agreed?', doc: R.agreedDateDoc });
    m.flow(prev, `Gw_AgreedDate_${n}`);
    step('task');
    at('userTask', `AgreeTimescale_${n}`, cx, G.Y_M, { name: 'Record the date agreed for resolution', doc: R.agreedDateDoc, esc: { assigneeRole: 'reviewer' } });
    m.flow(`Gw_AgreedDate_${n}`, `AgreeTimescale_${n}`, { name: 'no', isDefault: true });
    const mx = step('gateway');
    at('exclusiveGateway', `Gw_AgreedDate_${n}_Merge`, mx, G.Y_M);
    m.flow(`AgreeTimescale_${n}`, `Gw_AgreedDate_${n}_Merge`);
    m.flow(`Gw_AgreedDate_${n}`, `Gw_AgreedDate_${n}_Merge`, { name: 'yes', cond: 'typeof variables.agreedDate === "string" && variables.agreedDate !== ""', via: [{ x: X(gx), y: Y(G.Y_SKIP) }, { x: X(mx), y: Y(G.Y_SKIP) }] });
    prev = `Gw_AgreedDate_${n}_Merge`;
  }

  const notifyEsc = { action: 'notify', recipientRole: R.recipient, ccRoles: (R.cc || []).join(','), template: R.template };
  if (R.asye) {
    const gx = step('gateway');
    at('exclusiveGateway', `Gw_SocialWorkerAsye_${n}`, gx, G.Y_M, { name: 'Social worker in ASYE?', doc: R.asye.doc });
    m.flow(prev, `Gw_SocialWorkerAsye_${n}`);
    const tx = step('task');
    at('serviceTask', `Notify_Rung${n}`, tx, G.Y_M, { name: R.notifyName, doc: R.doc, esc: notifyEsc });
    at('serviceTask', `Notify_Rung${n}_Asye`, tx, G.Y_B1, { name: R.asye.name, doc: R.asye.doc, esc: { ...notifyEsc, ccRoles: R.asye.cc.join(',') } });
    m.flow(`Gw_SocialWorkerAsye_${n}`, `Notify_Rung${n}`, { name: 'no', isDefault: true });
    m.flow(`Gw_SocialWorkerAsye_${n}`, `Notify_Rung${n}_Asye`, { name: 'yes (ASYE)', cond: 'variables.socialWorkerAsye === true', via: [{ x: X(gx), y: Y(G.Y_B1) }] });
    const mx = step('gateway');
    at('exclusiveGateway', `Gw_SocialWorkerAsye_${n}_Merge`, mx, G.Y_M);
    m.flow(`Notify_Rung${n}`, `Gw_SocialWorkerAsye_${n}_Merge`);
    m.flow(`Notify_Rung${n}_Asye`, `Gw_SocialWorkerAsye_${n}_Merge`, { via: [{ x: X(mx), y: Y(G.Y_B1) }] });
    prev = `Gw_SocialWorkerAsye_${n}_Merge`;
  } else {
    step('task');
    at('serviceTask', `Notify_Rung${n}`, cx, G.Y_M, { name: R.notifyName, doc: R.doc, esc: notifyEsc });
    m.flow(prev, `Notify_Rung${n}`);
    prev = `Notify_Rung${n}`;
  }
  step('task');
  at('serviceTask', `CaseNote_Rung${n}`, cx, G.Y_M, { name: R.caseNoteName, doc: R.doc, esc: { action: 'case-note', note: R.caseNote } });
  m.flow(prev, `CaseNote_Rung${n}`);

  step('event');
  at('intermediateThrowEvent', `Set_Rung${n}_Awaiting`, cx, G.Y_M, { name: 'rungResult = "awaiting"', label: { x: X(cx) - 40, y: Y(G.Y_M) + 22 }, esc: setEsc('rungResult', 'awaiting'), doc: AWAITING_DOC });
  m.flow(`CaseNote_Rung${n}`, `Set_Rung${n}_Awaiting`);
  const awaitX = step('task');
  at('receiveTask', `AwaitResponse_${n}`, awaitX, G.Y_M, { name: R.awaitName || `Await the ${P.roles[R.recipient]}'s response`, doc: R.windowDoc, messageName: 'response' });
  m.flow(`Set_Rung${n}_Awaiting`, `AwaitResponse_${n}`);
  step('task');
  at('serviceTask', `CaseNote_Rung${n}_Response`, cx, G.Y_M, { name: 'Case note: response recorded', doc: R.responseDoc || R.windowDoc, esc: { action: 'case-note', note: R.responseNote || `${R.title}: response from {{respondedBy}}: {{response}}` } });
  m.flow(`AwaitResponse_${n}`, `CaseNote_Rung${n}_Response`);
  const decidingX = step('event');
  at('intermediateThrowEvent', `Set_Rung${n}_Deciding`, decidingX, G.Y_M, { name: 'rungResult = "deciding"', label: { x: X(decidingX) - 40, y: Y(G.Y_M) + 22 }, esc: setEsc('rungResult', 'deciding'), doc: AWAITING_DOC });
  m.flow(`CaseNote_Rung${n}_Response`, `Set_Rung${n}_Deciding`);
  const iroX = step('task');
  at('userTask', `IroDecision_${n}`, iroX, G.Y_M, { name: R.decisionName || 'Reviewer decides: resolved, actions agreed, escalate or bypass', doc: R.decisionDoc || P.decisionDoc, esc: { assigneeRole: 'reviewer' } });
  m.flow(`Set_Rung${n}_Deciding`, `IroDecision_${n}`);
  const back = `routeBy === "return" && currentRung === ${n}`;
  m.flow(`Entry_${n}`, `IroDecision_${n}`, { name: 'resume: decide', cond: `${back} && variables.rungResult !== "awaiting"`, via: [{ x: X(entryX), y: Y(G.Y_RESUME) }, { x: X(iroX) - 20, y: Y(G.Y_RESUME) }] });
  m.flow(`Entry_${n}`, `AwaitResponse_${n}`, { name: 'resume: still awaiting the response', label: { x: X(entryX) + 10, y: Y(G.Y_AWAIT) + 4 }, cond: `${back} && variables.rungResult === "awaiting"`, via: [{ x: X(entryX), y: Y(G.Y_AWAIT) }, { x: X(awaitX) - 30, y: Y(G.Y_AWAIT) }] });

  // response window on the receive task
  const win = R.window;
  if (win.kind === 'rag' || win.kind === 'fixed' || win.kind === 'agreed') {
    // Resumed after a refused bypass (routeBy "return" at this rung), the window and the reminder keep the instants
    // they had when the rung began (stageEnteredAt); a reminder already sent is not sent again (it is put after the
    // window, which ends the wait first). An agreed date is the same instant either way.
    const S = 'variables.stageEnteredAt';
    const resumed = (again, fresh) => (again ? `${back} ? ${again} : ${fresh}` : fresh);
    const windowAgain = win.valueFrom ? win.valueFrom(S) : null;
    const reminderAgain = win.reminderFrom ? `(${win.reminderFrom(S)} > Date.now() ? ${win.reminderFrom(S)} : new Date(${win.valueFrom(S)}.getTime() + 60000))` : null;
    if (win.reminder) {
      const b = m.boundary(`Timer_Rung${n}_Reminder`, `AwaitResponse_${n}`, 'top', 70, { name: 'Reminder due', cancelActivity: false, def: { kind: 'timer', type: 'timeDate', value: resumed(reminderAgain, win.reminder) }, doc: `Reminder before the response window ends (${win.reminderText}). ${RESUME_DOC}` });
      void b;
      at('serviceTask', `Notify_Rung${n}_Reminder`, awaitX + 140, G.Y_TOP, { name: 'Remind the recipient', doc: `Reminder before the response window ends (${win.reminderText}).`, esc: { action: 'notify', recipientRole: R.recipient, ccRoles: 'reviewer', template: 'response-reminder' } });
      m.flow(`Timer_Rung${n}_Reminder`, `Notify_Rung${n}_Reminder`, { via: [{ x: X(awaitX) + 20, y: Y(G.Y_TOP) }] });
      at('endEvent', `End_Rung${n}_Reminder`, awaitX + 250, G.Y_TOP);
      m.flow(`Notify_Rung${n}_Reminder`, `End_Rung${n}_Reminder`);
    }
    m.boundary(`Timer_Rung${n}_Window`, `AwaitResponse_${n}`, 'bottom', 70, { name: win.name, def: { kind: 'timer', type: 'timeDate', value: resumed(windowAgain, win.value) }, doc: windowAgain ? `${R.windowDoc} ${RESUME_DOC}` : R.windowDoc });
    const wprev = `Notify_Rung${n}_NoResponse`;
    at('serviceTask', wprev, awaitX + 130, G.Y_B1, { name: 'Tell the reviewer: no response, moving up', doc: R.windowDoc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: R.recipient, template: 'no-response-escalating' } });
    m.flow(`Timer_Rung${n}_Window`, wprev, { via: [{ x: X(awaitX) + 20, y: Y(G.Y_B1) }] });
    const nx = awaitX + 230;
    at('intermediateThrowEvent', `Set_Rung${n}_NoResponse`, nx, G.Y_B1, { name: 'rungResult = "no-response"', esc: setEsc('rungResult', 'no-response') });
    at('endEvent', `End_Rung${n}_NoResponse`, nx + 50, G.Y_B1);
    m.flow(`Set_Rung${n}_NoResponse`, `End_Rung${n}_NoResponse`);
    if (R.noResponseExtra) {
      // e.g. 001: an informal issue not resolved in the agreed timescale goes to the Issues Resolution Clinic.
      const e = R.noResponseExtra;
      at('serviceTask', `Notify_Rung${n}_Clinic`, awaitX + 130, G.Y_B2, { name: e.name, doc: e.doc, esc: { action: 'notify', recipientRole: e.recipient, ccRoles: (e.cc || []).join(','), template: e.template } });
      m.flow(wprev, `Notify_Rung${n}_Clinic`);
      m.flow(`Notify_Rung${n}_Clinic`, `Set_Rung${n}_NoResponse`, { via: [{ x: X(nx), y: Y(G.Y_B2) }] });
    } else {
      m.flow(wprev, `Set_Rung${n}_NoResponse`);
    }
  } else if (win.kind === 'agreed-review') {
    // 003 informal: the reviewer reviews on the agreed date (the SW may answer earlier)
    m.boundary(`Timer_Rung${n}_AgreedDate`, `AwaitResponse_${n}`, 'bottom', 70, { name: 'Agreed date: review', def: { kind: 'timer', type: 'timeDate', value: 'date(agreedDate)' }, doc: R.windowDoc });
    m.flow(`Timer_Rung${n}_AgreedDate`, `Set_Rung${n}_Deciding`, { name: 'review', via: [{ x: X(awaitX) + 20, y: Y(G.Y_B1) }, { x: X(decidingX), y: Y(G.Y_B1) }] });
  } else if (win.kind !== 'none') throw new Error(`bad window ${win.kind}`);

  // decision
  const decX = step('gateway');
  at('exclusiveGateway', `Gw_Decision_${n}`, decX, G.Y_M, { name: 'Decision?' });
  m.flow(`IroDecision_${n}`, `Gw_Decision_${n}`);
  // escalate (top row)
  at('intermediateThrowEvent', `Set_Rung${n}_Escalate`, decX + 110, G.Y_TOP, { name: 'rungResult = "escalate"', esc: setEsc('rungResult', 'escalate') });
  m.flow(`Gw_Decision_${n}`, `Set_Rung${n}_Escalate`, { name: 'escalate', cond: 'decision === "escalate"', via: [{ x: X(decX), y: Y(G.Y_TOP) }] });
  at('endEvent', `End_Rung${n}_Escalate`, decX + 210, G.Y_TOP);
  m.flow(`Set_Rung${n}_Escalate`, `End_Rung${n}_Escalate`);
  // resolved (main row), with protocol extras
  let rx = decX + 20;
  let rprev = `Gw_Decision_${n}`;
  let first = true;
  for (const t of R.resolveExtras || []) {
    rx += first ? 100 : 140;
    at('serviceTask', t.id, rx, G.Y_M, { name: t.name, doc: t.doc, esc: t.esc });
    if (first) m.flow(rprev, t.id, { name: 'resolved', cond: 'decision === "resolve"' });
    else m.flow(rprev, t.id);
    rprev = t.id;
    first = false;
  }
  rx += first ? 80 : 110;
  at('intermediateThrowEvent', `Set_Rung${n}_Resolved`, rx, G.Y_M, { name: 'rungResult = "resolved"', esc: setEsc('rungResult', 'resolved') });
  if (first) m.flow(rprev, `Set_Rung${n}_Resolved`, { name: 'resolved', cond: 'decision === "resolve"' });
  else m.flow(rprev, `Set_Rung${n}_Resolved`);
  at('endEvent', `End_Rung${n}_Resolved`, rx + 100, G.Y_M);
  m.flow(`Set_Rung${n}_Resolved`, `End_Rung${n}_Resolved`);
  let width = rx + 100 + 60;

  // more decisions (row B1)
  at('exclusiveGateway', `Gw_Decision_${n}_More`, decX, G.Y_B1, { name: 'Bypass or actions agreed?', label: { x: X(decX) - 150, y: Y(G.Y_B1) + 24 } });
  m.flow(`Gw_Decision_${n}`, `Gw_Decision_${n}_More`, { name: 'other', isDefault: true });
  at('intermediateThrowEvent', `Set_Rung${n}_Bypass`, decX + 110, G.Y_B1, { name: 'rungResult = "bypass"', esc: setEsc('rungResult', 'bypass') });
  m.flow(`Gw_Decision_${n}_More`, `Set_Rung${n}_Bypass`, { name: 'bypass', cond: 'decision === "bypass"' });
  at('endEvent', `End_Rung${n}_Bypass`, decX + 210, G.Y_B1);
  m.flow(`Set_Rung${n}_Bypass`, `End_Rung${n}_Bypass`);
  m.flow(`Gw_Decision_${n}_More`, `IroDecision_${n}`, { name: 'not understood: decide again', isDefault: true, via: [{ x: X(iroX) + 30, y: Y(G.Y_B1) }] });
  // actions agreed (rows B2, B3)
  at('serviceTask', `CaseNote_Rung${n}_ActionsAgreed`, decX + 110, G.Y_B2, { name: 'Case note: actions agreed, reviewer monitors', doc: P.actionsDoc, esc: { action: 'case-note', note: `${R.title}: actions agreed, due {{actionsDueAt}}; the reviewer monitors progress.` } });
  m.flow(`Gw_Decision_${n}_More`, `CaseNote_Rung${n}_ActionsAgreed`, { name: 'actions agreed', cond: 'decision === "actions-agreed" && typeof variables.actionsDueAt === "string" && variables.actionsDueAt !== ""', via: [{ x: X(decX), y: Y(G.Y_B2) }] });
  at('eventBasedGateway', `Gw_MonitorActions_${n}`, decX + 230, G.Y_B2, { name: 'Met by the date?', doc: P.actionsDoc });
  m.flow(`CaseNote_Rung${n}_ActionsAgreed`, `Gw_MonitorActions_${n}`);
  at('intermediateCatchEvent', `ActionsMet_${n}`, decX + 330, G.Y_B2, { name: 'Actions met', def: { kind: 'message', name: 'actions-met' }, doc: P.actionsDoc });
  m.flow(`Gw_MonitorActions_${n}`, `ActionsMet_${n}`);
  at('intermediateThrowEvent', `Set_Rung${n}_ActionsMet`, decX + 440, G.Y_B2, { name: 'rungResult = "resolved"', esc: setEsc('rungResult', 'resolved') });
  m.flow(`ActionsMet_${n}`, `Set_Rung${n}_ActionsMet`);
  at('endEvent', `End_Rung${n}_ActionsMet`, decX + 540, G.Y_B2);
  m.flow(`Set_Rung${n}_ActionsMet`, `End_Rung${n}_ActionsMet`);
  at('intermediateCatchEvent', `Timer_Rung${n}_ActionsDue`, decX + 330, G.Y_B3, { name: 'Agreed date passed', def: { kind: 'timer', type: 'timeDate', value: 'date(actionsDueAt)' }, doc: P.actionsDoc });
  m.flow(`Gw_MonitorActions_${n}`, `Timer_Rung${n}_ActionsDue`, { via: [{ x: X(decX + 230), y: Y(G.Y_B3) }] });
  at('serviceTask', `Notify_Rung${n}_ActionsUnmet`, decX + 450, G.Y_B3, { name: 'Tell the reviewer: actions not met, moving up', doc: P.actionsDoc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: R.recipient, template: 'actions-not-met' } });
  m.flow(`Timer_Rung${n}_ActionsDue`, `Notify_Rung${n}_ActionsUnmet`);
  at('intermediateThrowEvent', `Set_Rung${n}_ActionsUnmet`, decX + 580, G.Y_B3, { name: 'rungResult = "actions-unmet"', esc: setEsc('rungResult', 'actions-unmet') });
  m.flow(`Notify_Rung${n}_ActionsUnmet`, `Set_Rung${n}_ActionsUnmet`);
  at('endEvent', `End_Rung${n}_ActionsUnmet`, decX + 670, G.Y_B3);
  m.flow(`Set_Rung${n}_ActionsUnmet`, `End_Rung${n}_ActionsUnmet`);
  width = Math.max(width, decX + 670 + 70);

  // finalise the sub-process width now that its content is known
  sp.w = width; sp.bounds.w = width;
  const right = left + width;

  // boundary events on the rung itself
  m.boundary(`Bypass_Rung${n}`, R.id, 'bottom', width - 60, { name: 'Bypass', def: { kind: 'message', name: 'bypass' }, doc: P.bypassDoc });
  if (R.rungTimer) {
    const t = R.rungTimer;
    m.boundary(`Timer_Rung${n}_Reminder`, R.id, 'bottom', width - 520, { name: 'Reminder due', cancelActivity: false, def: { kind: 'timer', type: 'timeDate', value: t.reminder }, doc: t.doc });
    m.add('serviceTask', `Notify_Rung${n}_Reminder`, { lane: L.qa.id, x: right - 400, y: G.ROW_G, name: 'Remind: informal window ends soon', doc: t.doc, esc: { action: 'notify', recipientRole: R.recipient, ccRoles: 'reviewer', template: 'informal-window-reminder' } });
    m.flow(`Timer_Rung${n}_Reminder`, `Notify_Rung${n}_Reminder`, { via: [{ x: right - 520, y: G.ROW_G }] });
    m.add('endEvent', `End_Rung${n}_Reminder`, { lane: L.qa.id, x: right - 290, y: G.ROW_G });
    m.flow(`Notify_Rung${n}_Reminder`, `End_Rung${n}_Reminder`);
    m.boundary(`Timer_Rung${n}_Window`, R.id, 'bottom', width - 200, { name: t.name, def: { kind: 'timer', type: 'timeDate', value: t.value }, doc: t.doc });
    m.add('serviceTask', `Notify_Rung${n}_WindowPassed`, { lane: L.qa.id, x: right - 50, y: G.ROW_G, name: t.passedName, doc: t.doc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: R.recipient, template: 'informal-window-passed' } });
    m.flow(`Timer_Rung${n}_Window`, `Notify_Rung${n}_WindowPassed`, { via: [{ x: right - 200, y: G.ROW_G }] });
  }
  return width;
}

// ---- the Cafcass rung (001 after stage 4; 003 after level 4) ------------------------------------
function buildCafcassRung(m, P, L, R, left) {
  const n = R.n;
  const top = G.RUNG_TOP;
  const C = R.cafcass;
  const sp = m.add('subProcess', R.id, { lane: L.ladder.id, x: left, y: top, w: 100, h: G.RUNG_H, name: R.title, doc: R.doc, esc: { stage: 'cafcass', rungTitle: R.title } });
  const at = (tag, id, rx, ry, o = {}) => m.add(tag, id, { ...o, parent: R.id, x: left + rx, y: top + ry });
  const X = (rx) => left + rx;
  const Y = (ry) => top + ry;
  let cx = 50; let lastW = W.event;
  const step = (kind) => { const w = W[kind]; cx += lastW / 2 + GAP + w / 2; lastW = w; return cx; };
  at('startEvent', `Start_Rung${n}`, cx, G.Y_M);
  step('event');
  at('intermediateThrowEvent', `Set_BypassTo_Used_${n}`, cx, G.Y_M, { name: 'bypassTo = null', label: { x: X(cx) - 40, y: Y(G.Y_M) - 48 }, esc: setEsc('bypassTo', null), doc: BYPASS_TO_USED_DOC });
  m.flow(`Start_Rung${n}`, `Set_BypassTo_Used_${n}`);
  const ex = step('gateway');
  at('exclusiveGateway', `Gw_CafcassEligible_${n}`, ex, G.Y_M, { name: 'IRO and child in care?', doc: P.cafcassEligibilityDoc });
  m.flow(`Set_BypassTo_Used_${n}`, `Gw_CafcassEligible_${n}`);
  let prev = `Gw_CafcassEligible_${n}`;
  let firstCond = { name: 'yes', cond: 'raiserRole === "IRO" && legalStatus === "child-in-care"' };
  const chain = (tag, id, o) => {
    const kind = tag.endsWith('Gateway') ? 'gateway' : tag.endsWith('Event') ? 'event' : 'task';
    step(kind);
    at(tag, id, cx, G.Y_M, o);
    m.flow(prev, id, firstCond || {});
    firstCond = null;
    prev = id;
  };
  for (const t of C.before) chain('serviceTask', t.id, { name: t.name, doc: t.doc, esc: t.esc });
  // the gate (legal advice / Deputy Director informed)
  const g = C.gate;
  chain('serviceTask', `GateRequested_${g.id}`, { name: `Ask: ${g.title}`, doc: g.doc, esc: { action: 'gate-requested', gate: g.key, recipientRole: g.role, template: 'gate-requested' } });
  for (const t of C.beforeGateTask || []) chain('serviceTask', t.id, { name: t.name, doc: t.doc, esc: t.esc });
  chain('userTask', `Gate_${g.id}`, { name: g.title, doc: g.doc, esc: { gate: g.key, assigneeRole: g.role } });
  chain('exclusiveGateway', `Gw_Gate_${g.id}`, { name: `${g.short || 'Agreed'}?` });
  const gateGw = prev;
  const gateX = cx;
  firstCond = { name: 'yes', cond: 'gateApproved === true' };
  for (const t of C.after) chain('serviceTask', t.id, { name: t.name, doc: t.doc, esc: t.esc });
  chain('serviceTask', `CafcassReferred_${n}`, { name: 'Refer to Cafcass', doc: C.referralDoc, esc: { action: 'cafcass-referred', recipientRole: C.referralRecipient, ccRoles: (C.referralCc || []).join(',') } });
  chain('serviceTask', `CaseNote_Rung${n}_Referred`, { name: 'Case note: referred to Cafcass', doc: C.referralDoc, esc: { action: 'case-note', note: C.referralNote } });
  chain('intermediateThrowEvent', `Set_Rung${n}_Referred`, { name: 'rungResult = "cafcass-referred"', esc: setEsc('rungResult', 'cafcass-referred') });
  chain('endEvent', `End_Rung${n}_Referred`, {});
  // refused → top row
  at('serviceTask', `CaseNote_Rung${n}_NotReferred`, gateX + 110, G.Y_TOP, { name: 'Case note: no referral', doc: g.doc, esc: { action: 'case-note', note: C.notReferredNote } });
  m.flow(gateGw, `CaseNote_Rung${n}_NotReferred`, { name: 'no', isDefault: true, via: [{ x: X(gateX), y: Y(G.Y_TOP) }] });
  at('intermediateThrowEvent', `Set_Rung${n}_GateRefused`, gateX + 220, G.Y_TOP, { name: 'rungResult = "gate-refused"', esc: setEsc('rungResult', 'gate-refused') });
  m.flow(`CaseNote_Rung${n}_NotReferred`, `Set_Rung${n}_GateRefused`);
  at('endEvent', `End_Rung${n}_GateRefused`, gateX + 290, G.Y_TOP);
  m.flow(`Set_Rung${n}_GateRefused`, `End_Rung${n}_GateRefused`);
  // not eligible → bottom row
  at('serviceTask', `Notify_Rung${n}_NotEligible`, ex + 120, G.Y_B1, { name: 'Tell the reviewer: no Cafcass route', doc: P.cafcassEligibilityDoc, esc: { action: 'notify', recipientRole: 'reviewer', ccRoles: C.notEligibleCc.join(','), template: 'cafcass-not-available' } });
  m.flow(`Gw_CafcassEligible_${n}`, `Notify_Rung${n}_NotEligible`, { name: 'no (CP Chair or not a child in care)', isDefault: true, via: [{ x: X(ex), y: Y(G.Y_B1) }] });
  at('serviceTask', `CaseNote_Rung${n}_NotEligible`, ex + 260, G.Y_B1, { name: 'Case note: no Cafcass route', doc: P.cafcassEligibilityDoc, esc: { action: 'case-note', note: 'Cafcass referral is for an IRO and a child in care only ({{raiserRole}}, {{legalStatus}}): no referral; back to the last rung\'s decision.' } });
  m.flow(`Notify_Rung${n}_NotEligible`, `CaseNote_Rung${n}_NotEligible`);
  at('intermediateThrowEvent', `Set_Rung${n}_NotEligible`, ex + 370, G.Y_B1, { name: 'rungResult = "not-eligible"', esc: setEsc('rungResult', 'not-eligible') });
  m.flow(`CaseNote_Rung${n}_NotEligible`, `Set_Rung${n}_NotEligible`);
  at('endEvent', `End_Rung${n}_NotEligible`, ex + 440, G.Y_B1);
  m.flow(`Set_Rung${n}_NotEligible`, `End_Rung${n}_NotEligible`);
  const width = cx + 70;
  sp.w = width; sp.bounds.w = width;
  m.boundary(`Bypass_Rung${n}`, R.id, 'bottom', width - 60, { name: 'Bypass', def: { kind: 'message', name: 'bypass' }, doc: P.bypassDoc });
  return width;
}

// ---- closing ------------------------------------------------------------------------------------
function buildClosing(m, P, L, xC) {
  const C = P.closing;
  const lane = L.reviewer.id;
  m.add('userTask', 'RecordOutcome', { lane, x: xC, y: G.R3, name: C.taskName, doc: C.doc, esc: { assigneeRole: 'reviewer' } });
  m.add('exclusiveGateway', 'Gw_OutcomeComplete', { lane, x: xC + 130, y: G.R3, name: C.checkName, doc: C.doc });
  m.flow('RecordOutcome', 'Gw_OutcomeComplete');
  m.flow('Gw_OutcomeComplete', 'RecordOutcome', { name: 'incomplete', isDefault: true, via: [{ x: xC + 130, y: 260 }, { x: xC, y: 260 }] });
  m.add('serviceTask', 'OutcomeRecorded', { lane, x: xC + 250, y: G.R3, name: 'Outcome recorded', doc: C.doc, esc: { action: 'outcome-recorded' } });
  m.flow('Gw_OutcomeComplete', 'OutcomeRecorded', { name: 'recorded', cond: C.check });
  m.add('serviceTask', 'CaseNote_Closed', { lane, x: xC + 390, y: G.R3, name: C.caseNoteName, doc: C.doc, esc: { action: 'case-note', note: C.note } });
  m.flow('OutcomeRecorded', 'CaseNote_Closed');
  let prev = 'CaseNote_Closed';
  let x = xC + 390;
  for (const t of C.extra || []) {
    x += 140;
    m.add('serviceTask', t.id, { lane, x, y: G.R3, name: t.name, doc: t.doc, esc: t.esc });
    m.flow(prev, t.id);
    prev = t.id;
  }
  m.add('endEvent', 'End_Closed', { lane, x: x + 110, y: G.R3, name: 'Closed', def: { kind: 'terminate' }, doc: 'Terminate: ends the escalation, including the 20-working-day watchdog and any event sub-process still running.' });
  m.flow(prev, 'End_Closed');
}

module.exports = { build, G, setEsc, q };
