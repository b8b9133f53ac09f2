// The protocol designer: edit, validate, compare and publish escalation protocol workflows.
//
// API (see README.md): /api/me, /api/workflows, …/versions/{v}/xml, …/draft (GET/PUT),
// …/validate, …/publish, …/settings. Tests drive the page through data-testid attributes and
// `window.designer` ({ modeler, ready, … }); `document.body.dataset.state` is `ready` once a
// diagram is on the canvas, `document.body.dataset.busy` is `true` while a request runs.

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './style.css';

import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';

import EscPropertiesModule, { EscSettingsModule, escModdleDescriptor } from './esc/index.js';
import { Api, ApiError } from './api.js';
import { readToken, askForToken, clearToken } from './auth.js';
import { h, $, setStatus } from './dom.js';
import { renderProtocols, renderVersions } from './sidebar.js';
import { showValidation, clearValidation } from './validation.js';
import { computeDiff, showDiff, clearDiff } from './compare.js';
import { flatten } from './diff.js';
import { download, preparePrint } from './files.js';

const EDIT_ROLES = [ 'qalead', 'admin' ];

const app = {
  token: null,
  me: null,
  readOnly: true,
  modeler: null,
  workflows: [],
  selectedKey: null,
  /** what is on the canvas: { key, version: number | 'draft' } */
  current: null,
  dirty: false,
  savedStackIdx: -1,
  /** the last validation result { valid, errors } or null */
  lastValidation: null,
  busy: 0,
  settingsKey: null,
  booting: false,
  discardArmedUntil: 0
};

const api = new Api({
  getToken: () => app.token,
  onUnauthorized: () => {
    if (!app.booting) {
      clearToken();
      app.token = null;
      boot('Your token was rejected or has expired. Paste a new one.');
    }
  }
});

let resolveReady;
const ready = new Promise((resolve) => { resolveReady = resolve; });

window.designer = {
  get modeler() { return app.modeler; },
  ready,
  get readOnly() { return app.readOnly; },
  get me() { return app.me; },
  get current() { return app.current && { ...app.current }; },
  get dirty() { return app.dirty; },
  get lastValidation() { return app.lastValidation; },
  get workflows() { return app.workflows; },
  open: (key, which = 'draft') => openDiagram(key, which, { force: true }),
  save: () => saveDraft(),
  validate: () => validate(),
  publish: () => publish(),
  compare: () => compare(),
  selectElement: (id) => selectElement(id)
};


// state helpers ///////////////////////////////////////////////////////////////////////////////////

function setState(state) {
  document.body.dataset.state = state;
}

function setBusy(delta) {
  app.busy = Math.max(0, app.busy + delta);
  document.body.dataset.busy = app.busy > 0 ? 'true' : 'false';
  updateButtons();
}

async function withBusy(fn) {
  setBusy(+1);
  try {
    return await fn();
  } finally {
    setBusy(-1);
  }
}

function showError(error, prefix) {
  let message;

  if (error instanceof ApiError) {
    message = error.detail ? `${error.title} — ${error.detail}` : error.title;
    if (error.status === 403) {
      message = `Not allowed: ${message}`;
    }
  } else {
    message = (error && error.message) || String(error);
  }

  setStatus(prefix ? `${prefix}: ${message}` : message, 'error');
  console.error(error);
}

function findWorkflow(key) {
  return app.workflows.find(w => w.key === key) || null;
}

function latestPublished(workflow) {
  const published = ((workflow && workflow.versions) || []).filter(v => v.published);
  return published.length ? Math.max(...published.map(v => v.version)) : null;
}

function currentLabel() {
  if (!app.current) {
    return '—';
  }
  const { key, version } = app.current;
  return version === 'draft' ? `${key} · draft` : `${key} · v${version}`;
}


// UI: mode, buttons, sidebar //////////////////////////////////////////////////////////////////////

