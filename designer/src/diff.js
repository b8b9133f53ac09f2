// Element-by-element comparison of two BPMN definitions parsed with the modeler's moddle
// (`modeler.get('moddle').fromXML(xml, 'bpmn:Definitions')`). Elements are matched by id; for each
// element a flat map "attribute path → text" is compared, including esc:* attributes, timer bodies,
// conditions, references (sourceRef/targetRef/attachedToRef/default/messageRef…) and documentation.
// Layout (DI) is not compared.

/** Properties that hold children or back-references, not the element's own settings. */
const SKIP = new Set([
  'flowElements', 'artifacts', 'laneSets', 'incoming', 'outgoing', 'lanes', 'boundaryEventRefs',
  'categoryValueRef', 'participants', 'messageFlows', 'conversations', 'conversationLinks',
  'childLaneSet', 'rootElements', 'diagrams', 'extensionDefinitions', 'di'
]);

const MAX_DEPTH = 6;

/**
 * @typedef {{ attr: string, before?: string, after?: string }} AttrChange
 * @typedef {{ id: string, type: string, name?: string, change: 'added'|'removed'|'changed', changes: AttrChange[] }} ElementDiff
 */

/**
 * @param {object} before bpmn:Definitions (e.g. the published version)
 * @param {object} after bpmn:Definitions (e.g. the draft on the canvas)
 * @return {ElementDiff[]}
 */
export function diffDefinitions(before, after) {
  const a = collectElements(before);
  const b = collectElements(after);
  const result = [];

  for (const [ id, el ] of b) {
    const old = a.get(id);

    if (!old) {
      result.push({ id, type: localType(el), name: el.name, change: 'added', changes: [] });
      continue;
    }

    const changes = diffAttributes(flatten(old), flatten(el));

    if (changes.length) {
      result.push({ id, type: localType(el), name: el.name || old.name, change: 'changed', changes });
    }
  }

  for (const [ id, el ] of a) {
    if (!b.has(id)) {
      result.push({ id, type: localType(el), name: el.name, change: 'removed', changes: [] });
    }
  }

  const order = { removed: 0, added: 1, changed: 2 };
  return result.sort((x, y) => order[x.change] - order[y.change] || x.id.localeCompare(y.id));
}

/**
 * All elements with an id worth comparing: processes and their flow elements (recursively through
 * sub-processes), artifacts and lanes; collaborations' participants and message flows; messages,
 * signals, errors and escalations.
 *
 * @return {Map<string, object>}
 */
export function collectElements(definitions) {
  const map = new Map();

  const add = (el) => {
    if (el && el.id && !map.has(el.id)) {
      map.set(el.id, el);
    }
  };

  const walkContainer = (container) => {
    (container.get('flowElements') || []).forEach((fe) => {
      add(fe);
      if (fe.$instanceOf && fe.$instanceOf('bpmn:SubProcess')) {
        walkContainer(fe);
      }
    });
    (container.get('artifacts') || []).forEach(add);
    (safeGet(container, 'laneSets') || []).forEach(walkLaneSet);
  };

  const walkLaneSet = (laneSet) => {
    (laneSet.get('lanes') || []).forEach((lane) => {
      add(lane);
      if (lane.get('childLaneSet')) {
        walkLaneSet(lane.get('childLaneSet'));
      }
    });
  };

  (definitions.get('rootElements') || []).forEach((root) => {
    if (root.$instanceOf('bpmn:Process')) {
      add(root);
      walkContainer(root);
    } else if (root.$instanceOf('bpmn:Collaboration')) {
      add(root);
      (root.get('participants') || []).forEach(add);
      (root.get('messageFlows') || []).forEach(add);
      (root.get('artifacts') || []).forEach(add);
    } else {
      add(root);
    }
  });

  return map;
}

/**
 * Flat "path → text" view of one element's own settings.
 *
 * @return {Map<string, string>}
 */
export function flatten(el) {
  const out = new Map();

  out.set('type', localType(el));

  if (el.$parent && el.$parent.id && !el.$parent.$instanceOf('bpmn:Definitions')) {
    out.set('parent', el.$parent.id);
  }

  flattenInto(out, el, '', 0, true);

  return out;
}

