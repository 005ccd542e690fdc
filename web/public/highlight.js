// Spans → highlighted text, with no markup built from document text (every piece is a text
// node). Pure functions; app.js renders their output.
//
// The API's spans are [begin, end) UTF-8 byte offsets (docs/api.md); JavaScript strings are
// UTF-16, and Vietnamese letters take 2–3 bytes but one UTF-16 unit, so offsets are converted
// once per document through a table.

// A function from a UTF-8 byte offset of `text` to its UTF-16 index. An offset inside a
// character (never produced by the parser) maps to that character's start.
export function byteToIndex(text) {
  const table = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) table.push(i);
    i += ch.length;
  }
  table.push(i);
  return (offset) => table[Math.max(0, Math.min(offset, table.length - 1))];
}

// Pieces of `text` between every mark boundary: [{start, end, ids}] covering the whole text,
// `ids` the marks covering the piece, outermost (longest) first. Marks may nest or overlap
// (a task's sentence holds its units; a title may hold a date): the pieces keep all of them,
// so flashing one mark lights exactly its pieces.
export function pieces(textLength, marks) {
  const cuts = new Set([0, textLength]);
  for (const m of marks) {
    if (m.end > m.begin) {
      cuts.add(m.begin);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= textLength).sort((a, b) => a - b);
  const sorted = [...marks].sort((a, b) => (b.end - b.begin) - (a.end - a.begin));
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    const ids = sorted.filter((m) => m.begin <= start && m.end >= end && m.end > m.begin)
      .map((m) => m.id);
    out.push({ start, end, ids });
  }
  return out;
}

// The marks of a parse (dondoc/document@1), converted to UTF-16 indices: one per highlighted
// field. `id`s are stable names the fields panel uses: "number", "signer-0", "task-3", …
export function marksOf(parse, text) {
  const at = byteToIndex(text);
  const marks = [];
  const add = (id, kind, span) => {
    if (Array.isArray(span) && span.length === 2 && span[1] > span[0]) {
      marks.push({ id, kind, begin: at(span[0]), end: at(span[1]) });
    }
  };
  const spans = parse.spans || {};
  for (const key of ['number', 'type', 'date', 'place', 'title']) add(key, key, spans[key]);
  if (parse.issuer) add('issuer', 'issuer', parse.issuer.span);
  (parse.signers || []).forEach((s, i) => add(`signer-${i}`, 'signer', s.span));
  (parse.references || []).forEach((r, i) => add(`ref-${i}`, 'ref', r.span));
  (parse.tasks || []).forEach((t, i) => {
    add(`task-${i}`, 'task', t.span);
    (t.units || []).forEach((u, j) => add(`task-${i}-unit-${j}`, 'unit', u.span));
  });
  return marks;
}