function applyMode(readOnly) {
  app.readOnly = readOnly;
  document.body.classList.toggle('readonly', readOnly);
  document.body.dataset.mode = readOnly ? 'read-only' : 'edit';

  $('readonly-badge').hidden = !readOnly;
  document.querySelectorAll('[data-edit-only]').forEach((el) => { el.hidden = readOnly; });
  $('properties-panel').hidden = readOnly;
  $('element-details').hidden = !readOnly;
}

function renderUser() {
  const me = app.me;
  $('user-name').textContent = me ? `${me.name || 'signed in'}${me.roles && me.roles.length ? ` (${me.roles.join(', ')})` : ''}` : '';
  $('btn-signout').hidden = !app.token;
}

function updateButtons() {
  const hasDiagram = !!(app.modeler && app.current);
  const busy = app.busy > 0;
  const wf = app.selectedKey ? findWorkflow(app.selectedKey) : null;
  const hasPublished = latestPublished(app.current ? findWorkflow(app.current.key) : wf) !== null;
  const validationFailed = !!(app.lastValidation && !app.lastValidation.valid);

  const set = (id, disabled, title) => {
    const btn = $(id);
    btn.disabled = !!disabled;
    if (title !== undefined) {
      btn.title = title;
    }
  };

  set('btn-open-published', busy || !wf || latestPublished(wf) === null);
  set('btn-open-draft', busy || !wf);
  set('btn-save', busy || !hasDiagram || app.readOnly);
  set('btn-validate', busy || !hasDiagram);
  set('btn-publish', busy || !hasDiagram || app.readOnly || validationFailed,
    validationFailed
      ? 'The last validation found errors: fix them and validate again to publish'
      : 'Save the draft, then publish it as a new version');
  set('btn-compare', busy || !hasDiagram || !hasPublished,
    hasPublished ? 'List what changed between this diagram and the latest published version' : 'Nothing published yet');
  set('btn-download', !hasDiagram);
  set('btn-svg', !hasDiagram);
  set('btn-print', !hasDiagram);
  set('btn-pdf', !hasDiagram);

  $('btn-publish').dataset.blocked = validationFailed ? 'true' : 'false';
  $('dirty-indicator').hidden = !app.dirty;
  $('current-diagram').textContent = currentLabel();
}

function renderSidebar() {
  renderProtocols(app.workflows, app.selectedKey, (key) => selectProtocol(key));
  renderVersions(app.selectedKey ? findWorkflow(app.selectedKey) : null, app.current,
    (which) => openDiagram(app.selectedKey, which));
  updateButtons();
}

async function loadWorkflows() {
  const workflows = await api.workflows();
  app.workflows = Array.isArray(workflows) ? workflows : [];
  renderSidebar();
}


// modeler /////////////////////////////////////////////////////////////////////////////////////////

function createModeler(readOnly) {
  if (app.modeler && app.modelerReadOnly === readOnly) {
    return;
  }

  if (app.modeler) {
    app.modeler.destroy();
    $('canvas').replaceChildren();
    $('properties-panel').replaceChildren();
    app.current = null;
    app.settingsKey = null;
  }

  const common = {
    container: '#canvas',
    moddleExtensions: { esc: escModdleDescriptor }
  };

  if (readOnly) {
    app.modeler = new NavigatedViewer({
      ...common,
      additionalModules: [ EscSettingsModule ]
    });
  } else {
    app.modeler = new Modeler({
      ...common,
      propertiesPanel: { parent: '#properties-panel' },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        EscPropertiesModule
      ]
    });
  }

  app.modelerReadOnly = readOnly;

  const eventBus = app.modeler.get('eventBus');

  if (!readOnly) {
    eventBus.on('commandStack.changed', (event) => {
      if (event && event.trigger === 'clear') {
        return;
      }
      const stack = app.modeler.get('commandStack');
      app.dirty = stack._stackIdx !== app.savedStackIdx;
      schedulePrintRefresh();
      updateButtons();
    });
  }

  eventBus.on('selection.changed', ({ newSelection }) => {
    if (app.readOnly) {
      renderElementDetails(newSelection && newSelection.length === 1 ? newSelection[0] : null);
    }
  });
}

