import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupEntries, mergeLocales, normaliseEntry, normalisePage, normaliseUnit, PROFIL_FIELDS } from '../../src/lib/dip.ts';
import { apiRow } from '../support/fixtures.ts';

test('an API row becomes an entry with its unit and file', () => {
  const e = normaliseEntry(apiRow({ documentId: 'd1', nomor: 'DIP/B/001/2026' }), 'id')!;
  assert.equal(e.nomor, 'DIP/B/001/2026');
  assert.deepEqual(e.unit, { kode: 'sekretariat', nama: 'Sekretariat' });
  assert.deepEqual(e.berkas, { url: '/uploads/d1.pdf', name: 'd1.pdf', mime: 'application/pdf', ext: '.pdf', size: 12.5 });
  assert.equal(e.fallback, false);
});

test('nothing exempt, unpublished, unknown or without identity passes, whatever the API sends', () => {
  assert.equal(normaliseEntry(apiRow({ kategori: 'dikecualikan' }), 'id'), null);
  assert.equal(normaliseEntry(apiRow({ publishedAt: null }), 'id'), null);
  assert.equal(normaliseEntry(apiRow({ kategori: 'rahasia' }), 'id'), null);
  assert.equal(normaliseEntry(apiRow({ nomor: '' }), 'id'), null);
  assert.equal(normaliseEntry(null, 'id'), null);
  assert.equal(normaliseEntry(apiRow({ tahun: '2.026' }), 'id')!.tahun, null);
});

test('locales are merged: an entry missing in one language is shown in the other, flagged', () => {
  const id = [normaliseEntry(apiRow({ documentId: 'a', nomor: 'A' }), 'id')!, normaliseEntry(apiRow({ documentId: 'b', nomor: 'B', judul: 'Hanya id' }), 'id')!];
  const en = [normaliseEntry(apiRow({ documentId: 'a', nomor: 'A', judul: 'In English' }), 'en')!];
  const merged = mergeLocales(id, en);
  assert.deepEqual(merged.en.map((e) => [e.documentId, e.judul, e.fallback, e.locale]), [
    ['a', 'In English', false, 'en'],
    ['b', 'Hanya id', true, 'en'],
  ]);
  assert.equal(merged.id.length, 2);
});

test('groups: every category even when empty, units by code, years newest first', () => {
  const entries = [
    normaliseEntry(apiRow({ documentId: 'a', tahun: '2025', kategori: 'berkala' }), 'id')!,
    normaliseEntry(apiRow({ documentId: 'b', tahun: '2026', kategori: 'berkala', unit: null }), 'id')!,
  ];
  const units = [normaliseUnit({ kode: 'sekretariat', nama: 'Sekretariat' })!, normaliseUnit({ kode: 'kosong', nama: 'Kosong' })!];
  const g = groupEntries(entries, units);
  assert.deepEqual([...g.kategori.entries()].map(([k, l]) => [k, l.length]), [['berkala', 2], ['serta_merta', 0], ['setiap_saat', 0]]);
  assert.deepEqual([...g.unit.entries()].map(([k, l]) => [k, l.length]), [['sekretariat', 1], ['kosong', 0]]);
  assert.deepEqual([...g.tahun.keys()], ['2026', '2025']);
});

test('public pages: published text fields only', () => {
  assert.equal(normalisePage({ judul: 'x', publishedAt: null }, PROFIL_FIELDS), null);
  const page = normalisePage({ judul: 'Profil', ringkasan: '', publishedAt: '2026-01-01T00:00:00Z', extra: 1 }, PROFIL_FIELDS)!;
  assert.equal(page.judul, 'Profil');
  assert.equal(page.ringkasan, null);
  assert.equal('extra' in page, false);
});
