import EscPropertiesProvider from './EscPropertiesProvider';
import EscSettings from './EscSettings';

export { default as escModdleDescriptor } from './esc.json';

/** Settings only: usable with a read-only viewer too. */
export const EscSettingsModule = {
  __init__: [ 'escSettings' ],
  escSettings: [ 'type', EscSettings ]
};

/** The "Escalation" group of the properties panel (needs a Modeler + bpmn-js-properties-panel). */
export default {
  __depends__: [ EscSettingsModule ],
  __init__: [ 'escPropertiesProvider' ],
  escPropertiesProvider: [ 'type', EscPropertiesProvider ]
};
