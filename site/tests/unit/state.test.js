import { describe, expect, test } from '@jest/globals';
import {
  detailHref, hasFilters, isDocumentId, listHref, listStateToSearch, parseDetailId, parseListState,
  switchLangHref, withLang, yearOptions,
} from '../../src/js/lib/state.js';

describe('parseListState', () => {
  test('reads every field', () => {
    expect(parseListState('?q=%20laporan%20%20keuangan%20&kategori=berkala&unit=abc_1&tahun=2025&page=3')).toEqual({
      q: 'laporan keuangan', kategori: 'berkala', unit: 'abc_1', tahun: 2025, page: 3,
    });
  });

  test('defaults when empty', () => {
    expect(parseListState('')).toEqual({ q: '', kategori: '', unit: '', tahun: null, page: 1 });
  });

  test('drops values that are not allowed or malformed', () => {
    expect(parseListState('?kategori=dikecualikan&unit=../x&tahun=20x6&page=-2')).toEqual({
      q: '', kategori: '', unit: '', tahun: null, page: 1,
    });
    expect(parseListState('?tahun=1800&page=0').tahun).toBeNull();
    expect(parseListState('?page=abc').page).toBe(1);
    expect(parseListState(`?q=${'x'.repeat(500)}`).q).toHaveLength(100);
  });
});

describe('writing state back', () => {
  test('omits defaults and keeps a stable order', () => {
    expect(listStateToSearch({ q: '', kategori: '', unit: '', tahun: null, page: 1 })).toBe('');
    expect(listStateToSearch({ q: 'a b', kategori: 'serta_merta', unit: 'u1', tahun: 2024, page: 2 }, 'en'))
      .toBe('q=a+b&kategori=serta_merta&unit=u1&tahun=2024&page=2&lang=en');
  });

  test('round-trips', () => {
    const state = { q: 'rencana kerja', kategori: 'setiap_saat', unit: 'u1', tahun: 2026, page: 4 };
    expect(parseListState(listStateToSearch(state))).toEqual(state);
  });

  test('hrefs', () => {
    expect(listHref({})).toBe('informasi.html');
    expect(listHref({ page: 2 }, 'en')).toBe('informasi.html?page=2&lang=en');
    expect(detailHref('abc')).toBe('dokumen.html?id=abc');
    expect(detailHref('abc', 'en')).toBe('dokumen.html?id=abc&lang=en');
  });

  test('hasFilters ignores the page', () => {
    expect(hasFilters(parseListState('?page=3'))).toBe(false);
    expect(hasFilters(parseListState('?tahun=2025'))).toBe(true);
  });
});

describe('detail id', () => {
  test('accepts Strapi documentIds only', () => {
    expect(parseDetailId('?id=lq8hv3k2m9n0p1r2s3t4u5v6')).toBe('lq8hv3k2m9n0p1r2s3t4u5v6');
    expect(parseDetailId('?id=../../admin')).toBe('');
    expect(parseDetailId('')).toBe('');
    expect(isDocumentId('a'.repeat(65))).toBe(false);
  });
});

describe('language links', () => {
  test('switch keeps the page and its query', () => {
    expect(switchLangHref('/informasi.html', '?kategori=berkala&page=2', 'en')).toBe('informasi.html?kategori=berkala&page=2&lang=en');
    expect(switchLangHref('/informasi.html', '?lang=en&page=2', 'id')).toBe('informasi.html?lang=id&page=2');
    expect(switchLangHref('/', '', 'en')).toBe('index.html?lang=en');
  });

  test('withLang adds lang=en to site links only', () => {
    expect(withLang('informasi.html', 'en')).toBe('informasi.html?lang=en');
    expect(withLang('informasi.html?kategori=berkala#x', 'en')).toBe('informasi.html?kategori=berkala&lang=en#x');
    expect(withLang('/index.html', 'en')).toBe('/index.html?lang=en');
    expect(withLang('informasi.html', 'id')).toBe('informasi.html');
    expect(withLang('#main', 'en')).toBe('#main');
    expect(withLang('https://example.org/a.html', 'en')).toBe('https://example.org/a.html');
    expect(withLang('mailto:a@b.c', 'en')).toBe('mailto:a@b.c');
  });
});

test('yearOptions lists recent years and keeps an older selected one', () => {
  expect(yearOptions(2026, null, 3)).toEqual([2026, 2025, 2024]);
  expect(yearOptions(2026, 2001, 3)).toEqual([2026, 2025, 2024, 2001]);
  expect(yearOptions(2026, 2025, 3)).toEqual([2026, 2025, 2024]);
});
