// Search or list documents, and one document with its extractions highlighted (the static
// sections #view-search and #view-doc of index.html).
// Routes: "#/docs", "#/docs?q=…&type=…&offset=…", "#/doc/ID".
import { $, el, hashParams, go } from '../dom.js';
import { api } from '../api.js';
import { text, fields, unitRoles, graph as G } from '../messages.js';
import { marksOf } from '../highlight.js';
import { renderText, flash } from '../doctext.js';

const PAGE = 20;

function goSearch(q, type, offset) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (type) p.set('type', type);
  if (offset) p.set('offset', String(offset));
  const s = p.toString();
  go(s ? `#/docs?${s}` : '#/docs', renderSearch);
}

export function initDocuments() {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    goSearch($('search-q').value.trim(), $('search-type').value, 0);
  });
}

function resultItem(item) {
  const meta = [item.number, item.type_name || item.type, item.date, item.issuer]
    .filter(Boolean).join(' · ');
  const snippet = el('p', { class: 'snippet' });
  for (const seg of item.snippet || []) {
    snippet.append(seg.match ? el('mark', {}, seg.text) : document.createTextNode(seg.text));
  }
  return el('li', { class: 'result' },
    el('a', { href: `#/doc/${item.id}`, class: 'result-title' }, item.title || text.untitled),
    el('div', { class: 'meta' }, meta,
      item.number_match ? el('span', { class: 'badge' }, text.byNumber) : null),
    (item.snippet || []).length ? snippet : null);
}

export async function renderSearch(ctx) {
  ctx.show('view-search');
  const params = hashParams();
  const q = params.get('q') || '';
  const type = params.get('type') || '';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  $('search-q').value = q;
  $('search-type').value = type;
  const status = $('search-status');
  status.textContent = q ? text.searching : text.loading;
  const list = $('results');
  list.replaceChildren();
  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (q) query.set('q', q);
  if (type) query.set('type', type);
  let page;
  try {
    page = await api('GET', `/api/documents?${query}`);
  } catch (err) {
    status.textContent = '';
    ctx.fail(err);
    return;
  }
  for (const item of page.items) list.append(resultItem(item));
  const from = page.items.length ? offset + 1 : 0;
  const to = offset + page.items.length;
  if (!page.items.length) status.textContent = text.noResults;
  else if (page.mode === 'list') status.textContent = text.listCount(from, to, page.total);
  else status.textContent = text.searchCount(from, to, page.has_more);
  if (page.relaxed) status.textContent += ` ${text.relaxed}`;
  $('prev-page').hidden = offset === 0;
  $('next-page').hidden = !page.has_more;
  $('prev-page').onclick = () => goSearch(q, type, Math.max(0, offset - PAGE));
  $('next-page').onclick = () => goSearch(q, type, offset + PAGE);
}

// Lights mark `id` in the text and selects its entry in the fields panel.
function pick(id) {
  for (const n of document.querySelectorAll('.fields .selected')) n.classList.remove('selected');
  for (const f of document.querySelectorAll(`.fields [data-mark="${CSS.escape(id)}"]`)) {
    f.classList.add('selected');
  }
  flash($('doc-text'), id);
}

function fieldButton(markId, label, present) {
  return present
    ? el('button', { type: 'button', class: 'field-link', dataset: { mark: markId },
      onclick: () => pick(markId) }, label)
    : el('span', { class: 'missing' }, label);
}

function signerLabel(s) {
  const head = [s.authority ? `${s.authority}.` : '', s.for || ''].join(' ').trim();
  return [head, s.position, s.name].filter(Boolean).join(' — ');
}

function renderFields(doc, parse, marks) {
  const has = new Set(marks.map((m) => m.id));
  const dl = $('doc-fields');
  dl.replaceChildren();
  const row = (key, value, markId = key) => {
    dl.append(el('dt', {}, fields[key]),
      el('dd', {}, value ? fieldButton(markId, value, has.has(markId)) : text.none));
  };
  row('number', parse.number);
  row('type', parse.type_name || parse.type);
  row('date', parse.date);
  row('place', parse.place);
  row('issuer', parse.issuer && parse.issuer.name);
  row('title', parse.title);
  dl.append(el('dt', {}, fields.signers));
  const signers = parse.signers || [];
  if (!signers.length) dl.append(el('dd', {}, text.none));
  signers.forEach((s, i) => dl.append(el('dd', {},
    fieldButton(`signer-${i}`, signerLabel(s), has.has(`signer-${i}`)))));

  const tasks = $('doc-tasks');
  tasks.replaceChildren();
  $('task-count').textContent = `(${(parse.tasks || []).length})`;
  (parse.tasks || []).forEach((t, i) => {
    const units = el('ul', { class: 'units' });
    (t.units || []).forEach((u, j) => units.append(el('li', {},
      fieldButton(`task-${i}-unit-${j}`, u.name, has.has(`task-${i}-unit-${j}`)),
      u.role ? ` (${unitRoles[u.role] || u.role})` : '')));
    const due = Number.isInteger(t.due) && parse.times && parse.times[t.due];
    tasks.append(el('li', { class: 'task' },
      fieldButton(`task-${i}`, [t.path, t.action].filter(Boolean).join('. '), has.has(`task-${i}`)),
      due ? el('div', { class: 'meta' }, `${text.due}: ${due.text}`) : null,
      (t.units || []).length ? units : null));
  });

  const refs = $('doc-refs');
  refs.replaceChildren();
  $('ref-count').textContent = `(${(parse.references || []).length})`;
  (parse.references || []).forEach((r, i) => {
    const link = (doc.links || [])[i];
    const label = [r.number, r.name, r.date].filter(Boolean).join(' · ') || text.none;
    let where = null;
    if (link && link.target_id) {
      where = el('a', { href: `#/doc/${link.target_id}`, class: 'open' }, text.openCited);
    } else if (link && link.status === 'pending') {
      where = el('span', { class: 'meta' }, ` (${text.pending})`);
    } else if (link && link.status === 'ambiguous') {
      where = el('span', { class: 'meta' }, ` (${text.ambiguous})`);
    }
    refs.append(el('li', {}, fieldButton(`ref-${i}`, label, has.has(`ref-${i}`)), ' ', where));
  });
}

export async function renderDocument(ctx, id) {
  ctx.show('view-doc');
  $('doc-title').textContent = text.loading;
  $('doc-text').replaceChildren();
  $('doc-graph').href = `#/doc/${encodeURIComponent(id)}/graph`;
  $('doc-graph').textContent = G.open;
  let doc;
  try {
    doc = await api('GET', `/api/documents/${encodeURIComponent(id)}`);
  } catch (err) {
    $('doc-title').textContent = '';
    ctx.fail(err);
    return;
  }
  const d = doc.document;
  $('doc-title').textContent = [d.number, d.title || text.untitled].filter(Boolean).join(' — ');
  const marks = marksOf(doc.parse, doc.text);
  renderText($('doc-text'), doc.text, marks, pick);
  renderFields(doc, doc.parse, marks);
  // A plan with tasks: its tracked tasks on the board (confirmed ones; the office reviews the
  // proposed ones from there too).
  const board = $('doc-board');
  board.hidden = !(doc.parse.tasks || []).length;
  board.href = `#/tasks?plan=${encodeURIComponent(id)}`;
  board.textContent = G.tasksOfPlan;
  window.scrollTo(0, 0);
}
