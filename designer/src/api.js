// Client of the workflows HTTP API. Errors are RFC 7807 problem+json; they surface as ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    const title = (problem && problem.title) || `HTTP ${status}`;
    super(problem && problem.detail ? `${title}: ${problem.detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
    this.title = title;
    this.detail = problem && problem.detail;
    this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : null;
  }
}

export class Api {
  /**
   * @param {object} options
   * @param {() => string|null} options.getToken
   * @param {(error: ApiError) => void} [options.onUnauthorized]
   * @param {string} [options.base]
   */
  constructor({ getToken, onUnauthorized, base = '/api' }) {
    this._getToken = getToken;
    this._onUnauthorized = onUnauthorized;
    this._base = base;
  }

  async _request(method, path, { body, contentType, accept = 'application/json', allow404 = false } = {}) {
    const headers = { Accept: `${accept}, application/problem+json` };
    const token = this._getToken();

    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (contentType) {
      headers['Content-Type'] = contentType;
    }

    let response;
    try {
      response = await fetch(this._base + path, { method, headers, body });
    } catch (e) {
      throw new ApiError(0, { title: 'The server cannot be reached', detail: e.message });
    }

    if (allow404 && response.status === 404) {
      return null;
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      const error = new ApiError(response.status, problem);

      if (response.status === 401 && this._onUnauthorized) {
        this._onUnauthorized(error);
      }

      throw error;
    }

    return response;
  }

  async _json(method, path, options) {
    const response = await this._request(method, path, options);
    if (!response) {
      return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  async _text(method, path, options) {
    const response = await this._request(method, path, { accept: 'application/xml, text/xml', ...options });
    return response ? response.text() : null;
  }

  /** GET /api/me → { name, roles } */
  me() {
    return this._json('GET', '/me');
  }

  /** GET /api/workflows → [{ key, name, hasDraft, versions: [{ version, published, contentHash, createdAt, runningInstances }] }] */
  workflows() {
    return this._json('GET', '/workflows');
  }

  /** GET /api/workflows/{key}/settings → { roles, templates, gates } */
  settings(key) {
    return this._json('GET', `/workflows/${enc(key)}/settings`);
  }

  /** GET /api/workflows/{key}/versions/{version}/xml */
  versionXml(key, version) {
    return this._text('GET', `/workflows/${enc(key)}/versions/${enc(version)}/xml`);
  }

  /** GET /api/workflows/{key}/draft → XML, or null when there is no draft (404) */
  draftXml(key) {
    return this._text('GET', `/workflows/${enc(key)}/draft`, { allow404: true });
  }

  /** PUT /api/workflows/{key}/draft → 204 */
  async saveDraft(key, xml) {
    await this._request('PUT', `/workflows/${enc(key)}/draft`, { body: xml, contentType: 'application/xml' });
  }

  /** POST /api/workflows/{key}/validate → { valid, errors: [{ elementId, elementType, message }] } */
  async validate(key, xml) {
    try {
      return await this._json('POST', `/workflows/${enc(key)}/validate`, { body: xml, contentType: 'application/xml' });
    } catch (e) {
      // a server that answers an invalid diagram with 400/422 + errors[] is read the same way
      if (e instanceof ApiError && e.errors && (e.status === 400 || e.status === 422)) {
        return { valid: false, errors: e.errors, title: e.title };
      }
      throw e;
    }
  }

  /** POST /api/workflows/{key}/publish → { key, version }; 422 problem+json with errors[] */
  publish(key) {
    return this._json('POST', `/workflows/${enc(key)}/publish`);
  }
}

function enc(value) {
  return encodeURIComponent(String(value));
}

async function readProblem(response) {
  const text = await response.text().catch(() => '');

  if (!text) {
    return { title: `${response.status} ${response.statusText}`.trim() };
  }

  try {
    const json = JSON.parse(text);
    if (json && typeof json === 'object') {
      return json;
    }
  } catch (e) {
    // not JSON
  }

  return { title: `${response.status} ${response.statusText}`.trim(), detail: text.slice(0, 300) };
}
