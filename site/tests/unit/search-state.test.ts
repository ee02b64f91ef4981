import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, excerptSegments, hasQuery, pagefindFilters, parseSearch, searchQuery } from '../../src/lib/search-state.ts';

test('the URL holds the whole search, both ways', () => {
  const state = parseSearch('?q=laporan+keuangan&kategori=berkala&unit=sekretariat&tahun=2026&page=2');
  assert.deepEqual(state, { q: 'laporan keuangan', kategori: 'berkala', unit: 'sekretariat', tahun: '2026', page: 2 });
  assert.equal(searchQuery(state), '?q=laporan+keuangan&kategori=berkala&unit=sekretariat&tahun=2026&page=2');
  assert.deepEqual(pagefindFilters(state), { kategori: 'berkala', unit: 'sekretariat', tahun: '2026' });
  assert.equal(searchQuery(parseSearch('')), '');
  assert.equal(hasQuery(parseSearch('?page=3')), false);
});

test('bad values are dropped, long ones cut', () => {
  const state = parseSearch(`?q=${'x'.repeat(300)}&tahun=20x6&page=-4`);
  assert.equal(state.q.length, 100);
  assert.equal(state.tahun, '');
  assert.equal(state.page, 1);
  assert.deepEqual(pagefindFilters(state), {});
});

test('excerpts become text segments: only <mark> is kept, as a flag', () => {
  const segments = excerptSegments('a &lt;script&gt; <mark>Laporan</mark> Keuangan &amp; <mark>x</mark>', decodeEntities);
  assert.deepEqual(segments, [
    { text: 'a <script> ', mark: false },
    { text: 'Laporan', mark: true },
    { text: ' Keuangan & ', mark: false },
    { text: 'x', mark: true },
  ]);
  assert.equal(decodeEntities('&#39;&#x41;&unknown;'), "'A&unknown;");
});
