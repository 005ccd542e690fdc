// Progress reports: one report as a card with what the viewer may do with it (the office
// confirms or returns with a reason; the unit resubmits a returned one), and the form a unit
// files a report with.
import { el, field, viDate, today } from './dom.js';
import { api } from './api.js';
import { report as R, reportStates, text } from './messages.js';
import { can } from './policy.js';
import { message, notice, say } from './components.js';

function percentValid(v) {
  return v !== '' && Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= 100;
}

// `unitName`: unit id → name, for the card's header. `changed()` is called after a change.
export function reportCard(rep, me, { unitName = (id) => id, taskLink = null, changed } = {}) {
  const period = rep.period || {};
  const periodText = period.label
    || [viDate(period.from), viDate(period.to)].filter(Boolean).join(' – ');
  const status = el('div', { class: 'report-status' });
  const card = el('article',
    { class: `report card report-${rep.state}`, dataset: { report: String(rep.id) } },
    el('header', { class: 'report-head' },
      el('strong', {}, unitName(rep.unit_id)), ' · ', periodText,
      rep.instance ? ` · ${viDate(rep.instance)}` : '',
      ' ', el('span', { class: `badge rs-${rep.state}` }, reportStates[rep.state] || rep.state),
      ' ', el('span', { class: 'percent' }, R.percentOf(rep.percent))),
    taskLink,
    el('p', { class: 'report-text' }, rep.text || ''),
    rep.state === 'returned' && rep.return_reason
      ? el('p', { class: 'return-reason' }, R.reason(rep.return_reason)) : null,
    el('p', { class: 'meta' },
      rep.submitted_at ? R.submittedAt(viDate(rep.submitted_at)) : '',
      rep.decided_at ? ` · ${R.decidedAt(viDate(rep.decided_at), rep.decided_by)}` : ''),
    status);

  const act = async (path, body, done) => {
    for (const b of card.querySelectorAll('button')) b.disabled = true;
    try {
      await api('POST', path, body);
      say(status, done);
      if (changed) changed();
    } catch (err) {
      say(status, message(err), 'error');
      for (const b of card.querySelectorAll('button')) b.disabled = false;
    }
  };

  if (rep.state === 'submitted' && can(me, 'reviewReport')) {
    const reason = el('textarea', { rows: 2, required: true });
    const returnForm = el('form', { class: 'inline-form', hidden: true },
      field(R.returnReason, reason),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'danger', dataset: { act: 'return-submit' } },
          R.returnSubmit),
        el('button', { type: 'button', class: 'secondary',
          onclick: () => { returnForm.hidden = true; } }, text.cancel)));
    returnForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!reason.value.trim()) { say(status, R.needReason, 'error'); reason.focus(); return; }
      act(`/api/reports/${rep.id}/return`, { reason: reason.value.trim() }, R.returned);
    });
    card.append(el('div', { class: 'actions' },
      el('button', { type: 'button', dataset: { act: 'confirm' },
        onclick: () => act(`/api/reports/${rep.id}/confirm`, {}, R.confirmed) }, R.confirm),
      el('button', { type: 'button', class: 'secondary', dataset: { act: 'return' },
        onclick: () => { returnForm.hidden = false; reason.focus(); } }, R.return)),
    returnForm);
  }

  if (rep.state === 'returned' && can(me, 'fileReport', [rep.unit_id])) {
    const body = el('textarea', { rows: 4, required: true });
    body.value = rep.text || '';
    const percent = el('input', { type: 'number', min: 0, max: 100, step: 1, required: true,
      inputmode: 'numeric' });
    percent.value = String(rep.percent ?? '');
    const form = el('form', { class: 'inline-form', dataset: { form: 'resubmit' } },
      el('h4', {}, R.resubmitTitle), field(R.text, body), field(R.percent, percent),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, R.resubmit)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!body.value.trim()) { say(status, R.needText, 'error'); body.focus(); return; }
      if (!percentValid(percent.value)) { say(status, R.badPercent, 'error'); percent.focus(); return; }
      act(`/api/reports/${rep.id}/resubmit`,
        { text: body.value.trim(), percent: Number(percent.value) }, R.resubmitted);
    });
    card.append(form);
  }
  return card;
}

