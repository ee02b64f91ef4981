import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeCache, mergeRows, parseCache, signature, toFetch } from '../../src/lib/api-cache.ts';
import { dipByIdsPath, dipLightListPath } from '../../src/lib/api.ts';
import { apiRow } from '../support/fixtures.ts';

const light = (row: Record<string, any>) => ({ id: row.id, documentId: row.documentId, updatedAt: row.updatedAt, publishedAt: row.publishedAt, berkas: row.berkas && { updatedAt: row.berkas.updatedAt } });
const a = apiRow({ documentId: 'a', nomor: 'A' });
const b = apiRow({ documentId: 'b', nomor: 'B' });
const c = apiRow({ documentId: 'c', nomor: 'C' });
const cache = makeCache('http://cms', { id: [a, b, c], en: [] });
const units = [{ documentId: 'u1', kode: 'sekretariat', nama: 'Sekretariat' }];

test('the light list asks only for the fields that decide, the full read only for some ids', () => {
  assert.match(dipLightListPath('id', 2), /fields\[0\]=updatedAt&fields\[1\]=publishedAt&populate\[berkas\]\[fields\]\[0\]=updatedAt/);
  assert.doesNotMatch(dipLightListPath('id', 2), /populate\[unit\]/);
  assert.match(dipByIdsPath('en', ['x', 'y']), /locale=en&filters\[documentId\]\[%24in\]\[0\]=x&filters\[documentId\]\[%24in\]\[1\]=y&.*populate\[unit\]\[fields\]\[0\]=kode/);
});

test('unchanged entries come from the cache; new, edited, republished entries and replaced files are read again', () => {
  const d = apiRow({ documentId: 'd', nomor: 'D' });
  const edited = { ...b, updatedAt: '2026-03-01T00:00:00.000Z' };
  const refiled = { ...c, berkas: { ...(c.berkas as object), updatedAt: '2026-03-02T00:00:00.000Z' } };
  assert.deepEqual(toFetch([light(a), light(edited), light(refiled), light(d)], cache.rows.id), ['b', 'c', 'd']);
  assert.deepEqual(toFetch([light(a)], undefined), ['a']);
  assert.notEqual(signature(a), signature({ ...a, publishedAt: '2027-01-01T00:00:00.000Z' }));
});

test('an entry gone from the light list is gone from the build, though still in the cache', () => {
  const rows = mergeRows([light(a), light(c)], cache.rows.id, [], units);
  assert.deepEqual(rows.map((r) => r.documentId), ['a', 'c']);
});

test('an entry asked for again but not returned (unpublished meanwhile) is dropped, not taken from the cache', () => {
  const edited = { ...b, updatedAt: '2026-03-01T00:00:00.000Z' };
  assert.deepEqual(mergeRows([light(a), light(edited)], cache.rows.id, [], units).map((r) => r.documentId), ['a']);
});

test('fresh rows replace cached ones; a renamed unit is renamed in cached rows; a deleted unit leaves them', () => {
  const edited = { ...b, updatedAt: '2026-03-01T00:00:00.000Z', judul: 'Judul baru' };
  const rows = mergeRows([light(a), light(edited)], cache.rows.id, [edited], [{ documentId: 'u1', kode: 'sekretariat', nama: 'Sekretariat Dinas' }]);
  assert.equal(rows[1].judul, 'Judul baru');
  assert.deepEqual(rows.map((r) => r.unit.nama), ['Sekretariat Dinas', 'Sekretariat Dinas']);
  assert.equal(mergeRows([light(a)], cache.rows.id, [], [])[0].unit, null);
});

test('a cache of another CMS, another format or unreadable is not used', () => {
  const text = JSON.stringify(cache);
  assert.ok(parseCache(text, 'http://cms'));
  assert.equal(parseCache(text, 'http://other'), null);
  assert.equal(parseCache(JSON.stringify({ ...cache, version: 2 }), 'http://cms'), null);
  assert.equal(parseCache('{', 'http://cms'), null);
  assert.equal(parseCache(null, 'http://cms'), null);
});
