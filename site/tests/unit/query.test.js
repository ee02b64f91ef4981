import { describe, expect, test } from '@jest/globals';
import {
  documentUrl, listDocumentsParams, listDocumentsUrl, toQueryString, unitsUrl,
} from '../../src/js/lib/query.js';

const decode = (qs) => decodeURIComponent(qs).split('&');

describe('toQueryString', () => {
  test('writes nested objects and arrays in bracket notation', () => {
    expect(toQueryString({ a: { b: [1, 'x'] }, c: 'd' })).toBe('a[b][0]=1&a[b][1]=x&c=d');
  });

  test('encodes key segments and values, keeps brackets literal', () => {
    expect(toQueryString({ filters: { $or: [{ judul: { $containsi: 'a&b=c ü' } }] } })).toBe(
      'filters[%24or][0][judul][%24containsi]=a%26b%3Dc%20%C3%BC',
    );
  });

  test('leaves out empty, null and undefined values', () => {
    expect(toQueryString({ a: '', b: null, c: undefined, d: 0, e: false, f: {} })).toBe('d=0&e=false');
  });
});

describe('list query', () => {
  test('matches what Strapi expects for a full filter set', () => {
    const qs = toQueryString(listDocumentsParams({
      locale: 'id', q: 'anggaran', kategori: 'berkala', unit: 'abc123', tahun: 2026, page: 2,
    }));
    expect(decode(qs)).toEqual([
      'locale=id',
      'populate[unit][fields][0]=nama',
      'populate[berkas][fields][0]=url',
      'populate[berkas][fields][1]=size',
      'populate[berkas][fields][2]=name',
      'pagination[page]=2',
      'pagination[pageSize]=10',
      'sort[0]=tahun:desc',
      'sort[1]=nomor:asc',
      'filters[kategori][$eq]=berkala',
      'filters[unit][documentId][$eq]=abc123',
      'filters[tahun][$eq]=2026',
      'filters[$or][0][judul][$containsi]=anggaran',
      'filters[$or][1][ringkasan][$containsi]=anggaran',
    ]);
  });

  test('has no filters when none are set', () => {
    const qs = decodeURIComponent(toQueryString(listDocumentsParams({ locale: 'en' })));
    expect(qs).not.toContain('filters');
    expect(qs).toContain('pagination[page]=1');
    expect(qs).toContain('locale=en');
  });

  test('urls join the API base without doubled slashes', () => {
    expect(listDocumentsUrl('http://127.0.0.1:1337/', { locale: 'id' })).toMatch(/^http:\/\/127\.0\.0\.1:1337\/api\/dip-documents\?locale=id&/);
    expect(documentUrl('http://h', 'a/b', 'en')).toMatch(/^http:\/\/h\/api\/dip-documents\/a%2Fb\?locale=en&populate/);
    expect(decodeURIComponent(unitsUrl('http://h'))).toBe('http://h/api/bidangs?pagination[pageSize]=100&sort=nama');
  });
});
