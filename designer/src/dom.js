// Tiny DOM helpers (no framework).

/**
 * h('li', { 'data-testid': 'x', class: 'a', onclick: fn }, 'text', child)
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);

  for (const [ key, value ] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }

  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return el;
}

export const $ = (id) => document.getElementById(id);

let statusTimer = null;

/**
 * Status bar message. level: info | success | warning | error | busy
 */
export function setStatus(message, level = 'info') {
  const status = $('status');
  status.textContent = message;
  status.dataset.level = level;
  status.title = message;

  clearTimeout(statusTimer);
}

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function formatDate(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (isNaN(date.getTime())) {
    return String(value);
  }
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
