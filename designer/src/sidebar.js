// Left sidebar: protocols and the versions of the selected one.

import { h, $, formatDate } from './dom.js';

/**
 * @param {Array} workflows GET /api/workflows
 * @param {string|null} selectedKey
 * @param {(key: string) => void} onSelect
 */
export function renderProtocols(workflows, selectedKey, onSelect) {
  const list = $('protocol-list');
  list.replaceChildren();

  if (!workflows.length) {
    list.append(h('li', { class: 'empty', 'data-testid': 'protocol-list-empty' }, 'No protocols.'));
    return;
  }

  for (const wf of workflows) {
    const published = (wf.versions || []).filter(v => v.published);
    const latest = published.length ? Math.max(...published.map(v => v.version)) : null;

    list.append(h('li', {
      class: 'protocol-item' + (wf.key === selectedKey ? ' selected' : ''),
      'data-testid': `protocol-item-${wf.key}`,
      'data-key': wf.key,
      'aria-selected': wf.key === selectedKey ? 'true' : 'false',
      tabindex: '0',
      title: wf.key,
      onclick: () => onSelect(wf.key),
      onkeydown: (e) => { if (e.key === 'Enter') onSelect(wf.key); }
    },
    h('span', { class: 'protocol-name' }, wf.name || wf.key),
    h('span', { class: 'protocol-meta' },
      latest !== null ? h('span', { class: 'tag' }, `v${latest}`) : h('span', { class: 'tag muted' }, 'unpublished'),
      wf.hasDraft ? h('span', { class: 'tag tag-draft', 'data-testid': 'protocol-has-draft' }, 'draft') : null
    )));
  }
}

/**
 * @param {object|null} workflow
 * @param {{ key: string, version: number|'draft' }|null} current what is on the canvas
 * @param {(which: number|'draft') => void} onOpen
 */
export function renderVersions(workflow, current, onOpen) {
  const list = $('version-list');
  list.replaceChildren();

  $('version-heading').textContent = workflow ? `Versions — ${workflow.key}` : 'Versions';

  if (!workflow) {
    return;
  }

  const isCurrent = (which) => current && current.key === workflow.key && current.version === which;

  if (workflow.hasDraft) {
    list.append(h('li', {
      class: 'version-item version-draft' + (isCurrent('draft') ? ' selected' : ''),
      'data-testid': 'version-item-draft',
      'data-version': 'draft',
      tabindex: '0',
      onclick: () => onOpen('draft'),
      onkeydown: (e) => { if (e.key === 'Enter') onOpen('draft'); }
    },
    h('span', { class: 'version-label' }, 'Draft'),
    h('span', { class: 'version-meta' }, 'not published')));
  }

  const versions = [ ...(workflow.versions || []) ].sort((a, b) => b.version - a.version);

  for (const v of versions) {
    const running = Number(v.runningInstances || 0);

    list.append(h('li', {
      class: 'version-item' + (isCurrent(v.version) ? ' selected' : ''),
      'data-testid': `version-item-${v.version}`,
      'data-version': String(v.version),
      'data-published': v.published ? 'true' : 'false',
      tabindex: '0',
      title: v.contentHash ? `content hash ${v.contentHash}` : '',
      onclick: () => onOpen(v.version),
      onkeydown: (e) => { if (e.key === 'Enter') onOpen(v.version); }
    },
    h('span', { class: 'version-label' }, `v${v.version}`),
    h('span', { class: 'tag' + (v.published ? '' : ' muted') }, v.published ? 'published' : 'not published'),
    h('span', {
      class: 'running' + (running ? ' has-running' : ''),
      'data-testid': 'running-count',
      'data-count': String(running),
      title: `${running} running instance${running === 1 ? '' : 's'} on this version`
    }, `${running} running`),
    v.createdAt ? h('span', { class: 'version-meta' }, formatDate(v.createdAt)) : null));
  }

  if (!versions.length && !workflow.hasDraft) {
    list.append(h('li', { class: 'empty' }, 'No versions yet.'));
  }
}