async function importXml(xml) {
  const modeler = app.modeler;

  clearValidation(modeler);
  clearDiff(modeler);

  const { warnings } = await modeler.importXML(xml);

  fitDiagram();

  app.dirty = false;
  app.savedStackIdx = app.readOnly ? -1 : modeler.get('commandStack')._stackIdx;
  app.lastValidation = null;

  if (app.readOnly) {
    renderElementDetails(null);
  }

  schedulePrintRefresh(0);

  return warnings || [];
}

/** Fits the diagram with a margin (and room for the palette when editing). */
function fitDiagram() {
  const canvas = app.modeler.get('canvas');
  canvas.resized();

  const { inner, outer } = canvas.viewbox();

  if (!inner || !inner.width || !inner.height || !outer.width || !outer.height) {
    canvas.zoom('fit-viewport', 'auto');
    return;
  }

  const pad = 30;
  const padLeft = app.readOnly ? pad : 130;
  const availWidth = Math.max(50, outer.width - padLeft - pad);
  const availHeight = Math.max(50, outer.height - 2 * pad);
  const scale = Math.min(1, availWidth / inner.width, availHeight / inner.height);

  canvas.viewbox({
    x: inner.x - (padLeft + (availWidth - inner.width * scale) / 2) / scale,
    y: inner.y - (pad + (availHeight - inner.height * scale) / 2) / scale,
    width: outer.width / scale,
    height: outer.height / scale
  });
}

function selectElement(id) {
  const modeler = app.modeler;
  if (!modeler) {
    return false;
  }

  const element = modeler.get('elementRegistry').get(id);
  if (!element) {
    setStatus(`Element ${id} is not on the diagram.`, 'warning');
    return false;
  }

  const canvas = modeler.get('canvas');

  try {
    canvas.scrollToElement(element);
  } catch (e) {
    // older diagram-js: switch the root by hand
  }

  modeler.get('selection').select(element);
  return true;
}

function renderElementDetails(element) {
  const box = $('element-details');
  box.replaceChildren();

  const modeler = app.modeler;
  const target = element || (modeler && modeler.get('canvas').getRootElement());
  const bo = target && target.businessObject;

  if (!bo || !bo.$descriptor) {
    box.append(h('p', { class: 'muted' }, 'Select an element to see its settings.'));
    return;
  }

  const settings = modeler.get('escSettings').get();
  const roles = settings.roles || {};
  const rows = [ [ 'id', bo.id ], ...flatten(bo) ]
    .filter(([ k ]) => ![ 'incomingConversationLinks', 'outgoingConversationLinks' ].includes(k));

  box.append(
    h('h3', {}, 'Element'),
    h('table', { class: 'details' }, rows.map(([ key, value ]) => h('tr', { 'data-attr': key },
      h('th', {}, key),
      h('td', {}, /Role$/.test(key) && roles[value] ? `${roles[value]} (${value})` : value))))
  );
}

let printTimer = null;

function schedulePrintRefresh(delay = 1000) {
  clearTimeout(printTimer);
  printTimer = setTimeout(() => {
    if (app.modeler && app.current) {
      preparePrint(app.modeler, currentLabel()).catch(() => {});
    }
  }, delay);
}


// settings ////////////////////////////////////////////////////////////////////////////////////////

async function loadSettings(key) {
  if (app.settingsKey === key) {
    return;
  }

  const escSettings = app.modeler.get('escSettings');

  try {
    const settings = await api.settings(key);
    escSettings.set(settings || {});
    app.settingsKey = key;
  } catch (e) {
    escSettings.set({});
    app.settingsKey = null;
    if (!(e instanceof ApiError && e.status === 401)) {
      setStatus(`Could not load the protocol settings (roles, templates): ${e.message}`, 'warning');
    }
  }
}


// opening diagrams ////////////////////////////////////////////////////////////////////////////////

