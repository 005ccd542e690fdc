// A document's text with marks (highlight.js) rendered into a <pre>, and the flash that
// brings one mark into view. Used by the document view and the task detail.
import { el } from './dom.js';
import { pieces } from './highlight.js';

// Fills `pre` with `docText`, every mark a span (class hl hl-KIND); clicking a piece calls
// onPick(innermost mark id).
export function renderText(pre, docText, marks, onPick) {
  const kinds = new Map(marks.map((m) => [m.id, m.kind]));
  pre.replaceChildren();
  for (const p of pieces(docText.length, marks)) {
    const s = docText.slice(p.start, p.end);
    if (!p.ids.length) {
      pre.append(document.createTextNode(s));
      continue;
    }
    // The innermost mark decides the colour; every covering mark is listed for flash().
    const inner = p.ids[p.ids.length - 1];
    const span = el('span', { class: `hl hl-${kinds.get(inner)}` }, s);
    span.dataset.marks = p.ids.join(' ');
    if (onPick) span.addEventListener('click', () => onPick(inner));
    pre.append(span);
  }
}

// Lights every piece of mark `id` in `pre` and scrolls the first into view.
export function flash(pre, id) {
  const nodes = pre.querySelectorAll(`[data-marks~="${CSS.escape(id)}"]`);
  for (const n of pre.querySelectorAll('.flash')) n.classList.remove('flash');
  if (!nodes.length) return;
  nodes[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const n of nodes) {
    // Re-adding the class restarts the animation on a second click.
    n.classList.remove('flash');
    void n.offsetWidth;
    n.classList.add('flash');
  }
}
