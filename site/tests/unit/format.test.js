import { describe, expect, test } from '@jest/globals';
import { fileType, fileUrl, formatDate, formatNumber, formatSize, truncate } from '../../src/js/lib/format.js';

// Intl output uses a narrow no-break space in some locales/ICU versions: compare normalised.
const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatSize (Strapi sizes are kilobytes)', () => {
  test('Indonesian uses a decimal comma', () => {
    expect(formatSize(245.67, 'id')).toBe('246 KB');
    expect(formatSize(3.44, 'id')).toBe('3,4 KB');
    expect(formatSize(1830.2, 'id')).toBe('1,8 MB');
    expect(formatSize(12500.5, 'id')).toBe('12,5 MB');
    expect(formatSize(0.5, 'id')).toBe('500 B');
  });

  test('English uses a decimal point', () => {
    expect(formatSize(1830.2, 'en')).toBe('1.8 MB');
    expect(formatSize(2500000, 'en')).toBe('2.5 GB');
  });

  test('missing or invalid sizes give nothing', () => {
    expect(formatSize(null, 'id')).toBe('');
    expect(formatSize(undefined, 'id')).toBe('');
    expect(formatSize(-1, 'id')).toBe('');
    expect(formatSize('x', 'id')).toBe('');
  });
});

describe('formatDate', () => {
  test('calendar dates are shown as they are, in words', () => {
    expect(formatDate('2026-01-15', 'id')).toBe('15 Januari 2026');
    expect(formatDate('2026-01-15', 'en')).toBe('15 January 2026');
  });

  test('timestamps are shown in Jakarta time', () => {
    expect(formatDate('2026-03-31T20:00:00.000Z', 'id')).toBe('1 April 2026');
  });

  test('other values pass through; empty gives nothing', () => {
    expect(formatDate('Triwulan III', 'id')).toBe('Triwulan III');
    expect(formatDate('2026-13-45', 'id')).toBe('2026-13-45');
    expect(formatDate(null, 'id')).toBe('');
  });
});

test('formatNumber', () => {
  expect(norm(formatNumber(12345, 'id'))).toBe('12.345');
  expect(norm(formatNumber(12345, 'en'))).toBe('12,345');
});

describe('truncate', () => {
  test('short text untouched, whitespace collapsed', () => {
    expect(truncate('  a   b ')).toBe('a b');
  });

  test('cuts at a word boundary with an ellipsis', () => {
    const text = 'Laporan realisasi anggaran pendapatan dan belanja daerah tahun anggaran 2025';
    const out = truncate(text, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).toBe('Laporan realisasi anggaran pendapatan…');
  });
});

describe('fileUrl', () => {
  test('relative upload URLs get the API origin', () => {
    expect(fileUrl('/uploads/a.pdf', 'http://127.0.0.1:1337')).toBe('http://127.0.0.1:1337/uploads/a.pdf');
    expect(fileUrl('/uploads/a.pdf', 'http://127.0.0.1:1337/')).toBe('http://127.0.0.1:1337/uploads/a.pdf');
  });

  test('absolute http(s) URLs stay; other schemes are refused', () => {
    expect(fileUrl('https://cdn.example.org/x.pdf', 'http://h')).toBe('https://cdn.example.org/x.pdf');
    expect(fileUrl('javascript:alert(1)', 'http://h')).toBe('');
    expect(fileUrl('data:text/html,x', 'http://h')).toBe('');
    expect(fileUrl(null, 'http://h')).toBe('');
  });
});

test('fileType', () => {
  expect(fileType('laporan.pdf')).toBe('PDF');
  expect(fileType('', '/uploads/x.docx?v=1')).toBe('DOCX');
  expect(fileType('README')).toBe('');
});
