// The dashboard (route "#/", "#/?as_of=YYYY-MM-DD"): counts by status, overdue by unit,
// tasks due this month, reports waiting for review. An officer's numbers are their unit's
// (the server scopes GET /api/dashboard).
import { el, field, go, hashParams, viDate } from '../dom.js';
import { api, query } from '../api.js';
import { dashboard as D, statuses, text } from '../messages.js';
import { barChart } from '../charts.js';
import { heading, taskTable } from '../components.js';
import { can, ownUnit } from '../policy.js';
import { getUnits, unitNamer } from '../lookups.js';

function card(title, ...body) {
  return el('section', { class: 'card panel' }, el('h2', {}, title), ...body);
}

export async function renderDashboard(ctx) {
  const page = ctx.page();
  const asOf = hashParams().get('as_of') || '';
  // The board as it stood on another day (status is computed as of that date).
  const pick = el('input', { type: 'date', name: 'as_of', value: asOf });
  const asOfForm = el('form', { class: 'as-of' }, field(D.asOfLabel, pick),
    el('button', { type: 'submit', class: 'secondary' }, D.show));
  asOfForm.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`#/${query({ as_of: pick.value })}`, () => renderDashboard(ctx));
  });
  page.append(heading(D.title), asOfForm,
    el('p', { class: 'status', 'aria-live': 'polite' }, text.loading));
  let d;
  try {
    d = await api('GET', `/api/dashboard${query({ as_of: asOf })}`);
  } catch (err) {
    // A server without the tracking routes (GET /api/dashboard → 404): the documents instead.
    if (err.status === 404) location.replace('#/docs');
    else ctx.fail(err);
    return;
  }
  const counts = d.counts || {};
  page.querySelector('.status').textContent = D.asOf(viDate(d.as_of));

  // Tiles: the numbers an office looks at first.
  const tiles = el('div', { class: 'tiles' });
  const tile = (label, n, href, cls) => tiles.append(el(href ? 'a' : 'div',
    { class: `tile ${cls || ''}`, href, dataset: { tile: cls || '' } },
    el('span', { class: 'tile-n' }, String(n)), el('span', { class: 'tile-label' }, label)));
  const unit = ownUnit(ctx.me);
  tile(statuses.overdue, counts.overdue || 0, `#/tasks${query({ status: 'overdue', unit })}`, 'overdue');
  tile(D.reportsWaiting, d.reports_waiting || 0,
    unit ? `#/unit/${encodeURIComponent(unit)}` : '#/units', 'waiting');
  if (can(ctx.me, 'editTask')) tile(D.proposed, counts.proposed || 0, '#/review', 'proposed');
  tile(D.dueThisMonth, (d.due_this_month || []).length, '#/calendar', 'due-month');
  page.append(tiles);

  const statusItems = Object.keys(statuses).map((s) => ({
    label: statuses[s], value: counts[s] || 0, cls: `bar-${s}`,
    href: `#/tasks${query({ status: s, unit })}`,
  }));
  const total = statusItems.reduce((a, i) => a + i.value, 0);
  const byStatus = barChart(D.byStatus, statusItems,
    D.chartSummary(D.byStatus, statusItems.map((i) => `${i.label} ${i.value}`)));
  byStatus.id = 'chart-status';

  const overdue = d.overdue_by_unit || [];
  const overdueItems = [...overdue].sort((a, b) => b.count - a.count).map((u) => ({
    label: u.name || u.unit_id, value: u.count, cls: 'bar-overdue',
    href: `#/unit/${encodeURIComponent(u.unit_id)}`,
  }));
  const byUnit = overdueItems.length
    ? barChart(D.overdueByUnit, overdueItems,
      D.chartSummary(D.overdueByUnit, overdueItems.map((i) => `${i.label} ${i.value}`)))
    : el('p', { class: 'status' }, D.noOverdue);
  byUnit.id = 'chart-overdue';

  const reminders = await remindersCard(ctx, d.as_of);
  const due = d.due_this_month || [];
  page.append(el('div', { class: 'grid-2' },
    card(`${D.byStatus} (${D.tasksTotal(total)})`, byStatus),
    card(D.overdueByUnit, byUnit)),
  card(D.dueThisMonth, due.length ? taskTable(due) : el('p', { class: 'status' }, D.noDue)),
  reminders || '');
}

// What reminders chase (GET /api/reminders): overdue first, then the nearest deadlines; the
// card is left out when the route is not there.
const SHOWN = 12;
async function remindersCard(ctx, asOf) {
  let r;
  try {
    r = await api('GET', `/api/reminders${query({ as_of: asOf })}`);
  } catch {
    return null;
  }
  const names = unitNamer(await getUnits().catch(() => []));
  // One line per task and unit: a recurring duty's missed instances are counted, not listed.
  const byTask = new Map();
  const sorted = [...(r.items || [])].sort((a, b) => Number(b.overdue) - Number(a.overdue)
    || String(a.due).localeCompare(String(b.due)));
  for (const it of sorted) {
    const key = `${it.task_id} ${it.unit_id}`;
    if (byTask.has(key)) byTask.get(key).more += 1;
    else byTask.set(key, { ...it, more: 0 });
  }
  const items = [...byTask.values()];
  const list = el('ul', { class: 'reminders' }, items.slice(0, SHOWN).map((it) => el('li',
    { class: it.overdue ? 'is-overdue' : '' },
    el('a', { href: `#/task/${it.task_id}` }, it.action || text.untitled),
    el('div', { class: 'meta' }, names(it.unit_id), ' · ', viDate(it.due), ' · ',
      it.overdue ? D.overdueSince(viDate(it.due)) : D.daysLeft(it.working_days_left),
      it.more ? ` · ${D.moreInstances(it.more)}` : '',
      it.returned_reason ? ` · ${D.returnedBecause(it.returned_reason)}` : ''))));
  return card(D.reminders, items.length ? list : el('p', { class: 'status' }, D.noReminders),
    items.length > SHOWN ? el('p', { class: 'status' }, D.moreReminders(items.length - SHOWN)) : null);
}
