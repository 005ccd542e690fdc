// The page: sign in, search or list documents, read one with its extractions highlighted.
// Routing by location.hash: "#/" (list), "#/?q=…&type=…&offset=…" (search), "#/doc/ID".
//
// Safety: document text and every value from the API reach the DOM as text (textContent,
// createTextNode), never as markup. Nothing is kept in storage: the session is the HttpOnly
// cookie; the CSRF token lives in this module's memory and is fetched again (GET /api/me)
// after a reload.
import { errors, text, fields, roles, unitRoles } from './messages.js';
import { marksOf, pieces } from './highlight.js';

const PAGE = 20;
let csrfToken = '';
let me = null;

const $ = (id) => document.getElementById(id);

// Small element builder: el('li', {class: 'x', dataset: {id: '1'}}, 'text', child, …).
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

class ApiError extends Error {
  constructor(code, status, field) {
    super(code);
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

// fetch + JSON + the error table. Mutations carry the CSRF token (docs/api.md).
async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (res.status === 204) return null;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (json && json.error) || {};
    throw new ApiError(err.code || 'internal', res.status, err.field);
  }
  return json;
}

function message(err) {
  return errors[err.code] || errors.internal;
}

function show(view) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== view;
  $('fatal').hidden = true;
}

function fail(err) {
  if (err.status === 401) {
    signedOut();
    return;
  }
  $('fatal').textContent = message(err);
  $('fatal').hidden = false;
}

// ---- session ----

function signedIn(session) {
  me = session.user;
  csrfToken = session.csrf_token;
  $('who').textContent = text.signedInAs(me.username, me.role);
  $('logout').hidden = false;
}

function signedOut() {
  me = null;
  csrfToken = '';
  $('who').textContent = '';
  $('logout').hidden = true;
  show('view-login');
  $('login-username').focus();
}

async function onLogin(event) {
  event.preventDefault();
  const error = $('login-error');
  error.hidden = true;
  $('login-submit').disabled = true;
  try {
    const session = await api('POST', '/api/login', {
      username: $('login-username').value,
      password: $('login-password').value,
    });
    $('login-password').value = '';
    signedIn(session);
    route();
  } catch (err) {
    error.textContent = message(err);
    error.hidden = false;
  } finally {
    $('login-submit').disabled = false;
  }
}

async function onLogout() {
  try {
    await api('POST', '/api/logout');
  } catch {
    // Signed out either way: the cookie is gone or useless.
  }
  location.hash = '#/';
  signedOut();
}

// ---- list and search ----

function hashParams() {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : location.hash.slice(q + 1));
}

function goSearch(q, type, offset) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (type) p.set('type', type);
  if (offset) p.set('offset', String(offset));
  const s = p.toString();
  const hash = s ? `#/?${s}` : '#/';
  // The same search again (or a reload of it) changes no hash, so no hashchange: route now.
  if (location.hash === hash) route();
  else location.hash = hash;
}

function resultItem(item) {
  const meta = [item.number, item.type_name || item.type, item.date, item.issuer]
    .filter(Boolean).join(' · ');
  const snippet = el('p', { class: 'snippet' });
  for (const seg of item.snippet || []) {
    snippet.append(seg.match ? el('mark', {}, seg.text) : document.createTextNode(seg.text));
  }
  return el('li', { class: 'result' },
    el('a', { href: `#/doc/${item.id}`, class: 'result-title' }, item.title || text.untitled),
    el('div', { class: 'meta' }, meta,
      item.number_match ? el('span', { class: 'badge' }, text.byNumber) : null),
    (item.snippet || []).length ? snippet : null);
}

async function renderSearch() {
  show('view-search');
  const params = hashParams();
  const q = params.get('q') || '';
  const type = params.get('type') || '';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  $('search-q').value = q;
  $('search-type').value = type;
  const status = $('search-status');
  status.textContent = q ? text.searching : text.loading;
  const list = $('results');
  list.replaceChildren();
  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (q) query.set('q', q);
  if (type) query.set('type', type);
  let page;
  try {
    page = await api('GET', `/api/documents?${query}`);
  } catch (err) {
    status.textContent = '';
    fail(err);
    return;
  }
  for (const item of page.items) list.append(resultItem(item));
  const from = page.items.length ? offset + 1 : 0;
  const to = offset + page.items.length;
  if (!page.items.length) status.textContent = text.noResults;
  else if (page.mode === 'list') status.textContent = text.listCount(from, to, page.total);
  else status.textContent = text.searchCount(from, to, page.has_more);
  if (page.relaxed) status.textContent += ` ${text.relaxed}`;
  $('prev-page').hidden = offset === 0;
  $('next-page').hidden = !page.has_more;
  $('prev-page').onclick = () => goSearch(q, type, Math.max(0, offset - PAGE));
  $('next-page').onclick = () => goSearch(q, type, offset + PAGE);
}

// ---- one document ----

// Lights every piece of mark `id`, scrolls the first into view; the field stays marked.
function flash(id) {
  const nodes = document.querySelectorAll(`#doc-text [data-marks~="${CSS.escape(id)}"]`);
  for (const n of document.querySelectorAll('#doc-text .flash')) n.classList.remove('flash');
  for (const n of document.querySelectorAll('.fields .selected')) n.classList.remove('selected');
  for (const f of document.querySelectorAll(`.fields [data-mark="${CSS.escape(id)}"]`)) {
    f.classList.add('selected');
  }
  if (!nodes.length) return;
  nodes[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const n of nodes) {
    // Re-adding the class restarts the animation on a second click.
    n.classList.remove('flash');
    void n.offsetWidth;
    n.classList.add('flash');
  }
}

