// Pieces several views share: status badges, the task table, the pager, export links, inline
// notices and the error text of an ApiError.
import { el, viDate } from './dom.js';
import { errors, text, statuses, taskStates, unitRoles, board, exportsText } from './messages.js';
import { can, ownUnit } from './policy.js';
import { query } from './api.js';

export function message(err) {
  const base = errors[err && err.code] || errors.internal;
  return err && err.code === 'invalid_field' && err.field ? base + text.fieldError(err.field) : base;
}

// A status word with its colour; a proposed task (status null) shows its state instead.
export function statusBadge(t) {
  if (t.status) return el('span', { class: `badge st-${t.status}` }, statuses[t.status] || t.status);
  return el('span', { class: `badge state-${t.state}` }, taskStates[t.state] || t.state || text.none);
}

export function unitsText(units) {
  return (units || []).map((u) => (u.role ? `${u.name} (${unitRoles[u.role] || u.role})` : u.name))
    .join('; ');
}

export function dueText(t) {
  const due = t.due || {};
  const parts = [];
  if (due.date) parts.push(viDate(due.date));
  else if (due.text) parts.push(due.text);
  if (due.rrule) parts.push(board.recurring);
  if (t.next_due && t.next_due !== due.date) parts.push(board.nextDue(viDate(t.next_due)));
  return parts.join(' · ') || text.none;
}

// The task table of the board, the unit page and the dashboard. Below 700 px wide each row
// becomes a card (app.css), the column name coming from data-label.
export function taskTable(items, { plan = true } = {}) {
  const head = [board.colPath, board.colAction, board.colUnits, board.colDue, board.colStatus];
  if (plan) head.push(board.colPlan);
  const cell = (label, ...c) => el('td', { 'data-label': label }, ...c);
  return el('table', { class: 'tasks-table' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, items.map((t) => el('tr', { dataset: { task: String(t.id) } },
      cell(board.colPath, t.path || ''),
      cell(board.colAction, el('a', { href: `#/task/${t.id}` }, t.action || text.untitled)),
      cell(board.colUnits, unitsText(t.units)),
      cell(board.colDue, dueText(t)),
      cell(board.colStatus, statusBadge(t)),
      plan ? cell(board.colPlan, t.plan
        ? el('a', { href: `#/doc/${t.plan.id}`, title: t.plan.title || '' },
          t.plan.number || t.plan.title || '')
        : '') : null))));
}

// ‹ prev | next › over a list with a total.
export function pager(offset, limit, total, goTo) {
  const nav = el('nav', { class: 'pager', 'aria-label': 'Phân trang' });
  if (offset > 0) {
    nav.append(el('button', { type: 'button', class: 'secondary', dataset: { page: 'prev' },
      onclick: () => goTo(Math.max(0, offset - limit)) }, text.prevPage));
  }
  if (offset + limit < total) {
    nav.append(el('button', { type: 'button', class: 'secondary', dataset: { page: 'next' },
      onclick: () => goTo(offset + limit) }, text.nextPage));
  }
  return nav;
}

// Download links for the task lists of a scope (unit and/or plan). Plain links: the session
// cookie goes with them and the browser saves the file. An officer's scope is their unit.
export function exportLinks(me, { unit = '', plan = '' } = {}) {
  const scopeUnits = unit ? [unit] : [];
  if (!can(me, 'export', scopeUnits.length ? scopeUnits : [ownUnit(me)].filter(Boolean))) return null;
  const u = ownUnit(me) || unit;
  const q = query({ unit: u, plan });
  const box = el('div', { class: 'exports', role: 'group', 'aria-label': exportsText.title },
    el('a', { class: 'button secondary', href: `/api/export/tasks.xlsx${q}`, download: '',
      dataset: { export: 'xlsx' } }, exportsText.xlsx),
    el('a', { class: 'button secondary', href: `/api/export/tasks.csv${q}`, download: '',
      dataset: { export: 'csv' } }, exportsText.csv));
  // The ICS feed is per unit or per plan (RFC 5545 calendar of one scope).
  if (u || plan) {
    box.append(el('a', { class: 'button secondary', download: '', dataset: { export: 'ics' },
      href: `/api/export/tasks.ics${query(u ? { unit: u } : { plan })}` }, exportsText.ics));
  } else {
    box.append(el('span', { class: 'hint' }, exportsText.icsNeedsScope));
  }
  return box;
}

// A line that says what happened (role=status, announced politely).
export function notice(msgText, kind = 'ok') {
  return el('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, msgText);
}

// Replaces the contents of `slot` with a notice.
export function say(slot, msgText, kind) {
  slot.replaceChildren(msgText ? notice(msgText, kind) : '');
}

// A view's heading, focusable so that routing can move focus to it (screen readers then read
// where they are).
export function heading(title, level = 'h1') {
  return el(level, { tabindex: '-1', class: 'page-title' }, title);
}

// The compiled periodic report of a plan (DOCX in the NĐ 30/2020 layout, XLSX) for a period
// the user picks; the links follow the date fields.
export function compiledReportLinks(me, planId) {
  if (!planId || !can(me, 'export')) return null;
  const year = new Date().getFullYear();
  const from = el('input', { type: 'date', value: `${year}-01-01` });
  const to = el('input', { type: 'date', value: `${year}-06-30` });
  const docx = el('a', { class: 'button secondary', download: '', dataset: { export: 'report-docx' } },
    exportsText.reportDocx);
  const xlsx = el('a', { class: 'button secondary', download: '', dataset: { export: 'report-xlsx' } },
    exportsText.reportXlsx);
  const update = () => {
    const q = query({ from: from.value, to: to.value });
    docx.href = `/api/plans/${encodeURIComponent(planId)}/report.docx${q}`;
    xlsx.href = `/api/plans/${encodeURIComponent(planId)}/report.xlsx${q}`;
  };
  from.addEventListener('input', update);
  to.addEventListener('input', update);
  update();
  return el('div', { class: 'exports compiled', role: 'group', 'aria-label': exportsText.reportDocx },
    labelled(exportsText.reportFrom, from), labelled(exportsText.reportTo, to), docx, xlsx);
}

function labelled(label, control) {
  return el('label', { class: 'inline' }, label, ' ', control);
}
