// The document graph ("#/doc/ID/graph", from GET /api/documents/{id}/graph): the document in
// the middle, what it implements or cites above, what implements or cites it below, drawn as
// SVG. Stored documents are links (to their own graph); references not (yet) in the store are
// dashed. The same edges follow as two lists — readable by screen readers and at phone width.
import { el, svg, viDate } from '../dom.js';
import { api } from '../api.js';
import { graph as G, edgeKinds, text } from '../messages.js';
import { heading } from '../components.js';

const W = 220;
const H = 70;
const GAP = 18;
const ROW_GAP = 80;

// Up to two lines of about `n` characters, cut at words, with an ellipsis when longer.
function lines(s, n = 29, max = 2) {
  const out = [];
  let cur = '';
  for (const w of (s || '').split(/\s+/).filter(Boolean)) {
    if ((cur + ' ' + w).trim().length > n && cur) {
      out.push(cur);
      cur = w;
      if (out.length === max) break;
    } else {
      cur = (cur + ' ' + w).trim();
    }
  }
  if (out.length < max && cur) out.push(cur);
  else if (cur && out.length === max) out[max - 1] = `${out[max - 1].slice(0, n - 1)}…`;
  return out;
}

// A node of the drawing: {key, id (null when not stored), number, title, kinds:Set}.
function nodeOf(nodes, id, edge) {
  if (id !== null && id !== undefined && nodes[id]) {
    const d = nodes[id];
    return { key: `d${id}`, id, number: d.number || d.type_name || '', title: d.title || text.untitled,
      date: d.date, kinds: new Set() };
  }
  const label = edge.number || edge.name;
  if (!label) return null;
  return { key: `r${label}`, id: null, number: edge.number || '', title: edge.name || G.notStored,
    date: edge.date, kinds: new Set() };
}

function collect(nodes, edges, side) {
  const byKey = new Map();
  for (const e of edges) {
    const n = nodeOf(nodes, side === 'above' ? e.to : e.from, e);
    if (!n) continue;
    if (!byKey.has(n.key)) byKey.set(n.key, n);
    byKey.get(n.key).kinds.add(e.kind);
  }
  // Implemented documents first: they are the plan's reason to exist.
  const rank = (n) => Number(n.kinds.has('implements'));
  return [...byKey.values()].sort((a, b) => rank(b) - rank(a));
}

function drawNode(n, x, y, center) {
  const cls = `gnode${center ? ' center' : ''}${n.id === null ? ' missing' : ''}`;
  const t = lines(n.title);
  const g = svg('g', { class: cls },
    svg('title', {}, [n.number, n.title, viDate(n.date)].filter(Boolean).join(' — ')),
    svg('rect', { x, y, width: W, height: H, rx: 6 }),
    svg('text', { x: x + 10, y: y + 20, class: 'gnum' }, n.number || G.notStored),
    t.map((line, k) => svg('text', { x: x + 10, y: y + 38 + k * 16, class: 'gtitle' }, line)));
  if (n.id === null || center) return g;
  return svg('a', { href: `#/doc/${n.id}/graph`, class: 'glink',
    'aria-label': `${n.number} ${n.title}` }, g);
}

function drawing(center, above, below) {
  const cols = Math.max(above.length, below.length, 1);
  const width = cols * (W + GAP) + GAP;
  const rows = [above.length ? above : null, [center], below.length ? below : null].filter(Boolean);
  const height = rows.length * H + (rows.length - 1) * ROW_GAP + 2 * GAP;
  const root = svg('svg', { class: 'graph', id: 'doc-graph-svg', viewBox: `0 0 ${width} ${height}`,
    role: 'group', 'aria-label': G.summary(above.length, below.length) },
  svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
  svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'garrow' }))));
  const rowX = (n, k) => (width - n * (W + GAP) + GAP) / 2 + k * (W + GAP);
  let y = GAP;
  const yAbove = above.length ? y : null;
  if (above.length) y += H + ROW_GAP;
  const yCenter = y;
  const yBelow = below.length ? y + H + ROW_GAP : null;
  const cx = width / 2;
  const edgesG = svg('g', { class: 'gedges' });
  const label = (x1, y1, x2, y2, kinds) => svg('text', { x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2,
    class: 'gkind' }, [...kinds].map((k) => edgeKinds[k] || k).join(', '));
  // Edges point from the citing document to the cited one.
  above.forEach((n, k) => {
    const x = rowX(above.length, k) + W / 2;
    edgesG.append(svg('line', { x1: cx, y1: yCenter, x2: x, y2: yAbove + H, 'marker-end': 'url(#arrow)',
      class: `gedge ${n.kinds.has('implements') ? 'implements' : ''}` }),
    label(cx, yCenter, x, yAbove + H, n.kinds));
  });
  below.forEach((n, k) => {
    const x = rowX(below.length, k) + W / 2;
    edgesG.append(svg('line', { x1: x, y1: yBelow, x2: cx, y2: yCenter + H, 'marker-end': 'url(#arrow)',
      class: `gedge ${n.kinds.has('implements') ? 'implements' : ''}` }),
    label(x, yBelow, cx, yCenter + H, n.kinds));
  });
  root.append(edgesG);
  above.forEach((n, k) => root.append(drawNode(n, rowX(above.length, k), yAbove, false)));
  root.append(drawNode(center, rowX(1, 0), yCenter, true));
  below.forEach((n, k) => root.append(drawNode(n, rowX(below.length, k), yBelow, false)));
  return root;
}

function edgeList(title, list, none) {
  return el('section', { class: 'card' }, el('h2', {}, title),
    list.length ? el('ul', { class: 'graph-list' }, list.map((n) => el('li', {},
      el('span', { class: 'badge' }, [...n.kinds].map((k) => edgeKinds[k] || k).join(', ')), ' ',
      n.id === null ? el('span', {}, n.number || n.title, ` (${G.notStored})`)
        : el('a', { href: `#/doc/${n.id}` }, [n.number, n.title].filter(Boolean).join(' — ')))))
      : el('p', { class: 'status' }, none));
}

export async function renderGraph(ctx, id) {
  const page = ctx.page();
  page.append(el('p', {}, el('a', { href: `#/doc/${encodeURIComponent(id)}` }, G.back)));
  let g;
  try {
    g = await api('GET', `/api/documents/${encodeURIComponent(id)}/graph`);
  } catch (err) {
    ctx.fail(err);
    return;
  }
  const nodes = g.nodes || {};
  const c = nodes[g.node] || { id: g.node };
  const center = { key: `d${g.node}`, id: g.node, number: c.number || '',
    title: c.title || text.untitled, date: c.date, kinds: new Set() };
  const above = collect(nodes, g.cites || [], 'above');
  const below = collect(nodes, g.cited_by || [], 'below');
  page.append(heading(`${G.title}: ${[center.number, center.title].filter(Boolean).join(' — ')}`),
    el('div', { class: 'card graph-wrap' }, drawing(center, above, below)),
    el('div', { class: 'grid-2' }, edgeList(G.above, above, G.noneAbove),
      edgeList(G.below, below, G.noneBelow)));
}
