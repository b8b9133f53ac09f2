// "Compare with published": the element-by-element list and canvas markers.

import { h, $ } from './dom.js';
import { diffDefinitions } from './diff.js';

const MARKERS = { added: 'diff-added', changed: 'diff-changed' };

let marked = [];

export async function computeDiff(moddle, publishedXml, currentXml) {
  const [ before, after ] = await Promise.all([
    moddle.fromXML(publishedXml, 'bpmn:Definitions'),
    moddle.fromXML(currentXml, 'bpmn:Definitions')
  ]);

  return diffDefinitions(before.rootElement, after.rootElement);
}

export function clearDiff(modeler) {
  if (modeler) {
    const canvas = modeler.get('canvas');
    for (const { id, marker } of marked) {
      try {
        canvas.removeMarker(id, marker);
      } catch (e) {
        // element gone
      }
    }
  }
  marked = [];

  $('diff-list').replaceChildren();
  $('diff-summary').textContent = '';
  $('diff-panel').dataset.compared = 'false';
  $('btn-diff-close').hidden = true;
}

/**
 * @param {object} modeler
 * @param {Array} diffs from diffDefinitions
 * @param {string} label e.g. "draft vs published v2"
 * @param {(id: string) => void} onSelect
 */
export function showDiff(modeler, diffs, label, onSelect) {
  clearDiff(modeler);

  const list = $('diff-list');
  const elementRegistry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  const counts = { added: 0, removed: 0, changed: 0 };

  $('diff-panel').dataset.compared = 'true';
  $('btn-diff-close').hidden = false;

  for (const d of diffs) {
    counts[d.change]++;

    const element = elementRegistry.get(d.id);
    const marker = MARKERS[d.change];

    if (element && marker && element !== canvas.getRootElement()) {
      try {
        canvas.addMarker(d.id, marker);
        marked.push({ id: d.id, marker });
      } catch (e) {
        // not drawable
      }
    }

    list.append(h('li', {
      class: `diff-item diff-${d.change}` + (element ? ' clickable' : ''),
      'data-testid': 'diff-item',
      'data-change': d.change,
      'data-element-id': d.id,
      tabindex: '0',
      onclick: () => element && onSelect(d.id),
      onkeydown: (e) => { if (e.key === 'Enter' && element) onSelect(d.id); }
    },
    h('div', { class: 'diff-head' },
      h('span', { class: 'diff-badge' }, d.change),
      h('span', { class: 'diff-id' }, d.id),
      h('span', { class: 'diff-type' }, d.type),
      d.name ? h('span', { class: 'diff-name' }, `“${d.name}”`) : null),
    d.changes.length ? h('ul', { class: 'diff-attrs' }, d.changes.map(c => h('li', {
      class: 'diff-attr',
      'data-testid': 'diff-attr',
      'data-attr': c.attr
    },
    h('code', {}, c.attr), ': ',
    c.before !== undefined ? h('del', {}, c.before) : h('em', {}, '(none)'),
    ' → ',
    c.after !== undefined ? h('ins', {}, c.after) : h('em', {}, '(removed)')))) : null));
  }

  $('diff-summary').textContent = diffs.length
    ? `— ${label}: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed`
    : `— ${label}: no differences`;

  if (!diffs.length) {
    list.append(h('li', { class: 'ok', 'data-testid': 'diff-none' }, 'No differences.'));
  }

  return counts;
}
