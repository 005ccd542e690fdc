// One task ("#/task/ID"): what, who, when, its status; its sentence highlighted in the plan's
// text (the document view's renderer); its history and reports; the report form for whoever
// may file one, and the review buttons for the office while it is proposed.
import { el, viDate } from '../dom.js';
import { api } from '../api.js';
import { task as T, text, unitRoles, historyKinds } from '../messages.js';
import { byteToIndex } from '../highlight.js';
import { renderText, flash } from '../doctext.js';
import { heading, statusBadge, dueText, notice } from '../components.js';
import { reportCard, reportForm } from '../reports.js';
import { can } from '../policy.js';
import { getUnits, unitNamer } from '../lookups.js';
import { reviewActions } from './review.js';

function historyItem(h) {
  // {at: Unix seconds, actor, what: confirm|edit|merge|drop, note}.
  const kind = h.what || h.action || '';
  const when = h.at || '';
  const who = h.actor || h.by || '';
  const note = h.note || h.reason || '';
  return el('li', {},
    el('time', {}, viDate(when)), ' ', el('strong', {}, historyKinds[kind] || kind),
    who ? ` ${T.by(who)}` : '', note ? ` — ${note}` : '');
}

export async function renderTask(ctx, id) {
  const page = ctx.page();
  page.append(el('p', {}, el('a', { href: '#/tasks' }, T.back)));
  let t;
  try {
    t = await api('GET', `/api/tasks/${encodeURIComponent(id)}`);
  } catch (err) {
    ctx.fail(err);
    return;
  }
  const units = await getUnits().catch(() => []);
  const unitName = unitNamer(units);
  const unitIds = (t.units || []).map((u) => u.unit_id);
  const rerender = () => { ctx.rerender(); };

  const facts = el('dl', { class: 'facts' });
  const fact = (k, ...v) => facts.append(el('dt', {}, k), el('dd', {}, ...v));
  if (t.plan) {
    fact(T.plan, el('a', { href: `#/doc/${t.plan.id}` },
      [t.plan.number, t.plan.title].filter(Boolean).join(' — ')));
  }
  if (t.path) fact(T.path, t.path);
  if (t.merged_into) fact(T.mergedInto, el('a', { href: `#/task/${t.merged_into}` }, `#${t.merged_into}`));
  if (t.drop_reason) fact(T.dropReason, t.drop_reason);
  fact(T.status, statusBadge(t));
  const written = t.due && t.due.text && t.due.date ? t.due.text : '';
  fact(T.due, dueText(t), written ? el('span', { class: 'meta' }, ` (“${written}”)`) : '');
  fact(T.units, el('ul', { class: 'plain' }, (t.units || []).map((u) => el('li', {},
    el('a', { href: `#/unit/${encodeURIComponent(u.unit_id)}` }, u.name || unitName(u.unit_id)),
    u.role ? ` (${unitRoles[u.role] || u.role})` : ''))));

  page.append(heading(t.action || text.untitled), el('section', { class: 'card' }, facts));

  if (t.state === 'proposed' && can(ctx.me, 'editTask')) {
    page.append(reviewActions(ctx, t, [], rerender));
  }

  // The sentence in the plan's text.
  const pre = el('pre', { class: 'doc-text', id: 'task-text', tabindex: '0',
    'aria-label': T.inText });
  page.append(el('section', { class: 'card' }, el('h2', {}, T.inText), pre));

  const history = t.history || [];
  page.append(el('section', { class: 'card' }, el('h2', {}, T.history),
    history.length ? el('ol', { class: 'history' }, history.map(historyItem))
      : el('p', { class: 'status' }, T.noHistory)));

  const reports = t.reports || [];
  const repBox = el('section', { class: 'card', id: 'task-reports' }, el('h2', {}, T.reports),
    reports.length ? reports.map((r) => reportCard(r, ctx.me, { unitName, changed: rerender }))
      : el('p', { class: 'status' }, T.noReports));
  page.append(repBox);

  if (t.state === 'confirmed' && can(ctx.me, 'fileReport', unitIds)) {
    const officer = ctx.me.role === 'unit_officer';
    page.append(reportForm(ctx.me, {
      tasks: [t], taskId: t.id,
      unitId: officer ? ctx.me.unit_id : unitIds[0],
      unitChoices: officer ? null : (t.units || []).filter((u) => u.unit_id),
      done: rerender,
    }));
  }

  if (t.plan && t.span) {
    try {
      const doc = await api('GET', `/api/documents/${encodeURIComponent(t.plan.id)}`);
      const at = byteToIndex(doc.text);
      const marks = [{ id: 'task', kind: 'task', begin: at(t.span.begin), end: at(t.span.end) }];
      renderText(pre, doc.text, marks, null);
      flash(pre, 'task');
    } catch (err) {
      pre.replaceWith(notice(ctx.message(err), 'error'));
    }
  } else {
    pre.replaceWith(el('p', { class: 'status' }, text.none));
  }
}
