// Validation results: the "Problems" list and error overlays/markers on the canvas.

import { h, $, escapeHtml } from './dom.js';

const OVERLAY_TYPE = 'validation-error';
const MARKER = 'validation-error-marker';

let marked = [];

export function clearValidation(modeler) {
  if (modeler) {
    const overlays = modeler.get('overlays');
    const canvas = modeler.get('canvas');
    overlays.remove({ type: OVERLAY_TYPE });
    for (const id of marked) {
      try {
        canvas.removeMarker(id, MARKER);
      } catch (e) {
        // element gone
      }
    }
  }
  marked = [];

  const list = $('validation-errors');
  list.replaceChildren();
  list.dataset.valid = '';
  $('validation-summary').textContent = '';
}

/**
 * @param {object} modeler
 * @param {{ valid: boolean, errors?: Array<{ elementId?: string, elementType?: string, message: string }> }} result
 * @param {(elementId: string) => void} onSelect
 */
export function showValidation(modeler, result, onSelect) {
  clearValidation(modeler);

  const errors = (result && result.errors) || [];
  const valid = !!(result && result.valid) && !errors.length;
  const list = $('validation-errors');
  const elementRegistry = modeler.get('elementRegistry');
  const overlays = modeler.get('overlays');
  const canvas = modeler.get('canvas');

  list.dataset.valid = valid ? 'true' : 'false';
  $('validation-summary').textContent = valid
    ? '— valid'
    : `— ${errors.length} error${errors.length === 1 ? '' : 's'}`;

  if (valid) {
    list.append(h('li', { class: 'ok', 'data-testid': 'validation-ok' }, 'No problems: the diagram is valid.'));
    return;
  }

  // group messages per element for the overlays
  const byElement = new Map();

  errors.forEach((error, index) => {
    const id = error.elementId || '';
    const element = id ? elementRegistry.get(id) : null;

    list.append(h('li', {
      class: 'validation-error-item' + (element ? ' clickable' : ''),
      'data-testid': 'validation-error-item',
      'data-element-id': id,
      'data-index': String(index),
      tabindex: '0',
      title: element ? 'Select the element' : '',
      onclick: () => id && onSelect(id),
      onkeydown: (e) => { if (e.key === 'Enter' && id) onSelect(id); }
    },
    h('span', { class: 'error-element' }, id || '(diagram)'),
    error.elementType ? h('span', { class: 'error-type' }, error.elementType) : null,
    h('span', { class: 'error-message' }, error.message || 'Invalid')));

    if (element && element !== canvas.getRootElement() && element.type !== 'label') {
      if (!byElement.has(id)) {
        byElement.set(id, []);
      }
      byElement.get(id).push(error.message || 'Invalid');
    }
  });

  for (const [ id, messages ] of byElement) {
    const title = escapeHtml(messages.join('\n'));

    overlays.add(id, OVERLAY_TYPE, {
      position: { top: -12, right: 12 },
      html: `<div class="validation-error-overlay" data-testid="validation-overlay" data-element-id="${escapeHtml(id)}" title="${title}">${messages.length > 1 ? messages.length : '!'}</div>`
    });

    try {
      canvas.addMarker(id, MARKER);
      marked.push(id);
    } catch (e) {
      // not drawable
    }
  }
}
