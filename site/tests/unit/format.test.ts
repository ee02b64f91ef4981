import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileType, fileUrl, formatDate, formatSize, lines, truncate } from '../../src/lib/format.ts';

test('sizes from Strapi kilobytes, in each language', () => {
  assert.equal(formatSize(0.87, 'id'), '870 B');
  assert.equal(formatSize(245.3, 'id'), '245 KB');
  assert.equal(formatSize(1234.5, 'id'), '1,2 MB');
  assert.equal(formatSize(1234.5, 'en'), '1.2 MB');
  assert.equal(formatSize(null, 'en'), '');
  assert.equal(formatSize(-1, 'en'), '');
});

test('dates: calendar dates as they are, timestamps in WIB', () => {
  assert.equal(formatDate('2026-01-15', 'id'), '15 Januari 2026');
  assert.equal(formatDate('2026-01-15', 'en'), '15 January 2026');
  assert.equal(formatDate('2026-12-31T20:00:00.000Z', 'en'), '1 January 2027');
  assert.match(formatDate('2026-12-31T20:00:00.000Z', 'id', true), /^1 Januari 2027.*03[.:]00 WIB$/);
  assert.equal(formatDate('2026-02-30', 'id'), '2026-02-30');
  assert.equal(formatDate('kemarin', 'id'), 'kemarin');
  assert.equal(formatDate(null, 'id'), '');
});

test('file URLs: relative ones get the CMS origin, only http(s) allowed', () => {
  assert.equal(fileUrl('/uploads/a.pdf', 'http://127.0.0.1:1337'), 'http://127.0.0.1:1337/uploads/a.pdf');
  assert.equal(fileUrl('https://cdn.example/a.pdf', 'http://127.0.0.1:1337'), 'https://cdn.example/a.pdf');
  assert.equal(fileUrl('javascript:alert(1)', 'http://127.0.0.1:1337'), '');
  assert.equal(fileUrl('data:text/html,x', 'http://127.0.0.1:1337'), '');
  assert.equal(fileUrl('', 'http://x'), '');
});

test('file types from the name, the URL or the MIME type', () => {
  assert.equal(fileType('laporan.pdf'), 'PDF');
  assert.equal(fileType('', '/uploads/x.docx?v=1'), 'DOCX');
  assert.equal(fileType('tanpa-ekstensi', null, 'application/pdf'), 'PDF');
  assert.equal(fileType(null, null, null), '');
});

test('text fields become lines, never HTML', () => {
  assert.deepEqual(lines('satu\r\n\n  dua  \n<script>x</script>'), ['satu', 'dua', '<script>x</script>']);
  assert.deepEqual(lines(null), []);
  assert.equal(truncate('kata '.repeat(100), 30).length <= 30, true);
});
