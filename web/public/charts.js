// Horizontal bar charts drawn as SVG by hand (a few rects and texts; no library needed).
// Each row is a label line with its bar underneath, so long Vietnamese names never get cut
// and the chart stays readable at phone width (the SVG scales with its viewBox).
//
// Accessibility: the <svg> is role="img" with a label that reads every value; when rows are
// links (an SVG <a> each, reachable by keyboard) it is a labelled group instead, since an img's
// children are hidden from screen readers, and each link carries its label and value.
import { svg } from './dom.js';

const WIDTH = 400;
const ROW = 44;
const BAR = 16;
const LABEL_GAP = 18; // from a row's top to its label's baseline

// items: [{label, value, href?, cls?}]; cls picks the bar colour (app.css .bar-*).
export function barChart(title, items, summary) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = Math.max(ROW, items.length * ROW) + 4;
  const root = svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, 'aria-label': summary,
    role: items.some((i) => i.href) ? 'group' : 'img',
    preserveAspectRatio: 'xMinYMin meet',
  });
  root.append(svg('title', {}, title));
  items.forEach((item, k) => {
    const y = k * ROW;
    // Room on the right for the value; a zero still shows a sliver so the row reads as a bar.
    const w = Math.max(2, Math.round(((WIDTH - 48) * item.value) / max));
    const row = svg('g', { class: 'chart-row' },
      svg('text', { x: 0, y: y + LABEL_GAP, class: 'chart-label' }, item.label),
      svg('rect', { x: 0, y: y + LABEL_GAP + 6, width: w, height: BAR, rx: 2,
        class: `chart-bar ${item.cls || ''}` }),
      svg('text', { x: w + 6, y: y + LABEL_GAP + 6 + BAR - 3, class: 'chart-value' },
        String(item.value)));
    if (item.href) {
      const link = svg('a', { href: item.href, class: 'chart-link',
        'aria-label': `${item.label}: ${item.value}` }, row);
      root.append(link);
    } else {
      root.append(row);
    }
  });
  return root;
}
