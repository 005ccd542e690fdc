// Small DOM helpers shared by the views. Every value from the API reaches the DOM as text
// (text nodes, attributes), never as markup.

export const $ = (id) => document.getElementById(id);

// el('li', {class: 'x', dataset: {id: '1'}, onclick: f}, 'text', child, …). null/undefined/false
// children are skipped, so optional parts can be written inline.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

// The same for SVG elements (charts, the document graph).
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}

// parent.append(...) that skips null/undefined/false like el() does (the DOM's own append
// would write "null").
export function add(parent, ...children) {
  append(parent, children);
  return parent;
}

function append(e, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

// A labelled form control: <label for=id>label</label> + control, wrapped in a div.field; a
// hint under it is the control's description (aria-describedby).
let nextId = 0;
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++nextId}`;
  const note = hint ? el('span', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (note) control.setAttribute('aria-describedby', note.id);
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, note);
}

// Today as YYYY-MM-DD in the browser's time zone (the office's: Vietnam).
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// "2026-12-15" → "15/12/2026", the way Vietnamese documents write dates; a number is a moment
// in Unix seconds (the API's submitted_at, history at) → "15/12/2026 09:30" local time. Other
// strings pass.
export function viDate(iso) {
  if (typeof iso === 'number') {
    if (!iso) return '';
    const d = new Date(iso * 1000);
    const p = (n) => String(n).padStart(2, '0');
    return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(iso);
  if (!m) return iso;
  const rest = m[4].replace(/^T(\d{2}:\d{2}).*$/, ' $1');
  return `${m[3]}/${m[2]}/${m[1]}${rest}`;
}

// Parameters of the hash route ("#/tasks?status=overdue" → URLSearchParams).
export function hashParams() {
  const q = location.hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : location.hash.slice(q + 1));
}

// Goes to `hash`; when it is already the current one, `rerender` runs instead (no hashchange).
export function go(hash, rerender) {
  if (location.hash === hash) rerender();
  else location.hash = hash;
}
