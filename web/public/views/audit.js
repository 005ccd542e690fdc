// The audit log ("#/audit?offset=", admin and office): every change, newest first — when, who,
// what, on which object, and which fields it changed (before → after). The client address the
// server also records is not shown: the page is for following changes to the work, not people.
import { el, hashParams, go, viDate } from '../dom.js';
import { api, query } from '../api.js';
import { audit as A, text } from '../messages.js';
import { heading, notice, pager } from '../components.js';
import { can } from '../policy.js';

const LIMIT = 50;

// A value for the diff column: times (…_at, Unix seconds) as dates, long values cut.
function short(v, key) {
  if (v === null || v === undefined || v === '' || (v === 0 && key.endsWith('_at'))) return text.none;
  if (typeof v === 'number' && key.endsWith('_at')) return viDate(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

// The top-level fields whose values differ, as "field: before → after".
function changes(before, after) {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out = [];
  for (const k of keys) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      out.push(`${k}: ${short(before[k], k)} → ${short(after[k], k)}`);
    }
  }
  return out;
}

export async function renderAudit(ctx) {
  const page = ctx.page();
  page.append(heading(A.title));
  if (!can(ctx.me, 'readAudit')) { ctx.fail({ code: 'forbidden', status: 403 }); return; }
  const offset = Math.max(0, parseInt(hashParams().get('offset') || '0', 10) || 0);
  let r;
  try {
    r = await api('GET', `/api/audit${query({ limit: LIMIT, offset })}`);
  } catch (err) {
    page.append(notice(ctx.message(err), 'error'));
    return;
  }
  const items = r.items || [];
  page.append(el('p', { class: 'status' }, items.length
    ? A.count(offset + 1, offset + items.length, r.total) : A.empty));
  if (items.length) {
    const cell = (label, ...c) => el('td', { 'data-label': label }, ...c);
    page.append(el('table', { class: 'tasks-table audit-table' },
      el('thead', {}, el('tr', {}, [A.at, A.actor, A.action, A.target, A.changes]
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, items.map((e) => {
        const diff = changes(e.before, e.after);
        return el('tr', {},
          cell(A.at, viDate(e.at)),
          cell(A.actor, e.actor || text.none),
          cell(A.action, A.actions[e.action] || e.action),
          cell(A.target, e.target || ''),
          cell(A.changes, diff.length ? el('ul', { class: 'plain diff' }, diff.map((d) => el('li', {}, d)))
            : ''));
      }))));
  }
  page.append(pager(offset, LIMIT, r.total || 0,
    (o) => go(`#/audit${query({ offset: o || '' })}`, () => renderAudit(ctx))));
}
