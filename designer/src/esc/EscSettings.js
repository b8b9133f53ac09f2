// Holds the settings of the protocol being edited (roles, templates, gates) for the properties
// provider. main.js calls `set()` after GET /api/workflows/{key}/settings; the panel re-renders.

export default function EscSettings(eventBus) {
  this._eventBus = eventBus;
  this._settings = { roles: {}, templates: [], gates: {} };
}

EscSettings.$inject = [ 'eventBus' ];

EscSettings.prototype.get = function() {
  return this._settings;
};

EscSettings.prototype.set = function(settings) {
  this._settings = {
    roles: {},
    templates: [],
    gates: {},
    ...(settings || {})
  };

  this._eventBus.fire('escSettings.changed', { settings: this._settings });

  // re-render the properties panel (if there is one)
  this._eventBus.fire('propertiesPanel.providersChanged');
};
