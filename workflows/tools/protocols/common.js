'use strict';
// Pieces the five protocol specs share. Everything protocol-specific (titles, quotes, roles) lives
// in the spec files; this is only wiring.

const ragWindow = (tableText) => ({
  kind: 'rag',
  value: 'responseWindow(rag)',
  reminder: 'reminderBefore(rag)',
  // the same instants for a rung that began at `from` (resumed after a refused bypass)
  valueFrom: (from) => `responseWindow(rag, ${from})`,
  reminderFrom: (from) => `reminderBefore(rag, ${from})`,
  reminderText: 'reminderBefore(rag): one working day before a working-day window ends, a quarter of an hours window before it ends',
  name: 'RAG response window ends',
  settings: 'rag',
  table: tableText,
});

const fixedWindow = {
  kind: 'fixed',
  value: 'workingDays(5)',
  reminder: 'workingDays(4)',
  valueFrom: (from) => `workingDays(5, ${from})`,
  reminderFrom: (from) => `workingDays(4, ${from})`,
  reminderText: 'one working day before the 5 working days end',
  name: '5 working days pass',
  settings: '5wd',
};

const agreedWindow = {
  kind: 'agreed',
  value: 'date(agreedDate)',
  name: 'Agreed timescale passes',
  settings: 'agreed',
};

/** A formal rung. */
function formal(o) {
  return {
    kind: 'formal',
    routable: true,
    ...o,
    doc: o.doc,
    windowDoc: o.windowDoc,
  };
}

/** Standard "no higher rung" wording. */
function ladderExhausted({ cc, note, doc, name }) {
  return { cc, note, doc, name: name || 'Tell the reviewer and QA: top of the ladder reached' };
}

// 000 and 002 share fifteen headings (002 writes "Management and oversight" where 000 writes
// "Case management and oversight": each file keeps its own document's words).
const HEADINGS_000 = [
  'Immediate safety',
  'Quality of assessment',
  'Absence or delays in assessment',
  'Quality of planning – safeguarding',
  'Quality of planning – independence/transition',
  'Absence or delays in planning including permanence',
  'Participation',
  'Statutory compliance',
  'Stability of placement',
  'Suitability of placement',
  'Quality of relationships in placement',
  'Quality of professional relationships',
  'Case management and oversight',
  'Direct practice with children and families',
  'Other',
];
const HEADINGS_002 = HEADINGS_000.map((h) => (h === 'Case management and oversight' ? 'Management and oversight' : h));

module.exports = { ragWindow, fixedWindow, agreedWindow, formal, ladderExhausted, HEADINGS_000, HEADINGS_002 };