// The form a unit files a progress report with. `tasks`: the tasks it may report on (one
// preselected when `taskId` is given); `unitId`: whose report it is (an officer's own unit,
// or the unit the office types a paper report for); `done(report)` after it is stored.
export function reportForm(me, { tasks, taskId = null, unitId, unitChoices = null, done }) {
  const status = el('div');
  const taskSel = el('select', { required: true, name: 'task' },
    el('option', { value: '' }, R.chooseTask),
    tasks.map((t) => el('option', { value: String(t.id) },
      `${t.path ? `${t.path}. ` : ''}${(t.action || '').slice(0, 120)}`)));
  if (taskId) taskSel.value = String(taskId);
  // The office may choose among the task's units; an officer reports for their own.
  const unitSel = unitChoices && unitChoices.length > 1
    ? el('select', { name: 'unit' }, unitChoices.map((u) => el('option', { value: u.unit_id }, u.name)))
    : null;
  const year = today().slice(0, 4);
  const from = el('input', { type: 'date', name: 'from', required: true, value: `${year}-01-01` });
  const to = el('input', { type: 'date', name: 'to', required: true, value: today() });
  const label = el('input', { type: 'text', name: 'label', placeholder: R.periodLabelPlaceholder });
  const instance = el('input', { type: 'date', name: 'instance' });
  const body = el('textarea', { rows: 5, name: 'text', required: true });
  const percent = el('input', { type: 'number', name: 'percent', min: 0, max: 100, step: 1,
    required: true, inputmode: 'numeric', value: '0' });
  const instanceField = field(R.instance, instance);
  const recurring = () => {
    const t = tasks.find((x) => String(x.id) === taskSel.value);
    // A recurring duty's report is for one due instance (the server requires it); a one-off
    // task's report has none.
    instanceField.hidden = !(t && t.due && t.due.rrule);
    instance.required = !instanceField.hidden;
    if (instanceField.hidden) instance.value = '';
    else if (!instance.value && t.next_due) instance.value = t.next_due;
  };
  taskSel.addEventListener('change', recurring);
  recurring();

  const form = el('form', { class: 'card report-form', dataset: { form: 'report' } },
    el('h2', {}, R.formTitle),
    taskId && tasks.length === 1 ? null : field(R.task, taskSel),
    unitSel ? field(R.unit, unitSel) : null,
    el('div', { class: 'row' }, field(R.periodFrom, from), field(R.periodTo, to),
      field(R.periodLabel, label)),
    instanceField,
    field(R.text, body),
    field(R.percent, percent),
    status,
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, R.submit)));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = taskSel.value;
    if (!id) { say(status, R.needTask, 'error'); taskSel.focus(); return; }
    if (!from.value || !to.value || from.value > to.value) {
      say(status, R.needPeriod, 'error'); from.focus(); return;
    }
    if (!body.value.trim()) { say(status, R.needText, 'error'); body.focus(); return; }
    if (!percentValid(percent.value)) { say(status, R.badPercent, 'error'); percent.focus(); return; }
    const payload = {
      unit_id: unitSel ? unitSel.value : unitId,
      period: { from: from.value, to: to.value, label: label.value.trim() },
      text: body.value.trim(),
      percent: Number(percent.value),
    };
    if (!instanceField.hidden && instance.value) payload.instance = instance.value;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const rep = await api('POST', `/api/tasks/${encodeURIComponent(id)}/reports`, payload);
      body.value = '';
      status.replaceChildren(notice(R.sent));
      if (done) done(rep);
    } catch (err) {
      say(status, message(err), 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
