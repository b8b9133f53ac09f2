'use strict';
// A tiny BPMN 2.0 model with diagram interchange (DI): nodes with absolute bounds, sequence flows
// with orthogonal waypoints, lanes in one pool. `toXml()` writes a file the engine runs and any
// BPMN modeller (bpmn-js, Camunda Modeler…) opens; `check()` finds layout and graph mistakes.
// No dependencies: node >= 18.

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  esc: 'urn:iro-escalation-workflows:esc:1',
};

const SIZE = {
  task: { w: 100, h: 80 },
  gateway: { w: 50, h: 50 },
  event: { w: 36, h: 36 },
};

const TASKS = new Set(['userTask', 'receiveTask', 'serviceTask', 'sendTask']);
const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);
const EVENTS = new Set(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);

function kindOf(tag) {
  if (TASKS.has(tag)) return 'task';
  if (GATEWAYS.has(tag)) return 'gateway';
  if (EVENTS.has(tag)) return 'event';
  if (tag === 'subProcess') return 'subProcess';
  throw new Error(`unknown tag ${tag}`);
}

function esc(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

class Model {
  constructor({ definitionsId, processId, processName, processDoc, participantName }) {
    this.definitionsId = definitionsId;
    this.processId = processId;
    this.processName = processName;
    this.processDoc = processDoc;
    this.participantName = participantName;
    this.nodes = new Map(); // id -> node
    this.order = []; // ids in creation order
    this.flows = [];
    this.flowIds = new Set();
    this.messages = new Map(); // name -> id
    this.lanes = []; // {id, name, y, h}
  }

  message(name) {
    if (!this.messages.has(name)) this.messages.set(name, `Message_${name.replace(/[^A-Za-z0-9]/g, '_')}`);
    return this.messages.get(name);
  }

  lane(id, name, y, h) {
    const lane = { id, name, y, h };
    this.lanes.push(lane);
    return lane;
  }

  /**
   * Adds a node. (x, y) is the centre for tasks, gateways and events; the top-left for sub-processes
   * (which also take w, h). Options: parent (sub-process id), lane (lane id, top level only), name,
   * doc, esc (esc: attributes), def (event definition), attachedTo + cancelActivity (boundary),
   * messageName (receiveTask), triggeredByEvent, isInterrupting (event sub-process start), label.
   */
  add(tag, id, opts = {}) {
    if (this.nodes.has(id)) throw new Error(`duplicate id ${id}`);
    const kind = kindOf(tag);
    let { x, y, w, h } = opts;
    if (kind !== 'subProcess') {
      ({ w, h } = SIZE[kind]);
      x -= w / 2;
      y -= h / 2;
    }
    const node = { tag, id, kind, x, y, w, h, ...opts, bounds: { x, y, w, h } };
    node.x = x; node.y = y; node.w = w; node.h = h;
    this.nodes.set(id, node);
    this.order.push(id);
    return node;
  }

  /** A boundary event on `host`, on its 'top' or 'bottom' edge, centred `offset` px from the host's left. */
  boundary(id, host, side, offset, opts) {
    const h = this.nodes.get(host);
    if (!h) throw new Error(`no host ${host}`);
    const cx = h.x + offset;
    const cy = side === 'top' ? h.y : h.y + h.h;
    return this.add('boundaryEvent', id, { ...opts, x: cx, y: cy, attachedTo: host, parent: h.parent, lane: h.lane, side });
  }

  /**
   * A sequence flow. `via` is the list of bend points between the two shapes; the end points are
   * put on the shapes' borders facing the first / last bend (or each other when there is none).
   * Options: id, name, cond (JS condition), isDefault, label {x, y} (top-left of the name).
   */
  flow(source, target, opts = {}) {
    const s = this.nodes.get(source);
    const t = this.nodes.get(target);
    if (!s) throw new Error(`flow from unknown ${source}`);
    if (!t) throw new Error(`flow to unknown ${target}`);
    let id = opts.id || `Flow_${source}_to_${target}`;
    let n = 2;
    while (this.flowIds.has(id)) id = `${opts.id || `Flow_${source}_to_${target}`}_${n++}`;
    this.flowIds.add(id);
    const via = opts.via || [];
    const points = route(s, t, via);
    const flow = { id, source, target, name: opts.name, cond: opts.cond, isDefault: !!opts.isDefault, points, label: opts.label, parent: s.parent };
    this.flows.push(flow);
    if (flow.isDefault) {
      if (s.defaultFlow) throw new Error(`${source} has two default flows`);
      s.defaultFlow = id;
    }
    return flow;
  }

  incoming(id) { return this.flows.filter((f) => f.target === id); }
  outgoing(id) { return this.flows.filter((f) => f.source === id); }
  children(parent) { return this.order.map((id) => this.nodes.get(id)).filter((n) => (n.parent || null) === (parent || null)); }

  // ---------------------------------------------------------------- XML
  toXml() {
    const out = [];
    const push = (depth, line) => out.push('  '.repeat(depth) + line);
    push(0, '<?xml version="1.0" encoding="UTF-8"?>');
    push(0, `<bpmn:definitions xmlns:bpmn="${NS.bpmn}" xmlns:bpmndi="${NS.bpmndi}" xmlns:dc="${NS.dc}" xmlns:di="${NS.di}" xmlns:xsi="${NS.xsi}" xmlns:esc="${NS.esc}" id="${this.definitionsId}" targetNamespace="urn:iro-escalation-workflows:protocols" exporter="workflows/tools/generate.js" exporterVersion="1">`);
    for (const node of this.nodes.values()) {
      if (node.tag === 'receiveTask') this.message(node.messageName);
      if (node.def && node.def.kind === 'message') this.message(node.def.name);
    }
    for (const [name, id] of this.messages) push(1, `<bpmn:message id="${id}" name="${esc(name)}" />`);
    const collabId = `Collaboration_${this.processId}`;
    const participantId = `Participant_${this.processId}`;
    push(1, `<bpmn:collaboration id="${collabId}">`);
    push(2, `<bpmn:participant id="${participantId}" name="${esc(this.participantName)}" processRef="${this.processId}" />`);
    push(1, '</bpmn:collaboration>');
    push(1, `<bpmn:process id="${this.processId}" name="${esc(this.processName)}" isExecutable="true">`);
    if (this.processDoc) push(2, `<bpmn:documentation>${esc(this.processDoc)}</bpmn:documentation>`);
    push(2, `<bpmn:laneSet id="LaneSet_${this.processId}">`);
    for (const lane of this.lanes) {
      push(3, `<bpmn:lane id="${lane.id}" name="${esc(lane.name)}">`);
      for (const node of this.children(null)) if (node.lane === lane.id) push(4, `<bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
      push(3, '</bpmn:lane>');
    }
    push(2, '</bpmn:laneSet>');
    this.writeScope(null, 2, push);
    push(1, '</bpmn:process>');

    // DI
    push(1, `<bpmndi:BPMNDiagram id="Diagram_${this.processId}" name="${esc(this.processName)}">`);
    push(2, `<bpmndi:BPMNPlane id="Plane_${this.processId}" bpmnElement="${collabId}">`);
    const pool = this.poolBounds();
    push(3, `<bpmndi:BPMNShape id="${participantId}_di" bpmnElement="${participantId}" isHorizontal="true">`);
    push(4, bounds(pool));
    push(3, '</bpmndi:BPMNShape>');
    for (const lane of this.lanes) {
      push(3, `<bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true">`);
      push(4, bounds({ x: pool.x + 30, y: lane.y, w: pool.w - 30, h: lane.h }));
      push(3, '</bpmndi:BPMNShape>');
    }
    // Containers first so their children draw on top; boundary events after their hosts.
    const ordered = [];
    const visit = (parent) => {
      for (const node of this.children(parent)) {
        if (node.tag === 'boundaryEvent') continue;
        ordered.push(node);
        if (node.tag === 'subProcess') visit(node.id);
        for (const b of this.order.map((id) => this.nodes.get(id)).filter((b) => b.attachedTo === node.id)) ordered.push(b);
      }
    };
    visit(null);
    for (const node of ordered) {
      const extra = node.tag === 'subProcess' ? ' isExpanded="true"' : '';
      push(3, `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${extra}>`);
      push(4, bounds(node));
      const label = this.labelBounds(node);
      if (label) push(4, `<bpmndi:BPMNLabel>${bounds(label)}</bpmndi:BPMNLabel>`);
      push(3, '</bpmndi:BPMNShape>');
    }
    for (const flow of this.flows) {
      push(3, `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">`);
      for (const p of flow.points) push(4, `<di:waypoint x="${r(p.x)}" y="${r(p.y)}" />`);
      if (flow.name) push(4, `<bpmndi:BPMNLabel>${bounds(flowLabel(flow))}</bpmndi:BPMNLabel>`);
      push(3, '</bpmndi:BPMNEdge>');
    }
    push(2, '</bpmndi:BPMNPlane>');
    push(1, '</bpmndi:BPMNDiagram>');
    push(0, '</bpmn:definitions>');
    return out.join('\n') + '\n';
  }

  writeScope(parent, depth, push) {
    for (const node of this.children(parent)) this.writeNode(node, depth, push);
    for (const flow of this.flows.filter((f) => (f.parent || null) === (parent || null))) {
      const attrs = [`id="${flow.id}"`];
      if (flow.name) attrs.push(`name="${esc(flow.name)}"`);
      attrs.push(`sourceRef="${flow.source}"`, `targetRef="${flow.target}"`);
      if (flow.cond) {
        push(depth, `<bpmn:sequenceFlow ${attrs.join(' ')}>`);
        push(depth + 1, `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(flow.cond)}</bpmn:conditionExpression>`);
        push(depth, '</bpmn:sequenceFlow>');
      } else {
        push(depth, `<bpmn:sequenceFlow ${attrs.join(' ')} />`);
      }
    }
  }

  writeNode(node, depth, push) {
    const attrs = [`id="${node.id}"`];
    if (node.name) attrs.push(`name="${esc(node.name)}"`);
    if (node.tag === 'subProcess' && node.triggeredByEvent) attrs.push('triggeredByEvent="true"');
    if (node.tag === 'startEvent' && node.isInterrupting === false) attrs.push('isInterrupting="false"');
    if (node.tag === 'boundaryEvent') {
      attrs.push(`cancelActivity="${node.cancelActivity === false ? 'false' : 'true'}"`, `attachedToRef="${node.attachedTo}"`);
    }
    if (node.tag === 'receiveTask') attrs.push(`messageRef="${this.message(node.messageName)}"`);
    if (node.defaultFlow) attrs.push(`default="${node.defaultFlow}"`);
    for (const [k, v] of Object.entries(node.esc || {})) if (v !== undefined && v !== null && v !== '') attrs.push(`esc:${k}="${esc(v)}"`);
    const inner = [];
    if (node.doc) inner.push(`<bpmn:documentation>${esc(node.doc)}</bpmn:documentation>`);
    for (const f of this.incoming(node.id)) inner.push(`<bpmn:incoming>${f.id}</bpmn:incoming>`);
    for (const f of this.outgoing(node.id)) inner.push(`<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    const def = node.def;
    if (def) {
      if (def.kind === 'message') inner.push(`<bpmn:messageEventDefinition id="${node.id}_def" messageRef="${this.message(def.name)}" />`);
      else if (def.kind === 'terminate') inner.push(`<bpmn:terminateEventDefinition id="${node.id}_def" />`);
      else if (def.kind === 'timer') {
        inner.push(`<bpmn:timerEventDefinition id="${node.id}_def">`);
        inner.push(`  <bpmn:${def.type} xsi:type="bpmn:tFormalExpression">${esc(def.value)}</bpmn:${def.type}>`);
        inner.push('</bpmn:timerEventDefinition>');
      } else throw new Error(`bad def on ${node.id}`);
    }
    if (node.tag === 'subProcess') {
      push(depth, `<bpmn:${node.tag} ${attrs.join(' ')}>`);
      for (const line of inner) push(depth + 1, line);
      this.writeScope(node.id, depth + 1, push);
      push(depth, `</bpmn:${node.tag}>`);
    } else if (inner.length) {
      push(depth, `<bpmn:${node.tag} ${attrs.join(' ')}>`);
      for (const line of inner) push(depth + 1, line);
      push(depth, `</bpmn:${node.tag}>`);
    } else push(depth, `<bpmn:${node.tag} ${attrs.join(' ')} />`);
  }

  poolBounds() {
    const top = Math.min(...this.lanes.map((l) => l.y));
    const bottom = Math.max(...this.lanes.map((l) => l.y + l.h));
    const right = Math.max(...[...this.nodes.values()].map((n) => n.x + n.w), ...this.flows.flatMap((f) => f.points.map((p) => p.x))) + 80;
    return { x: 0, y: top, w: right, h: bottom - top };
  }

  /** External labels of events and gateways: below events, upper-left of gateways (clear of their top corner). */
  labelBounds(node) {
    if (!node.name || node.kind === 'task' || node.kind === 'subProcess') return null;
    const width = Math.min(150, Math.max(60, node.name.length * 5.5));
    const lines = Math.ceil((node.name.length * 5.6) / width);
    const h = 14 * lines;
    if (node.label) return { x: node.label.x, y: node.label.y, w: width, h };
    if (node.kind === 'gateway') return { x: node.x + node.w / 2 - 6 - width, y: node.y - h - 2, w: width, h };
    if (node.tag === 'boundaryEvent') {
      return node.side === 'top'
        ? { x: node.x + node.w + 2, y: node.y - h + 4, w: width, h }
        : { x: node.x + node.w + 2, y: node.y + node.h - 4, w: width, h };
    }
    return { x: node.x + node.w / 2 - width / 2, y: node.y + node.h + 4, w: width, h };
  }

  // ---------------------------------------------------------------- checks
  /** Graph and layout problems as strings; empty when the file is clean. */
  check() {
    const problems = [];
    const nodes = [...this.nodes.values()];
    for (const n of nodes) {
      const inc = this.incoming(n.id).length;
      const out = this.outgoing(n.id).length;
      const isEventSub = n.tag === 'subProcess' && n.triggeredByEvent;
      if (isEventSub) { if (inc || out) problems.push(`${n.id}: event sub-process with flows`); continue; }
      if (n.tag !== 'endEvent' && out === 0) problems.push(`${n.id}: no outgoing flow`);
      if (!['startEvent', 'boundaryEvent'].includes(n.tag) && inc === 0) problems.push(`${n.id}: no incoming flow`);
      if (n.tag === 'exclusiveGateway' && out > 1) {
        for (const f of this.outgoing(n.id)) if (!f.cond && f.id !== n.defaultFlow) problems.push(`${f.id}: needs a condition`);
      }
      if (n.tag !== 'exclusiveGateway' && n.tag !== 'inclusiveGateway') {
        for (const f of this.outgoing(n.id)) if (f.cond) problems.push(`${f.id}: condition on a flow leaving ${n.tag}`);
      }
      if (n.parent) {
        const p = this.nodes.get(n.parent);
        const inside = n.x >= p.x + 4 && n.y >= p.y + 4 && n.x + n.w <= p.x + p.w - 4 && n.y + n.h <= p.y + p.h - 4;
        if (!inside && n.tag !== 'boundaryEvent') problems.push(`${n.id}: outside its sub-process ${p.id}`);
      } else if (n.tag !== 'boundaryEvent') {
        const lane = this.lanes.find((l) => l.id === n.lane);
        if (!lane) problems.push(`${n.id}: no lane`);
        else if (n.y < lane.y + 4 || n.y + n.h > lane.y + lane.h - 4) problems.push(`${n.id}: outside lane ${lane.id}`);
        if (n.x < 70) problems.push(`${n.id}: over the lane headers`);
      }
    }
    for (const f of this.flows) {
      if ((this.nodes.get(f.source).parent || null) !== (this.nodes.get(f.target).parent || null)) problems.push(`${f.id}: crosses a sub-process boundary`);
      for (let i = 1; i < f.points.length; i++) {
        const a = f.points[i - 1]; const b = f.points[i];
        if (a.x !== b.x && a.y !== b.y) problems.push(`${f.id}: diagonal segment ${i} (${r(a.x)},${r(a.y)})→(${r(b.x)},${r(b.y)})`);
      }
    }
    // Shapes must not overlap their siblings (boundary events belong to their host).
    const groups = new Map();
    for (const n of nodes) {
      if (n.tag === 'boundaryEvent') continue;
      const key = n.parent || '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(n);
    }
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
        if (overlap(group[i], group[j], 6)) problems.push(`${group[i].id} overlaps ${group[j].id}`);
      }
    }
    // Edges must not run through shapes other than their own ends (and the containers they live in).
    for (const f of this.flows) {
      const ends = new Set([f.source, f.target]);
      const s = this.nodes.get(f.source); const t = this.nodes.get(f.target);
      if (s.attachedTo) ends.add(s.attachedTo);
      const ancestors = new Set();
      for (let p = s.parent; p; p = this.nodes.get(p).parent) ancestors.add(p);
      for (const n of nodes) {
        if (ends.has(n.id) || ancestors.has(n.id)) continue;
        if (n.attachedTo && ends.has(n.attachedTo) && n.tag === 'boundaryEvent') continue;
        for (let i = 1; i < f.points.length; i++) {
          if (segmentHits(f.points[i - 1], f.points[i], n, 2)) { problems.push(`${f.id} runs through ${n.id}`); break; }
        }
      }
      void t;
    }
    return problems;
  }
}

function r(v) { return Math.round(v * 10) / 10; }
function bounds(b) { return `<dc:Bounds x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" />`; }

function overlap(a, b, margin) {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

function segmentHits(a, b, n, inset) {
  const x1 = n.x + inset; const x2 = n.x + n.w - inset; const y1 = n.y + inset; const y2 = n.y + n.h - inset;
  if (a.y === b.y) {
    const lo = Math.min(a.x, b.x); const hi = Math.max(a.x, b.x);
    return a.y > y1 && a.y < y2 && hi > x1 && lo < x2;
  }
  if (a.x === b.x) {
    const lo = Math.min(a.y, b.y); const hi = Math.max(a.y, b.y);
    return a.x > x1 && a.x < x2 && hi > y1 && lo < y2;
  }
  return false;
}

function round(n) { return n.kind === 'gateway' || n.kind === 'event'; }
function cx(n) { return n.x + n.w / 2; }
function cy(n) { return n.y + n.h / 2; }

/** The point where a flow leaves / enters shape `n`, heading to / coming from point `p`. */
function anchor(n, p) {
  const inX = p.x >= n.x && p.x <= n.x + n.w;
  const inY = p.y >= n.y && p.y <= n.y + n.h;
  if (inY && !inX) return { x: p.x > n.x + n.w ? n.x + n.w : n.x, y: round(n) ? cy(n) : p.y };
  if (inX && !inY) return { x: round(n) ? cx(n) : p.x, y: p.y > n.y + n.h ? n.y + n.h : n.y };
  // Diagonal: leave by the side facing the point.
  const dx = p.x - cx(n); const dy = p.y - cy(n);
  if (Math.abs(dx) >= Math.abs(dy)) return { x: dx > 0 ? n.x + n.w : n.x, y: cy(n) };
  return { x: cx(n), y: dy > 0 ? n.y + n.h : n.y };
}

function route(s, t, via) {
  if (via.length === 0) {
    // Straight when aligned; else an elbow (horizontal first, then vertical into the target).
    if (Math.abs(cy(s) - cy(t)) < 0.5) return [anchor(s, { x: cx(t), y: cy(s) }), anchor(t, { x: cx(s), y: cy(t) })];
    // A small shape level with part of a big one (a gateway beside a sub-process): straight across.
    if (!round(t) && cy(s) > t.y && cy(s) < t.y + t.h && (cx(s) < t.x || cx(s) > t.x + t.w)) return [anchor(s, { x: cx(t), y: cy(s) }), anchor(t, { x: cx(s), y: cy(s) })];
    if (!round(s) && cy(t) > s.y && cy(t) < s.y + s.h && (cx(t) < s.x || cx(t) > s.x + s.w)) return [anchor(s, { x: cx(t), y: cy(t) }), anchor(t, { x: cx(s), y: cy(t) })];
    if (Math.abs(cx(s) - cx(t)) < 0.5) return [anchor(s, { x: cx(s), y: cy(t) }), anchor(t, { x: cx(t), y: cy(s) })];
    const mid = { x: cx(t), y: cy(s) };
    return [anchor(s, mid), mid, anchor(t, mid)];
  }
  const first = via[0]; const last = via[via.length - 1];
  const start = anchor(s, first);
  const end = anchor(t, last);
  const pts = [start];
  // Keep segments orthogonal: bend if the anchor isn't aligned with the first/last via point.
  if (start.x !== first.x && start.y !== first.y) pts.push(Math.abs(start.y - cy(s)) < 0.5 && (start.x === s.x || start.x === s.x + s.w) ? { x: first.x, y: start.y } : { x: start.x, y: first.y });
  pts.push(...via);
  if (end.x !== last.x && end.y !== last.y) pts.push(end.x === t.x || end.x === t.x + t.w ? { x: last.x, y: end.y } : { x: end.x, y: last.y });
  pts.push(end);
  // Drop repeated points.
  return pts.filter((p, i) => i === 0 || p.x !== pts[i - 1].x || p.y !== pts[i - 1].y);
}

/** A flow's name sits beside its first segment. */
function flowLabel(flow) {
  const [a, b] = flow.points;
  const width = Math.min(140, Math.max(40, flow.name.length * 6));
  if (flow.label) return { x: flow.label.x, y: flow.label.y, w: width, h: 14 };
  if (a.y === b.y) {
    const left = Math.min(a.x, b.x);
    return { x: left + 6, y: a.y - 17, w: width, h: 14 };
  }
  const top = Math.min(a.y, b.y);
  const len = Math.abs(a.y - b.y);
  return { x: a.x + 5, y: top + Math.min(len / 2, 40) - 7, w: width, h: 14 };
}

module.exports = { Model, SIZE, NS };
