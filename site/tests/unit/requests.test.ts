import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HONEYPOT, apiOrigin, days, fieldErrors, normaliseStatistics, payloadFrom, percent, statisticsYears } from '../../src/lib/requests.ts';
import { CSP_META, cspHeaderFor, cspMetaFor } from '../../src/lib/csp.ts';
import { paths, switchLangPath } from '../../src/lib/routes.ts';

test('the form sends only its own fields, and always the (empty) honeypot', () => {
  const body = payloadFrom([['nama', 'Siti'], ['email', 'a@b.id'], ['lainnya', 'x'], ['telepon', 5 as unknown as string]]);
  assert.deepEqual(body, { data: { nama: 'Siti', email: 'a@b.id', [HONEYPOT]: '' } });
  assert.deepEqual(payloadFrom([[HONEYPOT, 'http://spam']]).data[HONEYPOT], 'http://spam');
});

test('a refusal becomes one message per field (the first), plus the summary', () => {
  const body = {
    error: {
      message: 'NIK harus terdiri atas 16 angka. Alamat e-mail tidak valid.',
      details: { errors: [{ path: ['nomorIdentitas'], message: 'NIK harus terdiri atas 16 angka.' }, { path: ['email'], message: 'Alamat e-mail tidak valid.' }, { path: ['email'], message: 'kedua' }, { path: [], message: 'tanpa kolom' }] },
    },
  };
  assert.deepEqual(fieldErrors(body), {
    summary: 'NIK harus terdiri atas 16 angka. Alamat e-mail tidak valid.',
    fields: { nomorIdentitas: 'NIK harus terdiri atas 16 angka.', email: 'Alamat e-mail tidak valid.' },
  });
  assert.deepEqual(fieldErrors({ error: { message: 'Terlalu banyak permintaan' } }), { summary: 'Terlalu banyak permintaan', fields: {} });
  assert.deepEqual(fieldErrors(null), { summary: '', fields: {} });
  assert.deepEqual(fieldErrors('<html>'), { summary: '', fields: {} });
});

test('the CMS origin goes into connect-src of the meta and the header; nothing else changes', () => {
  assert.equal(apiOrigin('https://cms.ppid.example.go.id/'), 'https://cms.ppid.example.go.id');
  assert.equal(apiOrigin('http://127.0.0.1:1337/api'), 'http://127.0.0.1:1337');
  assert.equal(apiOrigin('javascript:alert(1)'), null);
  assert.equal(apiOrigin(''), null);
  const meta = cspMetaFor('https://cms.example');
  assert.match(meta, /connect-src 'self' https:\/\/cms\.example;/);
  assert.equal(meta.replace(" https://cms.example", ''), CSP_META);
  assert.doesNotMatch(meta, /unsafe-inline/);
  assert.match(cspHeaderFor('https://cms.example'), /frame-ancestors 'none'$/);
  assert.equal(cspMetaFor(null), CSP_META);
});

test('the pages live under /permohonan/ and /statistik/ in both languages', () => {
  assert.equal(paths.request('id'), '/permohonan/');
  assert.equal(paths.track('en'), '/en/permohonan/lacak/');
  assert.equal(paths.statistics('id'), '/statistik/');
  assert.equal(switchLangPath('/permohonan/lacak/', 'en'), '/en/permohonan/lacak/');
});

const stats = (over: Record<string, unknown> = {}) => ({
  data: {
    tahun: 2026, jumlahPermohonan: 3, perBulan: [0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0], selesai: 2, dalamProses: 1, diperpanjang: 0,
    keputusan: { dikabulkan: 2, dikabulkan_sebagian: 0, ditolak: 0, tidak_dikuasai: 0, diteruskan: 0 },
    proporsiKeputusan: { dikabulkan: 1, dikabulkan_sebagian: 0, ditolak: 0, tidak_dikuasai: 0, diteruskan: 0 },
    medianHariKerja: 4.5, rataRataHariKerja: 4.5, tepatWaktu: 2, proporsiTepatWaktu: 1, alasanPenolakan: {},
    keberatan: { jumlah: 0, perAlasan: {}, hasil: { dikabulkan: 0, ditolak: 0 }, belumDitanggapi: 0, keKomisiInformasi: 0 },
    ...over,
  },
});

test('statistics are taken only in the expected shape', () => {
  assert.equal(normaliseStatistics(stats())?.jumlahPermohonan, 3);
  assert.equal(normaliseStatistics(stats({ perBulan: [1, 2] })), null);
  assert.equal(normaliseStatistics(stats({ jumlahPermohonan: -1 })), null);
  assert.equal(normaliseStatistics(stats({ proporsiTepatWaktu: 2 })), null);
  assert.equal(normaliseStatistics(stats({ keberatan: null })), null);
  assert.equal(normaliseStatistics({ error: {} }), null);
});

test('shares, working days and the years shown', () => {
  assert.equal(percent(null, 'id-ID'), '–');
  assert.equal(percent(0.6667, 'en-GB'), '66.7%');
  assert.match(percent(0.5, 'id-ID'), /^50\s?%$/);
  assert.equal(days(4.5, 'id-ID'), '4,5');
  assert.equal(days(null, 'en-GB'), '–');
  // 31 Dec 2025 18:00 UTC is already 1 Jan 2026 in WIB.
  assert.deepEqual(statisticsYears(new Date('2025-12-31T18:00:00Z')), { current: 2026, previous: 2025 });
});
