// Units: "#/units" lists the units with tasks (office, admin, reader); "#/unit/ID" is one
// unit's page — scorecard, tasks, the report form, and the unit's reports with what the viewer
// may do about them (the office confirms or returns; the unit resubmits).
import { el, add, viDate } from '../dom.js';
import { api, query } from '../api.js';
import { units as U, statuses, scoreKeys, report as R, text } from '../messages.js';
import { heading, taskTable, exportLinks, notice, pager } from '../components.js';
import { reportCard, reportForm } from '../reports.js';
import { can, ownUnit } from '../policy.js';
import { getUnits, unitNamer } from '../lookups.js';

export async function renderUnits(ctx) {
  const own = ownUnit(ctx.me);
  if (own) { location.replace(`#/unit/${encodeURIComponent(own)}`); return; }
  const page = ctx.page();
  page.append(heading(U.title));
  let list;
  try {
    list = await getUnits(true);
  } catch (err) {
    ctx.fail(err);
    return;
  }
  if (!list.length) { page.append(el('p', { class: 'status' }, U.empty)); return; }
  page.append(el('table', { class: 'units-table' },
    el('thead', {}, el('tr', {},
      [U.colName, U.colTasks, U.colOverdue].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, list.map((u) => el('tr', {},
      el('td', { 'data-label': U.colName },
        el('a', { href: `#/unit/${encodeURIComponent(u.unit_id)}` }, u.name || u.unit_id)),
      el('td', { 'data-label': U.colTasks, class: 'num' }, String(u.tasks ?? '')),
      el('td', { 'data-label': U.colOverdue, class: `num ${u.overdue ? 'is-overdue' : ''}` },
        String(u.overdue ?? '')))))));
}

// The scorecard as label/value pairs: numbers by their status or key label, a nested object of
// numbers (counts by status) one level down, a rate as a percentage.
function scorecard(sc) {
  const dl = el('dl', { class: 'scorecard' });
  const score = (k, v) => {
    let shown = v;
    if (typeof v === 'number' && /rate/.test(k)) shown = `${Math.round(v <= 1 ? v * 100 : v)}%`;
    dl.append(el('div', { class: `score score-${k}` },
      el('dt', {}, statuses[k] || scoreKeys[k] || k), el('dd', {}, String(shown))));
  };
  for (const [k, v] of Object.entries(sc || {})) {
    if (typeof v === 'number') score(k, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) if (typeof v2 === 'number') score(k2, v2);
    }
  }
  const period = sc.from && sc.to ? U.period(viDate(sc.from), viDate(sc.to)) : '';
  return el('div', {}, period ? el('p', { class: 'status' }, period) : null, dl);
}

// Runs `fn` over `items` with at most `n` at a time.
async function pooled(items, n, fn) {
  const out = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

export async function renderUnit(ctx, id, offset = 0) {
  const page = ctx.page();
  if (!ownUnit(ctx.me)) page.append(el('p', {}, el('a', { href: '#/units' }, U.back)));
  let unit;
  let tasks;
  try {
    [unit, tasks] = await Promise.all([
      api('GET', `/api/units/${encodeURIComponent(id)}`),
      api('GET', `/api/tasks${query({ unit: id, limit: 50, offset })}`),
    ]);
  } catch (err) {
    ctx.fail(err);
    return;
  }
  const name = unit.name || (unit.unit && unit.unit.name) || id;
  const namer = unitNamer(await getUnits().catch(() => []));
  const unitName = (u) => (u === id ? name : namer(u));
  const items = tasks.items || [];
  const rerender = () => ctx.rerender();

  add(page, heading(name),
    el('section', { class: 'card' }, el('h2', {}, U.scorecard), scorecard(unit.scorecard || {})),
    exportLinks(ctx.me, { unit: id }));

  const taskBox = el('section', { class: 'card', id: 'unit-tasks' }, el('h2', {}, U.tasks));
  taskBox.append(items.length ? taskTable(items) : el('p', { class: 'status' }, text.none),
    pager(offset, 50, tasks.total || 0, (o) => renderUnit(ctx, id, o)));
  page.append(taskBox);

  if (can(ctx.me, 'fileReport', [id]) && items.length) {
    page.append(reportForm(ctx.me, {
      tasks: items.filter((t) => t.state === 'confirmed' || !t.state),
      unitId: id, done: rerender,
    }));
  }

  // The unit's reports: from each listed task's detail (no report list route yet), newest
  // first, waiting ones on top, so the office can review a unit's reports in one place.
  const repBox = el('section', { class: 'card', id: 'unit-reports' }, el('h2', {}, R.recent),
    el('p', { class: 'status' }, text.loading));
  page.append(repBox);
  try {
    const details = await pooled(items, 6, (t) => api('GET', `/api/tasks/${t.id}`));
    const reports = [];
    for (const t of details) {
      for (const r of t.reports || []) if (r.unit_id === id) reports.push({ r, t });
    }
    const rank = { submitted: 0, returned: 1, confirmed: 2 };
    reports.sort((a, b) => (rank[a.r.state] ?? 3) - (rank[b.r.state] ?? 3)
      || (Number(b.r.submitted_at) || 0) - (Number(a.r.submitted_at) || 0));
    repBox.replaceChildren(el('h2', {}, R.recent));
    if (!reports.length) repBox.append(el('p', { class: 'status' }, R.noRecent));
    for (const { r, t } of reports) {
      repBox.append(reportCard(r, ctx.me, {
        unitName, changed: rerender,
        taskLink: el('p', { class: 'meta' }, el('a', { href: `#/task/${t.id}` },
          `${t.path ? `${t.path}. ` : ''}${(t.action || '').slice(0, 140)}`)),
      }));
    }
  } catch (err) {
    repBox.replaceChildren(el('h2', {}, R.recent), notice(ctx.message(err), 'error'));
  }
}
