// Unit tests of the page's pure functions (node:test, no browser): the client's copy of the
// authorisation table (src/access/policy.h), dates, query strings, UTF-8 spans.
// Run by scripts/browser-test.sh before the browser steps: node --test test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, ownUnit } from '../public/policy.js';
import { query } from '../public/api.js';
import { viDate } from '../public/dom.js';
import { byteToIndex, pieces } from '../public/highlight.js';

// The table of policy.h, row by row: [action, admin, office, officer own, officer other, reader].
const table = [
  ['upload', false, true, false, false, false],
  ['readTask', true, true, true, false, true],
  ['editTask', false, true, false, false, false],
  ['fileReport', false, true, true, false, false],
  ['reviewReport', false, true, false, false, false],
  ['export', true, true, true, false, true],
  ['readAudit', true, true, false, false, false],
];

test('policy.js agrees with the table of src/access/policy.h', () => {
  const admin = { role: 'admin', unit_id: null };
  const office = { role: 'office', unit_id: null };
  const officer = { role: 'unit_officer', unit_id: 'so-tttt' };
  const reader = { role: 'reader', unit_id: null };
  for (const [action, a, o, own, other, r] of table) {
    assert.equal(can(admin, action, ['so-tttt']), a, `admin ${action}`);
    assert.equal(can(office, action, ['so-tttt']), o, `office ${action}`);
    assert.equal(can(officer, action, ['so-tttt', 'so-tai-chinh']), own, `officer own ${action}`);
    assert.equal(can(officer, action, ['so-tai-chinh']), other, `officer other ${action}`);
    assert.equal(can(reader, action, ['so-tttt']), r, `reader ${action}`);
  }
  // An officer without a unit, or on an object without units, is denied (policy.h).
  assert.equal(can({ role: 'unit_officer', unit_id: null }, 'fileReport', []), false);
  assert.equal(can(officer, 'fileReport', []), false);
  assert.equal(can(null, 'readTask'), false);
  assert.equal(can(office, 'no-such-action'), false);
  assert.equal(ownUnit(officer), 'so-tttt');
  assert.equal(ownUnit(office), '');
});

test('query leaves out empty values and escapes the rest', () => {
  assert.equal(query({}), '');
  assert.equal(query({ a: '', b: null, c: undefined }), '');
  assert.equal(query({ unit: 'so-tttt', q: 'bình đẳng & giới', offset: 0 }),
    '?unit=so-tttt&q=b%C3%ACnh+%C4%91%E1%BA%B3ng+%26+gi%E1%BB%9Bi&offset=0');
});

test('viDate writes dates the Vietnamese way', () => {
  assert.equal(viDate('2026-12-05'), '05/12/2026');
  assert.equal(viDate(''), '');
  assert.equal(viDate(null), '');
  assert.equal(viDate('trước ngày 15/12'), 'trước ngày 15/12');
  assert.match(viDate(1767225600), /^\d{2}\/\d{2}\/20\d{2} \d{2}:\d{2}$/);
  assert.equal(viDate(0), '');
});

test('UTF-8 byte spans map to UTF-16 indices', () => {
  const text = 'Sở Tài chính';
  const at = byteToIndex(text);
  // "Sở " is 1 + 3 + 1 bytes ("ở" is U+1EDF, three bytes in UTF-8) but 3 UTF-16 units.
  assert.equal(at(5), 3);
  assert.equal(at(Buffer.byteLength(text)), text.length);
  assert.equal(at(1 << 20), text.length);
  const p = pieces(10, [{ id: 'a', begin: 2, end: 6 }, { id: 'b', begin: 4, end: 8 }]);
  assert.deepEqual(p.map((x) => [x.start, x.end, x.ids.join('+')]),
    [[0, 2, ''], [2, 4, 'a'], [4, 6, 'a+b'], [6, 8, 'b'], [8, 10, '']]);
});