/** With unsaved changes, the first attempt to leave only warns; a second one within 10 s goes on. */
function confirmDiscard() {
  if (!app.dirty) {
    return true;
  }

  const now = Date.now();
  if (now < app.discardArmedUntil) {
    app.discardArmedUntil = 0;
    return true;
  }

  app.discardArmedUntil = now + 10000;
  setStatus('You have unsaved changes: Save draft first, or click again to discard them.', 'warning');
  return false;
}

async function selectProtocol(key, { force = false } = {}) {
  if (!force && app.current && app.current.key === key && app.selectedKey === key) {
    return;
  }

  if (!force && !confirmDiscard()) {
    return;
  }

  app.selectedKey = key;
  $('publish-result').hidden = true;
  renderSidebar();

  const wf = findWorkflow(key);
  await openDiagram(key, wf && !wf.hasDraft ? 'published' : 'draft', { force: true });
}

/**
 * @param {string} key
 * @param {'draft'|'published'|number} which
 */
async function openDiagram(key, which, { force = false } = {}) {
  if (!key) {
    setStatus('Select a protocol first.', 'warning');
    return false;
  }

  if (!force && !confirmDiscard()) {
    return false;
  }

  app.selectedKey = key;
  setState('loading');

  return withBusy(async () => {
    try {
      const wf = findWorkflow(key);
      let xml = null;
      let version = which;
      let note = '';

      if (which === 'draft') {
        setStatus(`Opening the draft of ${key}…`, 'busy');
        xml = await api.draftXml(key);

        if (xml === null) {
          const latest = latestPublished(wf);
          if (latest === null) {
            xml = blankDiagram(key, wf && wf.name);
            version = 'draft';
            note = 'No draft and nothing published yet: started a blank draft (Save draft to keep it).';
          } else {
            xml = await api.versionXml(key, latest);
            version = latest;
            note = `No draft yet: opened published v${latest}. Edit and Save draft to start one.`;
          }
        }
      } else if (which === 'published') {
        const latest = latestPublished(wf);
        if (latest === null) {
          setStatus(`${key} has no published version yet.`, 'warning');
          if (!app.current) {
            return openDiagram(key, 'draft', { force: true });
          }
          setState(app.current ? 'ready' : 'error');
          return false;
        }
        setStatus(`Opening published v${latest} of ${key}…`, 'busy');
        xml = await api.versionXml(key, latest);
        version = latest;
      } else {
        setStatus(`Opening v${which} of ${key}…`, 'busy');
        xml = await api.versionXml(key, which);
        version = Number(which);
      }

      await loadSettings(key);
      const warnings = await importXml(xml);

      app.current = { key, version };
      document.body.dataset.protocol = key;
      document.body.dataset.version = String(version);
      renderSidebar();

      if (note) {
        setStatus(note, 'warning');
      } else if (warnings.length) {
        setStatus(`Opened ${currentLabel()} with ${warnings.length} import warning(s): ${warnings[0].message}`, 'warning');
      } else {
        setStatus(`Opened ${currentLabel()}.`, 'info');
      }

      setState('ready');
      resolveReady(window.designer);
      return true;
    } catch (e) {
      showError(e, `Could not open ${key}`);
      setState(app.current ? 'ready' : 'error');
      return false;
    }
  });
}

function blankDiagram(key, name) {
  const id = 'Process_' + String(key).replace(/[^A-Za-z0-9_]/g, '_');
  const escapedName = String(name || key).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:esc="urn:iro-escalation-workflows:esc:1" id="Definitions_1" targetNamespace="urn:iro-escalation-workflows:${key}">
  <bpmn:process id="${id}" name="${escapedName}" isExecutable="true">
    <bpmn:startEvent id="Start" name="Concern raised" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}


// actions /////////////////////////////////////////////////////////////////////////////////////////

async function currentXml() {
  const { xml } = await app.modeler.saveXML({ format: true });
  return xml;
}

