// Calendar of deadlines ("#/calendar?month=YYYY-MM&unit=ID"): a month grid, Monday first, each
// day with the tasks due (recurring duties come expanded into instances and rolled to working
// days by the server). At phone width the grid becomes a list of the days that have tasks.
import { el, field, hashParams, go, today, viDate } from '../dom.js';
import { api, query } from '../api.js';
import { calendar as C, statuses, text, exportsText } from '../messages.js';
import { heading, notice, unitsText } from '../components.js';
import { can, ownUnit } from '../policy.js';
import { getUnits } from '../lookups.js';

const pad = (n) => String(n).padStart(2, '0');
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

export async function renderCalendar(ctx) {
  const page = ctx.page();
  const params = hashParams();
  const own = ownUnit(ctx.me);
  const unit = own || params.get('unit') || '';
  const mm = /^(\d{4})-(\d{2})$/.exec(params.get('month') || '') || /^(\d{4})-(\d{2})/.exec(today());
  const year = Number(mm[1]);
  const month = Number(mm[2]);
  const days = new Date(year, month, 0).getDate();
  const monthKey = (y, m) => (m < 1 ? `${y - 1}-12` : m > 12 ? `${y + 1}-01` : `${y}-${pad(m)}`);
  const rerender = () => renderCalendar(ctx);
  const goMonth = (key, u = unit) =>
    go(`#/calendar${query({ month: key, unit: own ? '' : u })}`, rerender);

  const title = heading(`${C.title} — ${C.month(month, year)}`);
  const navBar = el('div', { class: 'cal-nav' },
    el('button', { type: 'button', class: 'secondary', id: 'cal-prev',
      onclick: () => goMonth(monthKey(year, month - 1)) }, C.prev),
    el('button', { type: 'button', class: 'secondary',
      onclick: () => goMonth(today().slice(0, 7)) }, C.today),
    el('button', { type: 'button', class: 'secondary', id: 'cal-next',
      onclick: () => goMonth(monthKey(year, month + 1)) }, C.next));
  if (!own) {
    const units = await getUnits().catch(() => []);
    const sel = el('select', { name: 'unit' }, el('option', { value: '' }, text.all),
      units.map((u) => el('option', { value: u.unit_id }, u.name)));
    sel.value = unit;
    sel.addEventListener('change', () => goMonth(`${year}-${pad(month)}`, sel.value));
    navBar.append(field(C.unit, sel));
  }
  // The same deadlines as a calendar feed for the office's or the unit's own calendar app.
  if (unit && can(ctx.me, 'export', [unit])) {
    navBar.append(el('a', { class: 'button secondary', download: '', dataset: { export: 'ics' },
      href: `/api/export/tasks.ics${query({ unit })}` }, exportsText.ics));
  }
  page.append(title, navBar);

  let r;
  try {
    const range = { from: iso(year, month, 1), to: iso(year, month, days), unit };
    r = await api('GET', `/api/calendar${query(range)}`);
  } catch (err) {
    page.append(notice(ctx.message(err), 'error'));
    return;
  }
  const byDay = new Map();
  for (const it of r.items || []) {
    if (!byDay.has(it.date)) byDay.set(it.date, []);
    byDay.get(it.date).push(it);
  }
  if (!byDay.size) page.append(el('p', { class: 'status' }, C.empty));

  const grid = el('ol', { class: 'cal-grid', id: 'calendar-grid' });
  const lead = (new Date(year, month - 1, 1).getDay() + 6) % 7; // Monday = 0
  for (let k = 0; k < lead; k++) grid.append(el('li', { class: 'day pad', 'aria-hidden': 'true' }));
  const now = today();
  for (let d = 1; d <= days; d++) {
    const date = iso(year, month, d);
    const items = byDay.get(date) || [];
    const weekday = C.weekdays[(lead + d - 1) % 7];
    const cls = ['day', items.length ? 'has' : 'empty', date === now ? 'today' : '',
      (lead + d - 1) % 7 >= 5 ? 'weekend' : ''].join(' ');
    grid.append(el('li', { class: cls, dataset: { date } },
      el('div', { class: 'day-head' },
        el('time', { datetime: date, 'aria-label': `${weekday}, ${viDate(date)}` }, String(d)),
        el('span', { class: 'day-name' }, `${weekday}, ${viDate(date)}`),
        items.length ? el('span', { class: 'sr-only' }, ` — ${C.dayCount(items.length)}`) : null),
      items.length ? el('ul', { class: 'day-items' }, items.map((it) => el('li', {},
        el('a', { href: `#/task/${it.task_id}`, class: `cal-item st-${it.status || 'none'}`,
          title: `${it.action} — ${unitsText(it.units)} — ${statuses[it.status] || ''}` },
        (it.action || '').slice(0, 80))))) : null));
  }
  page.append(el('div', { class: 'weekdays', 'aria-hidden': 'true' },
    C.weekdaysShort.map((w) => el('span', {}, w))), grid);
}
