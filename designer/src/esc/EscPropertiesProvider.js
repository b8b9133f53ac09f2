// Properties-panel provider for the `esc:` BPMN extension (docs/esc-extension.md).
//
// Adds a group "Escalation" to bpmn-js-properties-panel. Role, template and gate choices come from
// the protocol's settings (GET /api/workflows/{key}/settings), held by the `escSettings` service
// (see ./EscSettings.js); the panel re-renders when they change.

import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import {
  SelectEntry,
  TextFieldEntry,
  TextAreaEntry,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
  isTextAreaEntryEdited
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';

export const ESC_ACTIONS = [
  { value: 'notify', label: 'notify — send a notification' },
  { value: 'case-note', label: 'case-note — write a case note' },
  { value: 'stage-entered', label: 'stage-entered — record entering a stage' },
  { value: 'gate-requested', label: 'gate-requested — ask for a gate decision' },
  { value: 'outcome-recorded', label: 'outcome-recorded — record the outcome' },
  { value: 'themed-concern', label: 'themed-concern — raise a themed concern' },
  { value: 'cafcass-referred', label: 'cafcass-referred — record a Cafcass referral' },
  { value: 'set', label: 'set — set a variable' }
];

export const ESC_STAGES = [
  { value: '0', label: '0 — informal' },
  { value: '1', label: '1 — formal' },
  { value: '2', label: '2 — formal' },
  { value: '3', label: '3 — formal' },
  { value: '4', label: '4 — formal' },
  { value: '5', label: '5 — formal' },
  { value: 'cafcass', label: 'cafcass' }
];

export const TIMER_TYPES = [
  { value: 'timeDuration', label: 'Duration (timeDuration)' },
  { value: 'timeDate', label: 'Date (timeDate)' },
  { value: 'timeCycle', label: 'Cycle (timeCycle)' }
];

const TIMER_HINT =
  'ISO 8601 (PT24H, P5D, 2026-12-01T17:00:00Z, R3/PT1H) or an expression: ' +
  'workingDays(5), hours(4), responseWindow(rag), reminderBefore(rag), overallDeadline(), date(actionsDueAt)';

const ACTION_ELEMENTS = [ 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:IntermediateThrowEvent' ];

/** The fields of each action: [attribute, the action it belongs to, entry component, edited check]. A field
 * shows when its action is chosen, or when it already holds a value (so nothing set is hidden). */
const ACTION_FIELDS = [
  ['recipientRole', 'notify', RecipientRoleEntry, isSelectEntryEdited],
  ['ccRoles', 'notify', CcRolesEntry, isTextFieldEntryEdited],
  ['template', 'notify', TemplateEntry, isSelectEntryEdited],
  ['note', 'case-note', NoteEntry, isTextAreaEntryEdited],
  ['stage', 'stage-entered', StageEntry, isSelectEntryEdited],
  ['gate', 'gate-requested', GateEntry, isSelectEntryEdited],
  ['variable', 'set', VariableEntry, isTextFieldEntryEdited],
  ['value', 'set', ValueEntry, isTextFieldEntryEdited],
];

const LOW_PRIORITY = 500;

export default function EscPropertiesProvider(propertiesPanel, injector) {
  this._injector = injector;
  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

EscPropertiesProvider.$inject = [ 'propertiesPanel', 'injector' ];

EscPropertiesProvider.prototype.getGroups = function(element) {
  return (groups) => {
    const entries = escEntries(element);

    if (!entries.length) {
      return groups;
    }

    // our group carries the timer fields (with hints), so drop the stock "Timer" group
    const result = groups.filter(g => !(g.id === 'timer' && getTimerEventDefinition(element)));

    const group = {
      id: 'escalation',
      label: 'Escalation',
      entries
    };

    // right after "General"
    const generalIndex = result.findIndex(g => g.id === 'general');
    result.splice(generalIndex + 1, 0, group);

    return result;
  };
};


// entry lists /////////////////////////////////////////////////////////////////////////////////////

function escEntries(element) {
  const entries = [];
  const bo = getBusinessObject(element);

  if (ACTION_ELEMENTS.some(t => is(element, t))) {
    const action = bo.get('esc:action');
    const shown = (name, forAction) => action === forAction || hasValue(bo, name);

    entries.push({ id: 'esc-action', component: ActionEntry, isEdited: isSelectEntryEdited });

    for (const [name, forAction, component, isEdited] of ACTION_FIELDS) {
      if (shown(name, forAction)) entries.push({ id: `esc-${name}`, component, isEdited });
    }
  }

  if (is(element, 'bpmn:UserTask')) {
    entries.push({ id: 'esc-assigneeRole', component: AssigneeRoleEntry, isEdited: isSelectEntryEdited });
    entries.push({ id: 'esc-gate', component: GateEntry, isEdited: isSelectEntryEdited });
  }

  if (is(element, 'bpmn:SubProcess')) {
    entries.push({ id: 'esc-stage', component: StageEntry, isEdited: isSelectEntryEdited });
    entries.push({ id: 'esc-rungTitle', component: RungTitleEntry, isEdited: isTextFieldEntryEdited });
  }

  const timer = getTimerEventDefinition(element);
  if (timer) {
    entries.push({ id: 'esc-timerType', component: TimerTypeEntry, isEdited: isSelectEntryEdited, timer });
    entries.push({ id: 'esc-timerValue', component: TimerValueEntry, isEdited: isTextFieldEntryEdited, timer });
  }

  if (isConditionalFlow(element)) {
    entries.push({ id: 'esc-condition', component: ConditionEntry, isEdited: isTextFieldEntryEdited });
  }

  return entries;
}


// helpers /////////////////////////////////////////////////////////////////////////////////////////

function hasValue(bo, name) {
  const v = bo.get('esc:' + name);
  return v !== undefined && v !== null && v !== '';
}

export function getTimerEventDefinition(element) {
  const bo = getBusinessObject(element);

  if (!is(bo, 'bpmn:StartEvent') && !is(bo, 'bpmn:BoundaryEvent') && !is(bo, 'bpmn:IntermediateCatchEvent')) {
    return null;
  }

  return (bo.get('eventDefinitions') || []).find(d => is(d, 'bpmn:TimerEventDefinition')) || null;
}

export function getTimerType(timer) {
  return TIMER_TYPES.map(t => t.value).find(t => timer && timer.get(t)) || '';
}

function isConditionalFlow(element) {
  if (!is(element, 'bpmn:SequenceFlow')) {
    return false;
  }

  const source = getBusinessObject(element).get('sourceRef');

  return !!source && (
    is(source, 'bpmn:ExclusiveGateway') ||
    is(source, 'bpmn:InclusiveGateway') ||
    is(source, 'bpmn:ComplexGateway') ||
    is(source, 'bpmn:Activity')
  );
}

/**
 * Options for a select: a "<none>" entry, the known values, and the current value when it is not
 * among them (so an unknown value is shown, not silently lost).
 */
function withCurrent(options, current) {
  const result = [ { value: '', label: '<none>' }, ...options ];

  if (current && !options.some(o => o.value === current)) {
    result.push({ value: current, label: `${current} (not in settings)` });
  }

  return result;
}

function roleOptions(settings) {
  const roles = (settings && settings.roles) || {};

  return Object.keys(roles).map(key => ({ value: key, label: `${roles[key]} (${key})` }));
}

function templateOptions(settings) {
  const templates = (settings && settings.templates) || [];
  const list = Array.isArray(templates) ? templates : Object.keys(templates);

  return list.map(t => ({ value: t, label: t }));
}

function gateOptions(settings) {
  const gates = (settings && settings.gates) || {};

  if (Array.isArray(gates)) {
    return gates.map(g => ({ value: String(g), label: String(g) }));
  }

  return Object.keys(gates).map(key => {
    const g = gates[key];
    const label = typeof g === 'string' ? g : (g && (g.title || g.name || g.label));
    return { value: key, label: label ? `${label} (${key})` : key };
  });
}

function useSettings() {
  const escSettings = useService('escSettings');
  return escSettings.get();
}

/** A component for a plain `esc:<name>` attribute. */
function useEscAttr(element, name) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);

  return {
    getValue: () => bo.get('esc:' + name) || '',
    setValue: (value) => {
      modeling.updateProperties(element, { ['esc:' + name]: value === '' ? undefined : value });
    }
  };
}

function escSelect(props, name, label, options, description) {
  const { element, id } = props;
  const { getValue, setValue } = useEscAttr(element, name);
  const current = getValue();

  return SelectEntry({
    element,
    id,
    label,
    description,
    getValue,
    setValue,
    getOptions: () => withCurrent(options, current)
  });
}

function escText(props, name, label, description, validate) {
  const { element, id } = props;
  const { getValue, setValue } = useEscAttr(element, name);
  const debounce = useService('debounceInput');

  return TextFieldEntry({
    element,
    id,
    label,
    description,
    getValue,
    setValue,
    debounce,
    validate
  });
}


// entries /////////////////////////////////////////////////////////////////////////////////////////

function ActionEntry(props) {
  return escSelect(props, 'action', 'Action', ESC_ACTIONS,
    'The domain action run by the engine for this element.');
}

function RecipientRoleEntry(props) {
  const settings = useSettings();
  return escSelect(props, 'recipientRole', 'Recipient role', roleOptions(settings),
    'Who receives the notification (a role from the protocol settings).');
}

function CcRolesEntry(props) {
  const settings = useSettings();
  const allowed = Object.keys((settings && settings.roles) || {});
  const hint = allowed.length
    ? `Comma-separated role keys. Allowed: ${allowed.join(', ')}`
    : 'Comma-separated role keys (protocol settings not loaded).';

  const validate = (value) => {
    if (!value || !allowed.length) {
      return null;
    }
    const unknown = value.split(',').map(s => s.trim()).filter(s => s && !allowed.includes(s));
    return unknown.length ? `Unknown role(s): ${unknown.join(', ')}` : null;
  };

  return escText(props, 'ccRoles', 'CC roles', hint, validate);
}

function TemplateEntry(props) {
  const settings = useSettings();
  return escSelect(props, 'template', 'Template', templateOptions(settings),
    'Notification template (from the protocol settings).');
}

function NoteEntry(props) {
  const { element, id } = props;
  const { getValue, setValue } = useEscAttr(element, 'note');
  const debounce = useService('debounceInput');

  return TextAreaEntry({
    element,
    id,
    label: 'Case note',
    description: 'Short template; {{variable}} placeholders, e.g. {{childRef}}, {{rag}}.',
    getValue,
    setValue,
    debounce,
    rows: 3
  });
}

function StageEntry(props) {
  return escSelect(props, 'stage', 'Stage (rung)', ESC_STAGES,
    '0 informal, 1..5 formal, cafcass.');
}

function RungTitleEntry(props) {
  return escText(props, 'rungTitle', 'Rung title',
    "The authority's own title for this rung, e.g. 'Team Manager'.");
}

function GateEntry(props) {
  const settings = useSettings();
  return escSelect(props, 'gate', 'Gate', gateOptions(settings),
    'Gate key (from the protocol settings).');
}

function AssigneeRoleEntry(props) {
  const settings = useSettings();
  return escSelect(props, 'assigneeRole', 'Assignee role', roleOptions(settings),
    'The role who must complete this task.');
}

function VariableEntry(props) {
  return escText(props, 'variable', 'Variable', 'Name of the variable to set.');
}

function ValueEntry(props) {
  return escText(props, 'value', 'Value (JS expression)', "e.g. 'RED' or startRung + 1");
}

function TimerTypeEntry(props) {
  const { element, id, timer } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const current = getTimerType(timer);

  const setValue = (value) => {
    if (value === current) {
      return;
    }

    // keep the body when switching type
    const old = current ? timer.get(current) : null;
    const body = old ? old.get('body') : undefined;

    const properties = { timeDuration: undefined, timeDate: undefined, timeCycle: undefined };

    if (value) {
      properties[value] = bpmnFactory.create('bpmn:FormalExpression', { body });
    }

    modeling.updateModdleProperties(element, timer, properties);
  };

  return SelectEntry({
    element,
    id,
    label: 'Timer type',
    getValue: () => current,
    setValue,
    getOptions: () => [ { value: '', label: '<none>' }, ...TIMER_TYPES ]
  });
}

function TimerValueEntry(props) {
  const { element, id, timer } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');

  const getValue = () => {
    const type = getTimerType(timer);
    const expr = type && timer.get(type);
    return (expr && expr.get('body')) || '';
  };

  const setValue = (value) => {
    const type = getTimerType(timer) || 'timeDuration';
    const expr = timer.get(type);
    const body = value === '' ? undefined : value;

    if (expr) {
      modeling.updateModdleProperties(element, expr, { body });
    } else {
      modeling.updateModdleProperties(element, timer, {
        [type]: bpmnFactory.create('bpmn:FormalExpression', { body })
      });
    }
  };

  return TextFieldEntry({
    element,
    id,
    label: 'Timer value',
    description: TIMER_HINT,
    getValue,
    setValue,
    debounce
  });
}

function ConditionEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);

  const getValue = () => {
    const expr = bo.get('conditionExpression');
    return (expr && expr.get('body')) || '';
  };

  const setValue = (value) => {
    if (!value) {
      modeling.updateProperties(element, { conditionExpression: undefined });
      return;
    }

    const expr = bo.get('conditionExpression');

    if (expr) {
      modeling.updateModdleProperties(element, expr, { body: value });
    } else {
      modeling.updateProperties(element, {
        conditionExpression: bpmnFactory.create('bpmn:FormalExpression', { body: value })
      });
    }
  };

  return TextFieldEntry({
    element,
    id,
    label: 'Condition (JavaScript)',
    description: "Over the instance's variables, e.g. decision === 'resolve'",
    getValue,
    setValue,
    debounce
  });
}
