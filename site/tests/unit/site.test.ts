import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseEntry, normaliseUnit, type DipEntry } from '../../src/lib/dip.ts';
import { switchLangPath } from '../../src/lib/routes.ts';
import { makeContent, sitePages } from '../../src/lib/site.ts';
import { apiRow } from '../support/fixtures.ts';

function content(n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    apiRow({ documentId: `d${i}`, nomor: `DIP/${i}`, kategori: ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'][i % 4], tahun: String(2020 + (i % 3)) }),
  );
  const entries = (lang: 'id' | 'en') => rows.map((r) => normaliseEntry(r, lang)).filter((e): e is DipEntry => e !== null);
  return makeContent({
    apiUrl: 'http://cms',
    builtAt: '2026-11-29T00:00:00Z',
    entries: { id: entries('id'), en: entries('en').slice(0, 5) },
    units: [normaliseUnit({ kode: 'sekretariat', nama: 'Sekretariat' })!],
    profil: { id: null, en: null },
    maklumat: { id: null, en: null },
  });
}

test('every page exists in both languages, paths are unique', () => {
  const pages = sitePages(content(50));
  const all = new Set(pages.map((p) => p.path));
  assert.equal(all.size, pages.length);
  for (const p of pages) {
    if (p.path === '/en/404/') continue;
    const other = switchLangPath(p.path, p.data.lang === 'id' ? 'en' : 'id');
    assert.ok(all.has(other), `${p.path} has no counterpart ${other}`);
  }
});

test('the list, category, unit and year pages together list every public entry; nothing exempt', () => {
  const pages = sitePages(content(50));
  const lists = pages.filter((p) => p.data.kind === 'list' && p.data.lang === 'id');
  const byKind = (kind: string) =>
    lists.filter((p) => p.data.kind === 'list' && p.data.list === kind).flatMap((p) => (p.data.kind === 'list' ? p.data.page.items : []));
  // every 4th row (i % 4 === 3) is exempt: 12 of 50
  assert.equal(byKind('all').length, 38);
  assert.equal(byKind('kategori').length, 38);
  assert.equal(byKind('tahun').length, 38);
  assert.equal(byKind('unit').length, 38);
  const details = pages.filter((p) => p.data.kind === 'detail');
  assert.equal(details.length, 76);
  assert.ok(details.every((p) => p.data.kind === 'detail' && p.data.entry.kategori !== ('dikecualikan' as string)));
  // 38 entries: 2 pages of 20
  assert.deepEqual(lists.filter((p) => p.data.kind === 'list' && p.data.list === 'all').map((p) => p.path), ['/informasi/', '/informasi/halaman/2/']);
});

test('English falls back to Indonesian text, flagged, where there is no translation', () => {
  const pages = sitePages(content(8));
  const en = pages.filter((p) => p.data.kind === 'detail' && p.data.lang === 'en');
  assert.equal(en.length, 6);
  // English exists for 5 of the 6 public entries
  assert.equal(en.filter((p) => p.data.kind === 'detail' && p.data.entry.fallback).length, 1);
});
