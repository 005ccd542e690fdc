// The task board ("#/tasks?status=&unit=&plan=&due_from=&due_to=&q=&offset="): filters, a
// page of 50 tasks, export links for the filtered scope. An officer's board is their unit's.
import { el, field, hashParams, go, add } from '../dom.js';
import { api, query } from '../api.js';
import { board as B, statuses, taskStates, text } from '../messages.js';
import { heading, taskTable, pager, exportLinks, compiledReportLinks, notice } from '../components.js';
import { can, ownUnit } from '../policy.js';
import { getUnits, getPlans } from '../lookups.js';

const LIMIT = 50;
const KEYS = ['state', 'status', 'unit', 'plan', 'due_from', 'due_to', 'q'];

export async function renderBoard(ctx) {
  const page = ctx.page();
  const params = hashParams();
  const own = ownUnit(ctx.me);
  const f = Object.fromEntries(KEYS.map((k) => [k, params.get(k) || '']));
  if (own) f.unit = own;
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);

  const [units, plans] = await Promise.all([getUnits().catch(() => []), getPlans().catch(() => [])]);

  // Which tasks: confirmed ones (the board, the default), or the office's other piles.
  const state = el('select', { name: 'state' },
    ['confirmed', 'proposed', 'dropped', 'merged'].map((k) => el('option', { value: k }, taskStates[k])));
  state.value = f.state || 'confirmed';
  const status = el('select', { name: 'status' }, el('option', { value: '' }, text.all),
    Object.entries(statuses).map(([k, v]) => el('option', { value: k }, v)));
  const unit = el('select', { name: 'unit', disabled: !!own }, el('option', { value: '' }, text.all),
    units.map((u) => el('option', { value: u.unit_id }, u.name)));
  const plan = el('select', { name: 'plan' }, el('option', { value: '' }, text.all),
    plans.map((p) => el('option', { value: String(p.id) },
      [p.number, p.title].filter(Boolean).join(' — ').slice(0, 90))));
  const from = el('input', { type: 'date', name: 'due_from' });
  const to = el('input', { type: 'date', name: 'due_to' });
  const q = el('input', { type: 'search', name: 'q', placeholder: B.qPlaceholder });
  status.value = f.status;
  unit.value = f.unit;
  plan.value = f.plan;
  from.value = f.due_from;
  to.value = f.due_to;
  q.value = f.q;

  const rerender = () => renderBoard(ctx);
  const goTo = (filters, off) => go(`#/tasks${query({ ...filters, offset: off || '' })}`, rerender);
  const form = el('form', { class: 'filters card', id: 'board-filters', role: 'search' },
    can(ctx.me, 'editTask') ? field(B.state, state) : null,
    field(B.status, status), field(B.unit, unit), field(B.plan, plan),
    field(B.dueFrom, from), field(B.dueTo, to), field(B.q, q),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, text.filter),
      el('button', { type: 'button', class: 'secondary', onclick: () => goTo({}, 0) }, text.clear)));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    goTo({ state: state.value === 'confirmed' ? '' : state.value, status: status.value,
      unit: own ? '' : unit.value, plan: plan.value,
      due_from: from.value, due_to: to.value, q: q.value.trim() }, 0);
  });

  const summary = el('p', { class: 'status', 'aria-live': 'polite' }, text.loading);
  const list = el('div', { id: 'board-list' });
  add(page, heading(B.title), form,
    exportLinks(ctx.me, { unit: f.unit, plan: f.plan }), compiledReportLinks(ctx.me, f.plan),
    summary, list);

  let r;
  try {
    r = await api('GET', `/api/tasks${query({ ...f, limit: LIMIT, offset })}`);
  } catch (err) {
    summary.textContent = '';
    list.append(notice(ctx.message(err), 'error'));
    return;
  }
  const items = r.items || [];
  summary.textContent = items.length
    ? B.count(offset + 1, offset + items.length, r.total) : B.empty;
  if (items.length) list.append(taskTable(items));
  list.append(pager(offset, LIMIT, r.total || 0, (o) => goTo(f, o)));
}