function flattenInto(out, el, prefix, depth, topLevel) {
  if (depth > MAX_DEPTH || !el) {
    return;
  }

  // expressions read as their body
  if (el.$instanceOf && el.$instanceOf('bpmn:Expression')) {
    const body = el.get('body');
    put(out, prefix, body === undefined ? '' : String(body));
    const language = safeGet(el, 'language');
    if (language) {
      put(out, join(prefix, 'language'), language);
    }
    return;
  }

  const descriptor = el.$descriptor;

  if (!descriptor || !descriptor.properties) {
    // untyped (unknown namespace) element
    put(out, prefix, describeUnknown(el));
    return;
  }

  for (const p of descriptor.properties) {
    const name = p.ns ? p.ns.name : p.name;
    const label = join(prefix, attrLabel(p));

    if (p.ns && p.ns.localName === 'id') {
      continue;
    }
    if (SKIP.has(p.name) || (p.ns && SKIP.has(p.ns.localName))) {
      continue;
    }

    let value;
    try {
      value = el.get(name);
    } catch (e) {
      continue;
    }

    if (value === undefined || value === null || value === '') {
      continue;
    }

    // note: defaults (isInterrupting, startQuantity…) read the same whether written or not, so an
    // explicit default never shows as a change

    if (p.isMany && !value.length) {
      continue;
    }

    if (p.isReference) {
      put(out, label, p.isMany ? value.map(refId).join(', ') : refId(value));
      continue;
    }

    if (p.isMany) {
      if (!value.length) {
        continue;
      }

      if (p.ns && p.ns.localName === 'documentation') {
        put(out, label, value.map(d => d.get('text') || '').join('\n'));
        continue;
      }

      if (p.ns && p.ns.localName === 'eventDefinitions') {
        value.forEach((def, i) => {
          const defLabel = join(prefix, eventDefinitionLabel(def, value, i));
          put(out, defLabel, localType(def));
          flattenInto(out, def, defLabel, depth + 1, false);
        });
        continue;
      }

      value.forEach((item, i) => {
        const itemLabel = `${label}[${i}]`;
        if (item && item.$type) {
          put(out, itemLabel, localType(item));
          flattenInto(out, item, itemLabel, depth + 1, false);
        } else {
          put(out, itemLabel, String(item));
        }
      });
      continue;
    }

    if (value && value.$type) {
      if (p.ns && p.ns.localName === 'extensionElements') {
        (value.get('values') || []).forEach((item, i) => {
          const itemLabel = `${label}[${i}]`;
          put(out, itemLabel, item.$type);
          flattenInto(out, item, itemLabel, depth + 1, false);
        });
        continue;
      }

      flattenInto(out, value, label, depth + 1, false);
      continue;
    }

    put(out, label, String(value));
  }

  // attributes of unknown namespaces
  const attrs = el.$attrs || {};
  for (const key of Object.keys(attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || (!topLevel && key === 'xsi:type')) {
      continue;
    }
    put(out, join(prefix, key), String(attrs[key]));
  }
}

function diffAttributes(before, after) {
  const changes = [];

  for (const [ attr, value ] of after) {
    if (!before.has(attr)) {
      changes.push({ attr, after: value });
    } else if (before.get(attr) !== value) {
      changes.push({ attr, before: before.get(attr), after: value });
    }
  }

  for (const [ attr, value ] of before) {
    if (!after.has(attr)) {
      changes.push({ attr, before: value });
    }
  }

  return changes;
}

function eventDefinitionLabel(def, all, index) {
  const base = localType(def).replace(/EventDefinition$/, '');
  const short = base.charAt(0).toLowerCase() + base.slice(1);
  const sameType = all.filter(d => d.$type === def.$type);
  return sameType.length > 1 ? `${short}[${sameType.indexOf(def)}]` : short;
}

function attrLabel(p) {
  if (!p.ns) {
    return p.name;
  }
  return p.ns.prefix === 'bpmn' ? p.ns.localName : p.ns.name;
}

function join(prefix, name) {
  return prefix ? `${prefix}.${name}` : name;
}

function put(out, key, value) {
  if (key) {
    out.set(key, value);
  }
}

function refId(value) {
  if (!value) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  return value.id || (value.get && value.get('name')) || '?';
}

function safeGet(el, name) {
  try {
    return el.get(name);
  } catch (e) {
    return undefined;
  }
}

function localType(el) {
  const type = (el && el.$type) || '';
  const local = type.includes(':') ? type.split(':')[1] : type;
  return local.charAt(0).toLowerCase() + local.slice(1);
}

function describeUnknown(el) {
  const parts = [];
  const attrs = el.$attrs || {};
  for (const key of Object.keys(attrs)) {
    parts.push(`${key}="${attrs[key]}"`);
  }
  if (el.$body) {
    parts.push(String(el.$body));
  }
  return parts.join(' ');
}