function renderText(docText, marks) {
  const kinds = new Map(marks.map((m) => [m.id, m.kind]));
  const pre = $('doc-text');
  pre.replaceChildren();
  for (const p of pieces(docText.length, marks)) {
    const s = docText.slice(p.start, p.end);
    if (!p.ids.length) {
      pre.append(document.createTextNode(s));
      continue;
    }
    // The innermost mark decides the colour; every covering mark is listed for flash().
    const inner = p.ids[p.ids.length - 1];
    const span = el('span', { class: `hl hl-${kinds.get(inner)}` }, s);
    span.dataset.marks = p.ids.join(' ');
    span.addEventListener('click', () => flash(inner));
    pre.append(span);
  }
}

function fieldButton(markId, label, present) {
  return present
    ? el('button', { type: 'button', class: 'field-link', dataset: { mark: markId },
      onclick: () => flash(markId) }, label)
    : el('span', { class: 'missing' }, label);
}

function signerLabel(s) {
  const head = [s.authority ? `${s.authority}.` : '', s.for || ''].join(' ').trim();
  return [head, s.position, s.name].filter(Boolean).join(' — ');
}

function renderFields(doc, parse, marks) {
  const has = new Set(marks.map((m) => m.id));
  const dl = $('doc-fields');
  dl.replaceChildren();
  const row = (key, value, markId = key) => {
    dl.append(el('dt', {}, fields[key]),
      el('dd', {}, value ? fieldButton(markId, value, has.has(markId)) : text.none));
  };
  row('number', parse.number);
  row('type', parse.type_name || parse.type);
  row('date', parse.date);
  row('place', parse.place);
  row('issuer', parse.issuer && parse.issuer.name);
  row('title', parse.title);
  dl.append(el('dt', {}, fields.signers));
  const signers = parse.signers || [];
  if (!signers.length) dl.append(el('dd', {}, text.none));
  signers.forEach((s, i) => dl.append(el('dd', {},
    fieldButton(`signer-${i}`, signerLabel(s), has.has(`signer-${i}`)))));

  const tasks = $('doc-tasks');
  tasks.replaceChildren();
  $('task-count').textContent = `(${(parse.tasks || []).length})`;
  (parse.tasks || []).forEach((t, i) => {
    const units = el('ul', { class: 'units' });
    (t.units || []).forEach((u, j) => units.append(el('li', {},
      fieldButton(`task-${i}-unit-${j}`, u.name, has.has(`task-${i}-unit-${j}`)),
      u.role ? ` (${unitRoles[u.role] || u.role})` : '')));
    const due = Number.isInteger(t.due) && parse.times && parse.times[t.due];
    tasks.append(el('li', { class: 'task' },
      fieldButton(`task-${i}`, [t.path, t.action].filter(Boolean).join('. '), has.has(`task-${i}`)),
      due ? el('div', { class: 'meta' }, `${text.due}: ${due.text}`) : null,
      (t.units || []).length ? units : null));
  });

  const refs = $('doc-refs');
  refs.replaceChildren();
  $('ref-count').textContent = `(${(parse.references || []).length})`;
  (parse.references || []).forEach((r, i) => {
    const link = (doc.links || [])[i];
    const label = [r.number, r.name, r.date].filter(Boolean).join(' · ') || text.none;
    let where = null;
    if (link && link.target_id) {
      where = el('a', { href: `#/doc/${link.target_id}`, class: 'open' }, text.openCited);
    } else if (link && link.status === 'pending') {
      where = el('span', { class: 'meta' }, ` (${text.pending})`);
    } else if (link && link.status === 'ambiguous') {
      where = el('span', { class: 'meta' }, ` (${text.ambiguous})`);
    }
    refs.append(el('li', {}, fieldButton(`ref-${i}`, label, has.has(`ref-${i}`)), ' ', where));
  });
}

async function renderDocument(id) {
  show('view-doc');
  $('doc-title').textContent = text.loading;
  $('doc-text').replaceChildren();
  let doc;
  try {
    doc = await api('GET', `/api/documents/${encodeURIComponent(id)}`);
  } catch (err) {
    $('doc-title').textContent = '';
    fail(err);
    return;
  }
  const d = doc.document;
  $('doc-title').textContent = [d.number, d.title || text.untitled].filter(Boolean).join(' — ');
  const marks = marksOf(doc.parse, doc.text);
  renderText(doc.text, marks);
  renderFields(doc, doc.parse, marks);
  window.scrollTo(0, 0);
}

// ---- routing ----

function route() {
  if (!me) {
    signedOut();
    return;
  }
  const m = location.hash.match(/^#\/doc\/(\d+)$/);
  if (m) renderDocument(m[1]);
  else renderSearch();
}

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    goSearch($('search-q').value.trim(), $('search-type').value, 0);
  });
  window.addEventListener('hashchange', route);
  try {
    signedIn(await api('GET', '/api/me'));
  } catch {
    // Not signed in (or the session ended): the login form.
  }
  route();
}

start();
