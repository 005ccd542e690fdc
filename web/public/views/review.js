// Review of proposed tasks (office): "#/review" lists the plans with tasks and their counts;
// "#/review?plan=ID" shows the plan's proposed tasks, each to confirm, edit, merge or drop.
import { el, field, hashParams, add } from '../dom.js';
import { api, query } from '../api.js';
import { review as V, text, unitRoles } from '../messages.js';
import { heading, notice, say, dueText, unitsText } from '../components.js';
import { can } from '../policy.js';
import { getPlans, getUnits } from '../lookups.js';

const ROLES = ['lead', 'execute', 'coordinate', 'requested'];
const unitsOf = (units) => units.map((u) => ({ unit_id: u.unit_id, name: u.name, role: u.role || 'lead' }));

// The task's units as rows (role, remove) plus a unit to add from those the server knows.
async function unitsEditor(initial) {
  let rows = unitsOf(initial);
  const known = await getUnits().catch(() => []);
  const list = el('ul', { class: 'unit-rows' });
  const draw = () => {
    list.replaceChildren(...rows.map((u, k) => {
      const role = el('select', { 'aria-label': `${V.role}: ${u.name}` },
        ROLES.map((r) => el('option', { value: r }, unitRoles[r])));
      role.value = u.role;
      role.addEventListener('change', () => { rows[k].role = role.value; });
      return el('li', {}, el('span', { class: 'unit-name' }, u.name || u.unit_id), role,
        el('button', { type: 'button', class: 'secondary', 'aria-label': `${V.removeUnit}: ${u.name}`,
          onclick: () => { rows = rows.filter((_, j) => j !== k); draw(); } }, V.removeUnit));
    }));
  };
  draw();
  const pick = el('select', {}, el('option', { value: '' }, V.chooseUnit),
    known.map((u) => el('option', { value: u.unit_id }, u.name)));
  const addButton = el('button', { type: 'button', class: 'secondary', onclick: () => {
    const u = known.find((x) => x.unit_id === pick.value);
    if (u && !rows.some((r) => r.unit_id === u.unit_id)) {
      rows.push({ unit_id: u.unit_id, name: u.name, role: rows.length ? 'coordinate' : 'lead' });
      draw();
    }
    pick.value = '';
  } }, V.addUnit);
  const box = el('fieldset', { class: 'units-editor' }, el('legend', {}, V.units), list,
    el('div', { class: 'actions add-unit' }, field(V.unitToAdd, pick), addButton));
  return { box, value: () => rows.map((u) => ({ ...u })) };
}

// The buttons and their small forms for one proposed task. `siblings`: other tasks of the same
// plan it may be merged into. `changed()` after any change.
export function reviewActions(ctx, t, siblings, changed) {
  const status = el('div', { class: 'review-status' });
  const forms = el('div');
  const box = el('div', { class: 'review-actions' });
  const post = async (path, body, what) => {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      await api('POST', `/api/tasks/${t.id}/${path}`, body);
      say(status, V.done(what));
      changed();
    } catch (err) {
      say(status, ctx.message(err), 'error');
      for (const b of box.querySelectorAll('button')) b.disabled = false;
    }
  };
  const open = (form) => {
    forms.replaceChildren(form);
    const first = form.querySelector('textarea, input, select');
    if (first) first.focus();
  };
  const cancel = el('button', { type: 'button', class: 'secondary',
    onclick: () => forms.replaceChildren() }, text.cancel);

  // Only what changed is sent (an edit that changes nothing is invalid_edit); the original
  // extraction stays in the task's sources as provenance.
  const editForm = async () => {
    const due = t.due || {};
    const action = el('textarea', { rows: 3, required: true });
    action.value = t.action || '';
    const dueDate = el('input', { type: 'date', value: due.date || '' });
    const rrule = el('input', { type: 'text', value: due.rrule || '',
      placeholder: 'FREQ=MONTHLY;BYMONTHDAY=25', spellcheck: 'false' });
    const editor = await unitsEditor(t.units || []);
    const note = el('input', { type: 'text' });
    const form = el('form', { class: 'inline-form', dataset: { form: 'edit' } },
      field(V.action, action),
      el('div', { class: 'row' }, field(V.dueDate, dueDate), field(V.rrule, rrule)),
      due.text ? el('p', { class: 'hint' }, V.dueWritten(due.text)) : null,
      editor.box,
      field(V.note, note),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, text.save), cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const body = {};
      if (action.value.trim() !== (t.action || '')) body.action = action.value.trim();
      if ((dueDate.value || null) !== (due.date || null) || rrule.value.trim() !== (due.rrule || '')) {
        body.due = { date: dueDate.value || null, rrule: rrule.value.trim() };
      }
      const units = editor.value();
      if (JSON.stringify(units) !== JSON.stringify(unitsOf(t.units || []))) body.units = units;
      if (note.value.trim()) body.note = note.value.trim();
      post('edit', body, V.edit);
    });
    return form;
  };

  const mergeForm = () => {
    const into = el('select', { required: true }, el('option', { value: '' }, '—'),
      siblings.filter((s) => s.id !== t.id).map((s) => el('option', { value: String(s.id) },
        `${s.path ? `${s.path}. ` : ''}${(s.action || '').slice(0, 100)}`)));
    const form = el('form', { class: 'inline-form', dataset: { form: 'merge' } },
      field(V.mergeInto, into),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, V.mergeSubmit), cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (into.value) post('merge', { into: Number(into.value) }, V.mergeSubmit);
    });
    return form;
  };

  const dropForm = () => {
    const reason = el('input', { type: 'text', required: true });
    const form = el('form', { class: 'inline-form', dataset: { form: 'drop' } },
      field(V.dropReason, reason),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'danger' }, V.dropSubmit), cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!reason.value.trim()) {
        say(status, ctx.message({ code: 'invalid_field', field: 'reason' }), 'error');
        return;
      }
      post('drop', { reason: reason.value.trim() }, V.drop);
    });
    return form;
  };

  add(box,
    el('button', { type: 'button', dataset: { act: 'confirm' },
      onclick: () => post('confirm', {}, V.confirm) }, V.confirm),
    el('button', { type: 'button', class: 'secondary', dataset: { act: 'edit' },
      onclick: async () => open(await editForm()) }, V.edit),
    siblings.length > 1 ? el('button', { type: 'button', class: 'secondary', dataset: { act: 'merge' },
      onclick: () => open(mergeForm()) }, V.merge) : null,
    el('button', { type: 'button', class: 'secondary danger-text', dataset: { act: 'drop' },
      onclick: () => open(dropForm()) }, V.drop));
  return el('div', { class: 'review-box' }, box, forms, status);
}

