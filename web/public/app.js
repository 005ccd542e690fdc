// The page: sign in, then the views of the tracking work (dashboard, task board, review,
// units and reports, calendar, documents and their graph, upload). Routing by location.hash:
//   #/                dashboard              #/tasks?…        task board
//   #/task/ID         one task               #/review[?plan=] review of proposed tasks
//   #/units           units                  #/unit/ID        one unit, its reports
//   #/calendar?month= calendar               #/upload         upload a document
//   #/docs?q=…        search documents       #/doc/ID[/graph] a document, its graph
//   #/audit           the audit log
//
// Safety: document text and every value from the API reach the DOM as text (textContent,
// text nodes, attributes), never as markup. Nothing is kept in storage: the session is the
// HttpOnly cookie; the CSRF token lives in api.js's memory and is fetched again (GET /api/me)
// after a reload.
import { $, el } from './dom.js';
import { api, setCsrf } from './api.js';
import { text, nav as N } from './messages.js';
import { message } from './components.js';
import { can, ownUnit } from './policy.js';
import { forget } from './lookups.js';
import { initDocuments, renderSearch, renderDocument } from './views/documents.js';
import { renderDashboard } from './views/dashboard.js';
import { renderBoard } from './views/board.js';
import { renderTask } from './views/task.js';
import { renderReview } from './views/review.js';
import { renderUnits, renderUnit } from './views/units.js';
import { renderCalendar } from './views/calendar.js';
import { renderGraph } from './views/graph.js';
import { renderUpload } from './views/upload.js';
import { renderAudit } from './views/audit.js';

let me = null;
// Each route() call gets a number; a view that finishes after the user moved on draws into a
// detached container, so a slow answer never overwrites the current page.
let generation = 0;

function show(view) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== view;
  $('fatal').hidden = true;
}

function fail(err) {
  if (err.status === 401) {
    if (me) signedOut();
    return;
  }
  $('fatal').textContent = message(err);
  $('fatal').hidden = false;
}

// The context a view renders with.
function context(gen) {
  return {
    me,
    show,
    fail: (err) => { if (gen === generation) fail(err); },
    message,
    rerender: () => { if (gen === generation) route(); },
    // Shows the generic page section, emptied, and returns it (a fresh container per render).
    page: () => {
      show('view-page');
      const box = el('div', { class: 'page-body' });
      if (gen === generation) $('view-page').replaceChildren(box);
      return box;
    },
  };
}

// ---- navigation ----

function navLinks() {
  const links = [['#/', N.dashboard, 'dashboard'], ['#/tasks', N.board, 'tasks']];
  if (can(me, 'editTask')) links.push(['#/review', N.review, 'review']);
  const own = ownUnit(me);
  links.push(own ? [`#/unit/${encodeURIComponent(own)}`, N.myUnit, 'unit']
    : ['#/units', N.units, 'units']);
  links.push(['#/calendar', N.calendar, 'calendar'], ['#/docs', N.documents, 'docs']);
  if (can(me, 'upload')) links.push(['#/upload', N.upload, 'upload']);
  if (can(me, 'readAudit')) links.push(['#/audit', N.audit, 'audit']);
  return links;
}

function renderNav() {
  const list = $('nav-list');
  list.replaceChildren();
  if (!me) { $('nav').hidden = true; return; }
  $('nav').hidden = false;
  for (const [href, label, key] of navLinks()) {
    list.append(el('li', {}, el('a', { href, dataset: { nav: key } }, label)));
  }
  markNav();
}

function markNav() {
  const h = location.hash || '#/';
  const section = (h.match(/^#\/([a-z]*)/) || [])[1] || '';
  const aliases = { '': 'dashboard', task: 'tasks', doc: 'docs', unit: ownUnit(me) ? 'unit' : 'units' };
  const key = aliases[section] ?? section;
  for (const a of document.querySelectorAll('#nav-list a')) {
    if (a.dataset.nav === key) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

// ---- session ----

function signedIn(session) {
  me = session.user;
  setCsrf(session.csrf_token);
  $('who').textContent = text.signedInAs(me.username, me.role);
  $('logout').hidden = false;
  renderNav();
}

function signedOut(reason) {
  me = null;
  setCsrf('');
  forget();
  $('who').textContent = '';
  $('logout').hidden = true;
  renderNav();
  show('view-login');
  // Say why the form is back when a session ended under the user (not on first load).
  $('login-error').hidden = !reason;
  if (reason) $('login-error').textContent = reason;
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

// ---- routing ----

const routes = [
  [/^#\/doc\/(\d+)\/graph$/, (ctx, id) => renderGraph(ctx, id)],
  [/^#\/doc\/(\d+)$/, (ctx, id) => renderDocument(ctx, id)],
  [/^#\/docs(\?.*)?$/, (ctx) => renderSearch(ctx)],
  [/^#\/tasks(\?.*)?$/, (ctx) => renderBoard(ctx)],
  [/^#\/task\/(\d+)$/, (ctx, id) => renderTask(ctx, id)],
  [/^#\/review(\?.*)?$/, (ctx) => renderReview(ctx)],
  [/^#\/units$/, (ctx) => renderUnits(ctx)],
  [/^#\/unit\/([^/?]+)$/, (ctx, id) => renderUnit(ctx, decodeURIComponent(id))],
  [/^#\/calendar(\?.*)?$/, (ctx) => renderCalendar(ctx)],
  [/^#\/upload$/, (ctx) => renderUpload(ctx)],
  [/^#\/audit(\?.*)?$/, (ctx) => renderAudit(ctx)],
  [/^(#\/?)?(\?.*)?$/, (ctx) => renderDashboard(ctx)],
];

async function route(moved = false) {
  if (!me) {
    signedOut();
    return;
  }
  const gen = ++generation;
  // Units and plans change as tasks are uploaded and confirmed: each view asks once afresh.
  forget();
  markNav();
  const h = location.hash;
  const found = routes.find(([re]) => re.test(h));
  if (!found) {
    show('view-page');
    $('view-page').replaceChildren();
    fail({ code: 'not_found', status: 404 });
    return;
  }
  const m = h.match(found[0]);
  try {
    await found[1](context(gen), m[1]);
  } catch (err) {
    // A view's own failures are shown by the view; this is for the unexpected.
    console.error(err);
    if (gen === generation) fail(err instanceof Error && !err.code ? { code: 'internal' } : err);
  }
  // Focus the new page's heading so keyboard and screen-reader users start there.
  if (gen === generation && (moved || document.activeElement === document.body)) {
    const title = document.querySelector('.view:not([hidden]) [tabindex="-1"], .view:not([hidden]) h1');
    if (title) title.focus({ preventScroll: true });
  }
}

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  initDocuments();
  window.addEventListener('hashchange', () => route(true));
  window.addEventListener('dondoc:unauthenticated', (e) => {
    if (me) signedOut(message({ code: e.detail }));
  });
  try {
    signedIn(await api('GET', '/api/me'));
  } catch {
    // Not signed in (or the session ended): the login form.
  }
  route();
}

start();
