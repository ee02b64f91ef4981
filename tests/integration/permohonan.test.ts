import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { answerDeadline, extendedDeadline, objectionAnswerDeadline } from '../../src/permohonan/rules';
import { workflowRuntime } from '../../src/workflow';
import { erasePersonalData } from '../../src/permohonan';
import { validEntry } from '../helpers/dip';
import { makePdf } from '../../src/seed/pdf';
import { deliverNotices } from '../../src/outbox/sender';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const REQ = 'api::permohonan-informasi.permohonan-informasi';
const KEB = 'api::keberatan.keberatan';
const tokens: Record<string, string> = {};
/** What reached the mail server: the notices queued so far are delivered first (the outbox's sender). */
const outbox = async (): Promise<any[]> => {
  await deliverNotices(strapi);
  return ((globalThis as any).__ppidOutbox ??= []);
};

beforeAll(async () => {
  // A generous rate limit for this file; the limit itself is tested at the end with its own counter.
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, PPID_REQUEST_RATE_PER_HOUR: '1000', PPID_REQUEST_LOOKUPS_PER_HOUR: '1000' });
  for (const role of ['operator', 'sub-koordinator', 'koordinator', 'atasan-ppid', 'kepala-dinas']) {
    tokens[role] = await adminToken(strapi, (await createAdmin(strapi, role)).id);
  }
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const move = (role: string, type: string, id: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/${type}/${id}/transitions`).set(as(role)).send({ to, ...(note ? { note } : {}) });

const good = (over: Record<string, unknown> = {}) => ({
  jenisPemohon: 'perorangan',
  nama: 'Siti Rahmawati',
  nomorIdentitas: '3175012345678901',
  alamat: 'Jl. Merdeka No. 10, Padang',
  telepon: '081234567890',
  email: 'siti@contoh.id',
  pekerjaan: 'Wiraswasta',
  rincianInformasi: 'Daftar penerima hibah tahun 2025',
  tujuanPenggunaan: 'Bahan penelitian skripsi',
  caraMemperoleh: 'salinan_softcopy',
  caraMenerima: 'email',
  ...over,
});

/** Every table that a submission could touch, counted. */
async function snapshot() {
  const count = (uid: string) => strapi.db.query(uid as any).count();
  const counter = await strapi.db.connection('ppid_penghitung_nomor').select('*').orderBy('kunci');
  return {
    requests: await count(REQ),
    objections: await count(KEB),
    audit: await count('api::riwayat-alur.riwayat-alur'),
    timers: await count('api::timer-sla.timer-sla'),
    counter,
  };
}

const submit = (data: unknown) => http().post('/api/permohonan-informasi').send({ data });
const docOf = (nomor: string) => strapi.db.query(REQ as any).findOne({ where: { nomorRegistrasi: nomor } });

describe('public submission', () => {
  test('good input is stored with a sequential number, a hashed code and a deadline of 10 working days', async () => {
    const res = await submit(good());
    expect(res.status).toBe(201);
    const year = new Date(res.body.data.diterimaPada).getUTCFullYear();
    expect(res.body.data.nomorRegistrasi).toMatch(new RegExp(`^\\d{3}/PPID/${year}$`));
    expect(res.body.data.kodeLacak).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const row = await docOf(res.body.data.nomorRegistrasi);
    expect(row.statusAlur).toBe('diterima');
    expect(row.kodeLacakHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(res.body.data.kodeLacak);
    const cal = await workflowRuntime(strapi).calendars.get();
    expect(new Date(row.batasWaktu).toISOString()).toBe(answerDeadline(new Date(row.diterimaPada), cal).toISOString());
    const mail = (await outbox()).find((m) => m.to === 'siti@contoh.id' && m.subject.includes(res.body.data.nomorRegistrasi));
    expect(mail.text).toContain(res.body.data.kodeLacak);
  });

  const bad: [string, unknown, string | null, RegExp][] = [
    ['missing name', good({ nama: '' }), 'nama', /Nama wajib diisi/],
    ['bad NIK', good({ nomorIdentitas: '123' }), 'nomorIdentitas', /NIK harus terdiri atas 16 angka/],
    ['bad e-mail', good({ email: 'bukan-email' }), 'email', /Alamat e-mail tidak valid/],
    ['bad phone', good({ telepon: 'abc' }), 'telepon', /Nomor telepon tidak valid/],
    ['over-long information', good({ rincianInformasi: 'x'.repeat(5001) }), 'rincianInformasi', /terlalu panjang/],
    ['bad way to obtain', good({ caraMemperoleh: 'fax' }), 'caraMemperoleh', /Cara memperoleh/],
    ['bad way to receive', good({ caraMenerima: 'merpati' }), 'caraMenerima', /Cara mendapatkan/],
    ['a system field', good({ statusAlur: 'dikabulkan' }), 'statusAlur', /tidak dikenal/],
    ['a number of its own', good({ nomorRegistrasi: '999/PPID/2026' }), 'nomorRegistrasi', /tidak dikenal/],
    ['no data', null, 'data', /objek JSON/],
    ['the honeypot filled', good({ situsWeb: 'http://spam.example' }), null, /tidak dapat diterima/],
  ];
  test.each(bad)('%s: 400 with a clear message, nothing stored', async (_name, data, field, message) => {
    const before = await snapshot();
    const res = await submit(data);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    if (field) expect(res.body.error.details.errors.find((e: any) => e.path[0] === field).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  test('a body over 32 KB: 413, nothing stored', async () => {
    const before = await snapshot();
    const res = await submit(good({ rincianInformasi: 'x'.repeat(40_000) }));
    expect(res.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  test('50 concurrent submissions get 50 distinct, consecutive numbers', async () => {
    const before = await strapi.db.query(REQ as any).count();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(good({ nama: `Pemohon Serentak ${String.fromCharCode(65 + (i % 26))}` }))));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const seq = results.map((r) => Number(r.body.data.nomorRegistrasi.split('/')[0])).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(50);
    expect(seq[49] - seq[0]).toBe(49);
    expect(seq[0]).toBe(before + 1);
    expect(await strapi.db.query(REQ as any).count()).toBe(before + 50);
  });
});

describe('tracking', () => {
  test('the right code shows status and deadline, never personal data; a wrong code answers like an unknown number', async () => {
    const { body } = await submit(good({ email: 'lacak@contoh.id' }));
    const { nomorRegistrasi, kodeLacak } = body.data;
    const ok = await http().get('/api/permohonan-informasi/status').query({ nomor: nomorRegistrasi, kode: kodeLacak.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ nomorRegistrasi, status: 'diterima', selesai: false, diperpanjang: false, keputusan: null });
    expect(ok.body.data.batasWaktu).toBe(body.data.batasWaktu);
    const text = JSON.stringify(ok.body);
    for (const personal of ['Siti', '3175012345678901', 'lacak@contoh.id', '081234567890', 'Merdeka', 'Wiraswasta']) expect(text).not.toContain(personal);

    const wrong = await http().get('/api/permohonan-informasi/status').query({ nomor: nomorRegistrasi, kode: 'AAAA-BBBB-CCCC' });
    const unknown = await http().get('/api/permohonan-informasi/status').query({ nomor: '999/PPID/1999', kode: kodeLacak });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect((await http().get('/api/permohonan-informasi/status').query({ nomor: nomorRegistrasi })).status).toBe(400);
  });
});

describe('the public site on another origin', () => {
  test('CORS lets the site origin POST the form and the tracking look-up; no other origin, nothing else', async () => {
    const site = 'http://127.0.0.1:8080'; // SITE_ORIGINS default
    for (const path of ['/api/permohonan-informasi', '/api/permohonan-informasi/status']) {
      const pre = await http().options(path).set('Origin', site).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers['access-control-allow-origin']).toBe(site);
      expect(pre.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      const other = await http().options(path).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    }
    const admin = await http().options('/ppid/permohonan/x/terbitkan-dip').set('Origin', site).set('Access-Control-Request-Method', 'POST');
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
    const res = await http().post('/api/permohonan-informasi/status').set('Origin', site).send({ data: { nomor: '1/PPID/2000', kode: 'AAAA-BBBB-CCCC' } });
    expect(res.status).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe(site);
  });
});

describe('no tracking code or personal data in the logs', () => {
  test('the request log line of a tracking look-up has the number but not the code; submission lines carry no personal data', async () => {
    const lines: string[] = [];
    const spies = (['http', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(strapi.log, level as any).mockImplementation(((message: unknown) => {
        lines.push(`${level} ${String(message)}`);
      }) as any),
    );
    try {
      const personal = { nama: 'Rahasia Pribadi', nomorIdentitas: '3175099988877766', email: 'rahasia@contoh.id', telepon: '081377766655', alamat: 'Jl. Rahasia No. 7' };
      const { body } = await submit(good(personal));
      const { nomorRegistrasi, kodeLacak } = body.data;
      await http().get('/api/permohonan-informasi/status').query({ nomor: nomorRegistrasi, kode: kodeLacak });
      await http().get('/api/permohonan-informasi/status').query({ nomor: nomorRegistrasi, kode: 'AAAA-BBBB-CCCC' });
      const posted = await http().post('/api/permohonan-informasi/status').send({ data: { nomor: nomorRegistrasi, kode: kodeLacak } });
      expect(posted.status).toBe(200);
      expect(posted.body.data.nomorRegistrasi).toBe(nomorRegistrasi);
      // A bad submission (its body is never logged either).
      await submit(good({ ...personal, email: 'bukan-email' }));

      const httpLines = lines.filter((l) => l.startsWith('http '));
      const lookup = httpLines.filter((l) => l.includes('/api/permohonan-informasi/status?'));
      expect(lookup).toHaveLength(2);
      expect(lookup[0]).toMatch(/^http GET \/api\/permohonan-informasi\/status\?nomor=\S+&kode=\[disamarkan\] \(\d+ ms\) 200$/);
      expect(lookup[1]).toMatch(/kode=\[disamarkan\] \(\d+ ms\) 404$/);
      expect(httpLines.some((l) => /^http POST \/api\/permohonan-informasi\/status \(\d+ ms\) 200$/.test(l))).toBe(true);
      expect(httpLines.filter((l) => /^http POST \/api\/permohonan-informasi \(/.test(l))).toHaveLength(2);
      const all = lines.join('\n');
      const plain = kodeLacak.replace(/-/g, '');
      for (const secret of [kodeLacak, plain, kodeLacak.toLowerCase(), 'AAAA-BBBB-CCCC', ...Object.values(personal), 'bukan-email']) {
        expect(all).not.toContain(secret);
      }
      expect(all).toContain(nomorRegistrasi);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

async function newRequest(email = 'alur@contoh.id') {
  const { body } = await submit(good({ email }));
  const row = await docOf(body.data.nomorRegistrasi);
  return { ...body.data, documentId: row.documentId as string, row };
}

describe('workflow, legal deadline and answers', () => {
  test('processed, extended once with a reason (+7 working days on the deadline), then granted; the requester is e-mailed at each step', async () => {
    const r = await newRequest('perpanjang@contoh.id');
    expect((await move('koordinator', 'permohonan-informasi', r.documentId, 'diproses')).status).toBe(403);
    expect((await move('operator', 'permohonan-informasi', r.documentId, 'diproses')).status).toBe(200);
    const noReason = await move('koordinator', 'permohonan-informasi', r.documentId, 'diperpanjang');
    expect(noReason.status).toBe(422);
    expect((await docOf(r.nomorRegistrasi)).batasWaktu).toEqual(r.row.batasWaktu);
    expect((await move('koordinator', 'permohonan-informasi', r.documentId, 'diperpanjang', 'Informasi tersebar di tiga bidang')).status).toBe(200);
    const extended = await docOf(r.nomorRegistrasi);
    const cal = await workflowRuntime(strapi).calendars.get();
    expect(extended.diperpanjang).toBe(true);
    expect(extended.alasanPerpanjangan).toBe('Informasi tersebar di tiga bidang');
    expect(new Date(extended.batasWaktu).toISOString()).toBe(extendedDeadline(new Date(r.row.batasWaktu), cal).toISOString());
    // Only once: no step leads from "diperpanjang" back to "diproses" or to a second extension.
    expect((await move('koordinator', 'permohonan-informasi', r.documentId, 'diproses')).status).toBe(422);
    expect((await move('koordinator', 'permohonan-informasi', r.documentId, 'dikabulkan')).status).toBe(200);
    const answered = await docOf(r.nomorRegistrasi);
    expect(answered.dijawabPada).toBeTruthy();
    const mails = (await outbox()).filter((m) => m.to === 'perpanjang@contoh.id').map((m) => m.subject);
    expect(mails.some((s) => /Sedang diproses/.test(s))).toBe(true);
    expect(mails.some((s) => /Diperpanjang/.test(s))).toBe(true);
    expect(mails.some((s) => /Dikabulkan/.test(s))).toBe(true);
    const track = await http().get('/api/permohonan-informasi/status').query({ nomor: r.nomorRegistrasi, kode: r.kodeLacak });
    expect(track.body.data).toMatchObject({ status: 'dikabulkan', selesai: true, keputusan: 'Dikabulkan', diperpanjang: true });
  });

  test('each kind of answer: partly granted needs the redaction note; refusal needs an exempt DIP entry; not held; forwarded', async () => {
    const partly = await newRequest();
    await move('operator', 'permohonan-informasi', partly.documentId, 'diproses');
    expect((await move('koordinator', 'permohonan-informasi', partly.documentId, 'dikabulkan_sebagian')).status).toBe(422);
    expect((await move('koordinator', 'permohonan-informasi', partly.documentId, 'dikabulkan_sebagian', 'NIK penerima dihitamkan')).status).toBe(200);

    const refused = await newRequest();
    await move('sub-koordinator', 'permohonan-informasi', refused.documentId, 'diproses');
    const before = await snapshot();
    const noGround = await move('koordinator', 'permohonan-informasi', refused.documentId, 'ditolak', 'Pasal 17 huruf a');
    expect(noGround.status).toBe(422);
    expect(noGround.body.error.message).toMatch(/dikecualikan/);
    expect(await snapshot()).toEqual(before);
    const exempt = await (strapi.documents('api::dip-document.dip-document' as any) as any).create({
      locale: 'id',
      data: {
        ...validEntry('DIP/X/1'),
        kategori: 'dikecualikan',
        dasarHukumPengecualian: 'UU 14/2008 Pasal 17 huruf b',
        ringkasanUjiKonsekuensi: 'Membuka informasi ini dapat mengganggu persaingan usaha.',
        jangkaWaktuPengecualian: '5 tahun',
      },
    });
    await strapi.db.query(REQ as any).update({ where: { documentId: refused.documentId }, data: { dasarPengecualian: [exempt.id] } });
    expect((await move('koordinator', 'permohonan-informasi', refused.documentId, 'ditolak', 'Informasi dikecualikan')).status).toBe(200);
    const track = await http().get('/api/permohonan-informasi/status').query({ nomor: refused.nomorRegistrasi, kode: refused.kodeLacak });
    expect(track.body.data.dasarPengecualian).toEqual(['UU 14/2008 Pasal 17 huruf b']);

    const notHeld = await newRequest();
    expect((await move('koordinator', 'permohonan-informasi', notHeld.documentId, 'tidak_dikuasai', 'Bukan kewenangan dinas ini')).status).toBe(200);
    const forwarded = await newRequest();
    expect((await move('koordinator', 'permohonan-informasi', forwarded.documentId, 'diteruskan', 'Diteruskan ke BPS Provinsi')).status).toBe(200);
    for (const r of [partly, refused, notHeld, forwarded]) expect((await docOf(r.nomorRegistrasi)).dijawabPada).toBeTruthy();
  });
});

describe('objections', () => {
  test('registered with its deadline of 30 working days, answered by the atasan PPID only; late filing refused', async () => {
    const r = await newRequest('keberatan@contoh.id');
    const cm = `/content-manager/collection-types/${KEB}`;
    const before = await snapshot();
    const late = await http().post(cm).set(as('operator')).send({
      permohonan: { connect: [{ documentId: r.documentId }] },
      alasan: 'tidak_ditanggapi',
      tanggalAlasan: '2020-01-06T03:00:00.000Z',
      ringkasanKasus: 'Permohonan tidak ditanggapi sama sekali.',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/30 hari kerja/);
    expect(await snapshot()).toEqual(before);

    const res = await http().post(cm).set(as('operator')).send({
      permohonan: { connect: [{ documentId: r.documentId }] },
      alasan: 'tidak_ditanggapi',
      tanggalAlasan: new Date().toISOString(),
      ringkasanKasus: 'Permohonan tidak ditanggapi sama sekali.',
      batasTanggapan: '2099-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(201);
    const row = await strapi.db.query(KEB as any).findOne({ where: { documentId: res.body.data.documentId } });
    expect(row.nomorRegistrasi).toMatch(/^\d{3}\/KEB\/PPID\/\d{4}$/);
    const cal = await workflowRuntime(strapi).calendars.get();
    expect(new Date(row.batasTanggapan).toISOString()).toBe(objectionAnswerDeadline(new Date(row.diajukanPada), cal).toISOString());
    expect(row.statusAlur).toBe('diajukan');
    expect((await move('koordinator', 'keberatan', row.documentId, 'ditolak', 'x')).status).toBe(403);
    expect((await move('atasan-ppid', 'keberatan', row.documentId, 'dikabulkan', 'PPID wajib menjawab dalam 3 hari kerja')).status).toBe(200);
    const answered = await strapi.db.query(KEB as any).findOne({ where: { id: row.id } });
    expect(answered.ditanggapiPada).toBeTruthy();
    expect(answered.tanggapanAtasan).toBe('PPID wajib menjawab dalam 3 hari kerja');
    expect((await outbox()).some((m) => m.to === 'keberatan@contoh.id' && /Keberatan .*dikabulkan/.test(m.subject))).toBe(true);

    // The requester took it to the Komisi Informasi: recorded by the atasan PPID, not by others.
    const escalation = { keKomisiInformasi: true, tanggalKeKomisi: '2026-05-04', putusanKomisi: 'Mediasi: informasi diberikan sebagian' };
    const before2 = await snapshot();
    expect((await http().put(`${cm}/${row.documentId}`).set(as('kepala-dinas')).send(escalation)).status).toBe(403);
    expect(await snapshot()).toEqual(before2);
    const recorded = await http().put(`${cm}/${row.documentId}`).set(as('atasan-ppid')).send(escalation);
    expect(recorded.status).toBe(200);
    const escalated = await strapi.db.query(KEB as any).findOne({ where: { id: row.id } });
    expect(escalated).toMatchObject({ keKomisiInformasi: true, putusanKomisi: 'Mediasi: informasi diberikan sebagian', statusAlur: 'dikabulkan' });
    expect(String(escalated.tanggalKeKomisi)).toMatch(/^2026-05-04/);
    const stats = await http().get('/api/statistik-permohonan').query({ tahun: row.tahun });
    expect(stats.body.data.keberatan.keKomisiInformasi).toBe(await strapi.db.query(KEB as any).count({ where: { tahun: row.tahun, keKomisiInformasi: true } }));
    expect(stats.body.data.keberatan.keKomisiInformasi).toBeGreaterThan(0);
  });
});

describe('statistics and privacy', () => {
  test('public statistics equal direct counts over the history above, with no personal data', async () => {
    const year = Number((await strapi.db.query(REQ as any).findOne({ orderBy: { id: 'desc' } })).tahun);
    const res = await http().get('/api/statistik-permohonan').query({ tahun: year });
    expect(res.status).toBe(200);
    const rows = await strapi.db.query(REQ as any).findMany({ where: { tahun: year } });
    const s = res.body.data;
    expect(s.jumlahPermohonan).toBe(rows.length);
    for (const outcome of ['dikabulkan', 'dikabulkan_sebagian', 'ditolak', 'tidak_dikuasai', 'diteruskan']) {
      expect(s.keputusan[outcome]).toBe(rows.filter((r: any) => r.statusAlur === outcome).length);
    }
    expect(s.selesai).toBe(rows.filter((r: any) => r.dijawabPada).length);
    expect(s.diperpanjang).toBe(rows.filter((r: any) => r.diperpanjang).length);
    expect(s.tepatWaktu).toBe(rows.filter((r: any) => r.dijawabPada && new Date(r.dijawabPada) <= new Date(r.batasWaktu)).length);
    expect(s.keberatan.jumlah).toBe(await strapi.db.query(KEB as any).count());
    expect(s.keberatan.hasil.dikabulkan).toBe(1);
    expect(JSON.stringify(s)).not.toMatch(/contoh\.id|Siti/);
    expect((await http().get('/api/statistik-permohonan').query({ tahun: 'abc' })).status).toBe(400);
  });

  test('the Kepala Dinas cannot read requesters in the Content Manager; the handling roles can', async () => {
    const cm = `/content-manager/collection-types/${REQ}`;
    expect((await http().get(cm).set(as('kepala-dinas'))).status).toBe(403);
    const list = await http().get(cm).set(as('operator'));
    expect(list.status).toBe(200);
    expect(list.body.results[0].nama).toBeTruthy();
  });

  test('personal data is erased after the retention period; the register row stays, anonymised', async () => {
    const r = await newRequest('retensi@contoh.id');
    // The office attached the KTP.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ktp-'));
    const ktp = makePdf('KTP', ['Salinan KTP pemohon']);
    fs.writeFileSync(path.join(tmp, 'ktp.pdf'), ktp);
    const [file] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: 'ktp.pdf' } },
      files: { filepath: path.join(tmp, 'ktp.pdf'), originalFilename: 'ktp.pdf', mimetype: 'application/pdf', size: ktp.length },
    });
    await strapi.db.query(REQ as any).update({ where: { documentId: r.documentId }, data: { lampiranKtp: file.id } });
    await move('koordinator', 'permohonan-informasi', r.documentId, 'tidak_dikuasai', 'Bukan kewenangan');
    const sixYears = new Date(Date.now() + 6 * 366 * 86_400_000);
    const erased = await erasePersonalData(strapi, sixYears);
    expect(erased).toBeGreaterThan(0);
    const row = await docOf(r.nomorRegistrasi);
    expect(row.email).toBe('-');
    expect(row.nama).toMatch(/Dihapus/);
    expect(row.kodeLacakHash).toBeNull();
    expect(row.dianonimkanPada).toBeTruthy();
    expect(row.rincianInformasi).toBe('Daftar penerima hibah tahun 2025');
    expect(row.statusAlur).toBe('tidak_dikuasai');
    expect(await strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } })).toBeNull();
    expect((await strapi.db.query(REQ as any).findOne({ where: { id: row.id }, populate: ['lampiranKtp'] })).lampiranKtp).toBeNull();
    expect(await erasePersonalData(strapi, sixYears)).toBe(0);
  });
});

describe('registers and the annual report', () => {
  const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  test('the request register as JSON and XLSX with the usual columns, for the handling roles only', async () => {
    const year = Number((await strapi.db.query(REQ as any).findOne({ orderBy: { id: 'desc' } })).tahun);
    const json = await http().get('/ppid/register/permohonan').query({ tahun: year }).set(as('operator'));
    expect(json.status).toBe(200);
    expect(json.body.data.columns).toEqual(expect.arrayContaining(['No. registrasi', 'Dikuasai/belum didokumentasikan', 'Softcopy/hardcopy', 'Melihat/salinan', 'Keputusan', 'Alasan penolakan', 'Biaya (Rp)']));
    expect(json.body.data.rows).toHaveLength(await strapi.db.query(REQ as any).count({ where: { tahun: year } }));
    const refusedRow = json.body.data.rows.find((r: any[]) => r[12] === 'Ditolak');
    expect(refusedRow[13]).toBe('UU 14/2008 Pasal 17 huruf b');

    const auditBefore = await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { peristiwa: 'ekspor_register' } });
    const xlsx = await http().get('/ppid/register/permohonan.xlsx').query({ tahun: year }).set(as('koordinator')).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('No. registrasi');
    expect(ws.rowCount).toBe(json.body.data.rows.length + 1);
    expect(await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { peristiwa: 'ekspor_register' } })).toBe(auditBefore + 1);

    for (const role of ['kepala-dinas', 'atasan-ppid']) {
      expect((await http().get('/ppid/register/permohonan.xlsx').set(as(role))).status).toBe(403);
    }
    expect((await http().get('/ppid/register/permohonan').query({ tahun: year })).status).toBe(401);
  });

  test('the objection register is open to the atasan PPID; the annual report to every admin, aggregates only', async () => {
    const year = new Date().getUTCFullYear();
    const keb = await http().get('/ppid/register/keberatan').set(as('atasan-ppid'));
    expect(keb.status).toBe(200);
    expect(keb.body.data.columns).toEqual(expect.arrayContaining(['No. keberatan', 'Alasan keberatan (Pasal 35 ayat 1)', 'Ringkasan kasus', 'Keputusan atasan PPID', 'Tanggal tanggapan']));
    expect(keb.body.data.rows.length).toBe(await strapi.db.query(KEB as any).count({ where: { tahun: year } }));
    const report = await http().get('/ppid/laporan-layanan-informasi.xlsx').query({ tahun: year }).set(as('kepala-dinas')).buffer(true).parse(binary);
    expect(report.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const values = wb.worksheets[0].getSheetValues().flat().map(String).join(' ');
    expect(values).toContain('Jumlah permohonan informasi');
    expect(values).not.toMatch(/contoh\.id|Siti/);
  });
});

describe('office registration and exemption links', () => {
  test('a request registered by the Operator in the Content Manager gets the next number and the legal deadline; system fields sent are ignored', async () => {
    const res = await http().post(`/content-manager/collection-types/${REQ}`).set(as('operator')).send({
      ...good({ email: 'loket@contoh.id' }),
      saluran: 'surat',
      nomorRegistrasi: '999/PALSU/2026',
      batasWaktu: '2099-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(201);
    const row = await strapi.db.query(REQ as any).findOne({ where: { documentId: res.body.data.documentId } });
    expect(row.nomorRegistrasi).toMatch(/^\d{3}\/PPID\/\d{4}$/);
    expect(row.nomorRegistrasi).not.toBe('999/PALSU/2026');
    const cal = await workflowRuntime(strapi).calendars.get();
    expect(new Date(row.batasWaktu).toISOString()).toBe(answerDeadline(new Date(row.diterimaPada), cal).toISOString());
    expect(row.saluran).toBe('surat');
    expect(row.statusAlur).toBe('diterima');
  });

  test('the exemption ground must be a dikecualikan DIP entry: another kind is refused and nothing changes', async () => {
    const r = await newRequest();
    const dip = strapi.documents('api::dip-document.dip-document' as any) as any;
    const open = await dip.create({ locale: 'id', data: validEntry('DIP/TERBUKA/1') });
    const before = await snapshot();
    const links = async () => (await strapi.db.query(REQ as any).findOne({ where: { documentId: r.documentId }, populate: ['dasarPengecualian'] })).dasarPengecualian;
    await expect(
      (strapi.documents(REQ as any) as any).update({ documentId: r.documentId, data: { dasarPengecualian: { connect: [{ documentId: open.documentId, locale: 'id' }] } } }),
    ).rejects.toThrow(/berkategori "dikecualikan"/);
    expect(await links()).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