function proposedCard(ctx, t, siblings, changed) {
  return el('article', { class: 'card proposed', dataset: { task: String(t.id) } },
    el('h3', {}, t.path ? `${t.path}. ` : '', t.action || text.untitled),
    el('p', { class: 'meta' },
      unitsText(t.units) || text.none,
      ' · ', dueText(t), ' · ', el('a', { href: `#/task/${t.id}` }, V.openInText)),
    reviewActions(ctx, t, siblings, changed));
}

let carried = null;

async function renderPlans(ctx, page) {
  let plans;
  try {
    plans = await getPlans(true);
  } catch (err) {
    ctx.fail(err);
    return;
  }
  page.append(el('h2', {}, V.plans));
  if (!plans.length) { page.append(el('p', { class: 'status' }, V.noPlans)); return; }
  page.append(el('ul', { class: 'plan-list' }, plans.map((p) => el('li', { class: 'card' },
    el('a', { href: `#/review?plan=${p.id}` },
      [p.number, p.title].filter(Boolean).join(' — ') || text.untitled),
    el('div', { class: 'meta' }, V.counts(p.counts || {}))))));
}

export async function renderReview(ctx) {
  const page = ctx.page();
  page.append(heading(V.title), el('p', { class: 'status' }, V.intro));
  if (!can(ctx.me, 'editTask')) { ctx.fail({ code: 'forbidden', status: 403 }); return; }
  const planId = hashParams().get('plan');
  if (!planId) { await renderPlans(ctx, page); return; }

  const summary = el('p', { class: 'status', 'aria-live': 'polite' }, text.loading);
  const list = el('div', { class: 'proposed-list', id: 'proposed-list' });
  page.append(el('p', {}, el('a', { href: '#/review' }, `‹ ${V.plans}`)), summary, list);
  let r;
  try {
    r = await api('GET', `/api/tasks${query({ state: 'proposed', plan: planId, limit: 50 })}`);
  } catch (err) {
    summary.textContent = '';
    list.append(notice(ctx.message(err), 'error'));
    return;
  }
  const items = r.items || [];
  // What a "confirm all" before this render did.
  if (carried) {
    list.append(notice(V.confirmedN(carried.done), 'ok'));
    if (carried.failed.length) {
      list.append(el('div', { class: 'notice error', role: 'alert' }, V.notConfirmed,
        el('ul', {}, carried.failed.map((f) => el('li', {}, f)))));
    }
    carried = null;
  }
  const plan = items[0] && items[0].plan;
  if (plan) page.querySelector('h1').textContent = `${V.title}: ${plan.number || plan.title}`;
  summary.textContent = items.length ? V.remaining(r.total ?? items.length) : V.none;
  const changed = () => ctx.rerender();
  if (items.length > 1) {
    const all = el('button', { type: 'button', id: 'confirm-all' }, V.confirmAll);
    const allStatus = el('div');
    all.addEventListener('click', async () => {
      all.disabled = true;
      say(allStatus, text.saving);
      // One at a time: the audit log gets one entry per task, in order. A task that cannot be
      // confirmed as it is (no unit with a registry id: missing_unit) stays for editing.
      let done = 0;
      const failed = [];
      for (const t of items) {
        try {
          await api('POST', `/api/tasks/${t.id}/confirm`, {});
          done += 1;
        } catch (err) {
          if (err.status === 401) return;
          failed.push(`${t.path || `#${t.id}`}: ${ctx.message(err)}`);
        }
      }
      carried = { done, failed };
      changed();
    });
    list.append(el('div', { class: 'actions' }, all), allStatus);
  }
  for (const t of items) list.append(proposedCard(ctx, t, items, changed));
}
