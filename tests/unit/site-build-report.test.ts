import crypto from 'node:crypto';
import { bearerMatches, parseBuildReport } from '../../src/site-build/report';

test('a valid report is normalised', () => {
  const parsed = parseBuildReport({ status: 'berhasil', mulai: '2026-11-29T10:00:00+07:00', durasiDetik: 12.5, jumlahHalaman: 140 });
  expect(parsed).toEqual({
    report: { hasil: 'berhasil', pesan: null, pemicu: null, mulai: '2026-11-29T03:00:00.000Z', selesai: null, durasiDetik: 12.5, jumlahHalaman: 140, terakhirBerhasil: null },
  });
});

test('invalid reports name every problem in Indonesian', () => {
  expect(parseBuildReport(null)).toEqual({ problems: ['isi permintaan harus berupa objek JSON'] });
  const parsed = parseBuildReport({ status: 'ok', mulai: 'kemarin', jumlahHalaman: 1.5, pesan: 3 });
  expect('problems' in parsed && parsed.problems).toEqual([
    'status harus salah satu dari: berjalan, berhasil, gagal',
    'pesan harus berupa teks',
    'mulai harus berupa waktu ISO 8601',
    'jumlahHalaman harus berupa angka bulat tidak negatif',
  ]);
});

test('a long build log keeps its tail, where the error is', () => {
  const parsed = parseBuildReport({ status: 'gagal', pesan: `${'x'.repeat(9000)}Error: API tidak tersedia` });
  expect('report' in parsed && parsed.report.pesan!.endsWith('Error: API tidak tersedia')).toBe(true);
  expect('report' in parsed && parsed.report.pesan!.length).toBeLessThanOrEqual(4000);
});

test('the bearer token is compared exactly', () => {
  const eq = crypto.timingSafeEqual;
  expect(bearerMatches('Bearer abc', 'abc', eq)).toBe(true);
  expect(bearerMatches('bearer   abc ', 'abc', eq)).toBe(true);
  expect(bearerMatches('Bearer abcd', 'abc', eq)).toBe(false);
  expect(bearerMatches('Basic abc', 'abc', eq)).toBe(false);
  expect(bearerMatches(undefined, 'abc', eq)).toBe(false);
  expect(bearerMatches('Bearer ', '', eq)).toBe(false);
});
