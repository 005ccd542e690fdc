// The HTTP client: fetch + JSON + the error table of docs/api.md. Mutations carry the CSRF
// token, which lives only in this module's memory (the session itself is the HttpOnly cookie).

let csrfToken = '';

export function setCsrf(token) {
  csrfToken = token || '';
}

export class ApiError extends Error {
  constructor(code, status, field) {
    super(code);
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

async function send(method, path, body, headers) {
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', 0);
  }
  if (res.status === 204) return null;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (json && json.error) || {};
    // The session ended (expired, revoked, signed out elsewhere): whatever view asked, the
    // page goes back to the login form (app.js listens).
    if (res.status === 401 && (err.code === 'unauthenticated' || err.code === 'session_expired')) {
      window.dispatchEvent(new CustomEvent('dondoc:unauthenticated', { detail: err.code }));
    }
    throw new ApiError(err.code || (res.status === 404 ? 'not_found' : 'internal'), res.status,
      err.field);
  }
  return json;
}

// JSON in, JSON out. `body` undefined sends no body.
export function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
}

const TYPES = {
  txt: 'text/plain',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// A file as the raw request body (no multipart: docs/api.md, POST /api/documents). Header
// values must be Latin-1, and Vietnamese file names are not, so X-Filename is percent-encoded.
export function uploadFile(path, file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  const headers = {
    'Content-Type': TYPES[ext] || 'application/octet-stream',
    'X-Filename': encodeURIComponent(file.name),
  };
  return send('POST', path, file, headers);
}

// A query string from an object, leaving out empty values.
export function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
