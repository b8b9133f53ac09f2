#!/usr/bin/env node
'use strict';
// Generates workflows/<key>.bpmn and workflows/<key>.settings.json for each protocol spec in
// ./protocols, then checks every model (graph + layout). Usage: node generate.js [--check]
// (--check: write nothing, fail if a generated file differs from the one on disk).
const fs = require('fs');
const path = require('path');
const { build } = require('./lib/ladder');

const OUT = path.resolve(__dirname, '..');
const SPECS = (process.env.SPECS || 'north-somerset,blackpool,devon,lcs-authority,northamptonshire').split(',');
const checkOnly = process.argv.includes('--check');

function settingsOf(P, m) {
  const nodes = [...m.nodes.values()];
  const templates = [...new Set(nodes.map((n) => n.esc && n.esc.template).filter(Boolean))].sort();
  const gates = {};
  for (const n of nodes) {
    if (n.tag === 'userTask' && n.esc && n.esc.gate) gates[n.esc.gate] = { title: n.name, role: n.esc.assigneeRole };
  }
  const rungs = P.rungs.map((r) => ({
    stage: r.n,
    kind: r.kind,
    title: r.title,
    recipientRole: r.recipient || (r.cafcass && r.cafcass.recipient) || 'reviewer',
    ccRoles: r.cc || [],
    window: r.window ? r.window.settings : 'none',
    bypassable: r.routable !== false,
  }));
  return {
    key: P.processKey,
    name: P.name,
    authority: P.authority,
    caseSystem: P.caseSystem,
    source: P.source,
    processId: m.processId,
    roles: P.roles,
    rungs,
    ragTable: P.ragTable,
    fixedWindow: P.fixedWindow,
    reminderBefore: P.reminderBefore,
    overallLimit: P.overallLimit,
    closureDays: [],
    categories: P.categories,
    templates,
    gates,
    cafcass: P.cafcassSettings,
  };
}

let failed = false;
for (const key of SPECS) {
  const P = require(`./protocols/${key}`);
  const m = build(P);
  const problems = m.check();
  if (problems.length) {
    failed = true;
    console.error(`${key}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p}`);
  }
  const files = {
    [`${key}.bpmn`]: m.toXml(),
    [`${key}.settings.json`]: JSON.stringify(settingsOf(P, m), null, 2) + '\n',
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(OUT, name);
    if (checkOnly) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (current !== text) { failed = true; console.error(`${name} is out of date: run node workflows/tools/generate.js`); }
    } else fs.writeFileSync(file, text);
  }
  console.log(`${key}: ${m.nodes.size} nodes, ${m.flows.length} flows${problems.length ? `, ${problems.length} layout/graph problems` : ''}`);
}
process.exit(failed ? 1 : 0);