async function saveDraft() {
  if (app.readOnly || !app.current) {
    return false;
  }

  const { key } = app.current;

  return withBusy(async () => {
    try {
      setStatus('Saving the draft…', 'busy');
      const xml = await currentXml();
      await api.saveDraft(key, xml);

      app.dirty = false;
      app.savedStackIdx = app.modeler.get('commandStack')._stackIdx;
      app.current = { key, version: 'draft' };
      document.body.dataset.version = 'draft';

      const wf = findWorkflow(key);
      if (wf) {
        wf.hasDraft = true;
      }
      renderSidebar();
      setStatus(`Draft of ${key} saved.`, 'success');

      loadWorkflows().catch(() => {});
      return true;
    } catch (e) {
      showError(e, 'Save failed');
      return false;
    }
  });
}

async function validate() {
  if (!app.current) {
    return null;
  }

  const { key } = app.current;

  return withBusy(async () => {
    try {
      setStatus('Validating…', 'busy');
      const xml = await currentXml();
      const result = await api.validate(key, xml) || { valid: false, errors: [] };
      const errors = Array.isArray(result.errors) ? result.errors : [];
      const valid = result.valid !== false && !errors.length;

      app.lastValidation = { valid, errors };
      showValidation(app.modeler, app.lastValidation, selectElement);
      updateButtons();

      setStatus(valid
        ? 'The diagram is valid.'
        : `Validation found ${errors.length} problem${errors.length === 1 ? '' : 's'}: publishing is disabled until they are fixed.`,
      valid ? 'success' : 'error');

      return app.lastValidation;
    } catch (e) {
      showError(e, 'Validation failed');
      return null;
    }
  });
}

async function publish() {
  if (app.readOnly || !app.current) {
    return null;
  }

  if (app.lastValidation && !app.lastValidation.valid) {
    setStatus('The last validation found errors: fix them and validate again before publishing.', 'error');
    return null;
  }

  const { key } = app.current;
  const result = $('publish-result');

  return withBusy(async () => {
    try {
      setStatus('Saving the draft before publishing…', 'busy');
      const xml = await currentXml();
      await api.saveDraft(key, xml);
      app.dirty = false;
      app.savedStackIdx = app.modeler.get('commandStack')._stackIdx;

      setStatus('Publishing…', 'busy');
      const published = await api.publish(key);
      const version = published && published.version;

      result.textContent = `Published ${published && published.key || key} as version ${version}`;
      result.dataset.version = String(version);
      result.dataset.key = (published && published.key) || key;
      result.hidden = false;

      await loadWorkflows().catch(() => {});
      const wf = findWorkflow(key);
      app.current = { key, version: wf && wf.hasDraft ? 'draft' : version };
      document.body.dataset.version = String(app.current.version);
      renderSidebar();

      setStatus(`Published ${key} as version ${version}.`, 'success');
      return published;
    } catch (e) {
      if (e instanceof ApiError && e.errors) {
        app.lastValidation = { valid: false, errors: e.errors };
        showValidation(app.modeler, app.lastValidation, selectElement);
        updateButtons();
        setStatus(`Publish refused: ${e.title}${e.detail ? ' — ' + e.detail : ''} (${e.errors.length} problem${e.errors.length === 1 ? '' : 's'})`, 'error');
      } else {
        showError(e, 'Publish failed');
      }
      return null;
    }
  });
}

async function compare() {
  if (!app.current) {
    return null;
  }

  const { key } = app.current;
  const latest = latestPublished(findWorkflow(key));

  if (latest === null) {
    setStatus(`${key} has no published version to compare with.`, 'warning');
    return null;
  }

  return withBusy(async () => {
    try {
      setStatus(`Comparing with published v${latest}…`, 'busy');
      const [ publishedXml, xml ] = await Promise.all([ api.versionXml(key, latest), currentXml() ]);
      const diffs = await computeDiff(app.modeler.get('moddle'), publishedXml, xml);
      const label = `${app.current.version === 'draft' ? 'draft' : 'v' + app.current.version} vs published v${latest}`;
      const counts = showDiff(app.modeler, diffs, label, selectElement);

      setStatus(diffs.length
        ? `${label}: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed.`
        : `${label}: no differences.`, 'info');

      return diffs;
    } catch (e) {
      showError(e, 'Compare failed');
      return null;
    }
  });
}

