// Bearer token handling: `#token=...` fragment → sessionStorage('workflows.token'); sign-in box.

export const TOKEN_KEY = 'workflows.token';

/** Reads the token from the URL fragment (then stores it and strips it from the URL) or storage. */
export function readToken() {
  const hash = window.location.hash ? window.location.hash.slice(1) : '';

  if (hash) {
    const params = new URLSearchParams(hash);
    const token = params.get('token');

    if (token) {
      storeToken(token);
      params.delete('token');
      const rest = params.toString();
      const url = window.location.pathname + window.location.search + (rest ? '#' + rest : '');
      window.history.replaceState(null, '', url);
      return token;
    }
  }

  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch (e) {
    return null;
  }
}

export function storeToken(token) {
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch (e) {
    // storage unavailable: the token lives for this page only
  }
}

export function clearToken() {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // ignore
  }
}

/**
 * Shows the sign-in box and resolves with the pasted token.
 *
 * @param {string} [message] why we ask (e.g. the previous token was rejected)
 * @return {Promise<string>}
 */
export function askForToken(message) {
  const backdrop = document.getElementById('signin');
  const form = document.getElementById('signin-form');
  const input = document.getElementById('signin-token');
  const error = document.getElementById('signin-error');

  error.textContent = message || '';
  error.hidden = !message;
  backdrop.hidden = false;
  input.value = '';
  input.focus();

  return new Promise((resolve) => {
    const onSubmit = (event) => {
      event.preventDefault();
      const token = input.value.trim().replace(/^Bearer\s+/i, '');

      if (!token) {
        error.textContent = 'Paste a token first.';
        error.hidden = false;
        return;
      }

      form.removeEventListener('submit', onSubmit);
      backdrop.hidden = true;
      storeToken(token);
      resolve(token);
    };

    form.addEventListener('submit', onSubmit);
  });
}