function fileBase() {
  if (!app.current) {
    return 'diagram';
  }
  const { key, version } = app.current;
  return version === 'draft' ? `${key}-draft` : `${key}-v${version}`;
}

async function downloadBpmn() {
  try {
    download(`${fileBase()}.bpmn`, await currentXml(), 'application/xml');
    setStatus(`Downloaded ${fileBase()}.bpmn.`, 'info');
  } catch (e) {
    showError(e, 'Download failed');
  }
}

async function exportSvg() {
  try {
    const { svg } = await app.modeler.saveSVG();
    download(`${fileBase()}.svg`, svg, 'image/svg+xml');
    setStatus(`Downloaded ${fileBase()}.svg.`, 'info');
  } catch (e) {
    showError(e, 'SVG export failed');
  }
}

async function printDiagram() {
  try {
    await preparePrint(app.modeler, currentLabel());
    window.print();
  } catch (e) {
    showError(e, 'Print failed');
  }
}


// boot ////////////////////////////////////////////////////////////////////////////////////////////

async function boot(message) {
  app.booting = true;

  try {
    setState('loading');
    app.token = readToken();

    if (!app.token || message) {
      setState('signin');
      setStatus('Sign in with a token to continue.', 'warning');
      app.token = await askForToken(message);
      setState('loading');
    }

    try {
      app.me = await api.me();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        clearToken();
        app.token = null;
        app.booting = false;
        return boot('The token was rejected (401). Paste a valid token.');
      }
      app.me = null;
      setStatus(`Could not read your roles (${e.message}): opening read-only.`, 'warning');
    }

    const roles = ((app.me && app.me.roles) || []).map(r => String(r).toLowerCase());
    const readOnly = !roles.some(r => EDIT_ROLES.includes(r));

    renderUser();
    applyMode(readOnly);
    createModeler(readOnly);

    await loadWorkflows();

    const params = new URLSearchParams(window.location.search);
    const wanted = params.get('protocol');
    const key = [ wanted, app.selectedKey, app.workflows[0] && app.workflows[0].key ]
      .find(k => k && findWorkflow(k));

    app.booting = false;

    if (!key) {
      setState('empty');
      setStatus('There are no protocols yet.', 'warning');
      return;
    }

    const versionParam = params.get('version');
    const reopen = app.current && app.current.key === key ? app.current.version : null;

    app.selectedKey = key;
    $('publish-result').hidden = true;

    if (reopen !== null) {
      await openDiagram(key, reopen, { force: true });
    } else if (wanted === key && versionParam) {
      await openDiagram(key, versionParam === 'draft' || versionParam === 'published' ? versionParam : Number(versionParam), { force: true });
    } else {
      await selectProtocol(key, { force: true });
    }
  } catch (e) {
    showError(e, 'Could not start the designer');
    setState('error');
  } finally {
    app.booting = false;
  }
}

function wireToolbar() {
  const on = (id, fn) => $(id).addEventListener('click', fn);

  on('btn-open-published', () => openDiagram(app.selectedKey, 'published'));
  on('btn-open-draft', () => openDiagram(app.selectedKey, 'draft'));
  on('btn-save', () => saveDraft());
  on('btn-validate', () => validate());
  on('btn-publish', () => publish());
  on('btn-compare', () => compare());
  on('btn-download', () => downloadBpmn());
  on('btn-svg', () => exportSvg());
  on('btn-print', () => printDiagram());
  on('btn-pdf', () => printDiagram());
  on('btn-diff-close', () => clearDiff(app.modeler));
  on('btn-signout', () => {
    clearToken();
    app.token = null;
    app.me = null;
    renderUser();
    boot('Signed out. Paste a token to sign in again.');
  });

  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!app.readOnly && app.busy === 0) {
        saveDraft();
      }
    }
  });
}

wireToolbar();
updateButtons();

if (typeof ResizeObserver === 'function') {
  new ResizeObserver(() => {
    if (app.modeler) {
      app.modeler.get('canvas').resized();
    }
  }).observe($('canvas'));
}
boot();
