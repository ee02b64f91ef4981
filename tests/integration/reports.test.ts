import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { dipHarness } from '../helpers/dip';
import { ipcClient } from '../helpers/ipc';
import { ensureReportDrafts, REPORT_UID } from '../../src/reports/drafts';
import { median } from '../../src/permohonan/statistics';
import { processExports } from '../../src/reports/jobs';
import { publishScheduled } from '../../src/schedule/publish-scheduled';
import { loadFigures } from '../../src/reports/load';

let strapi: Core.Strapi;
let dip: ReturnType<typeof dipHarness>;
const http = () => request(strapi.server.httpServer);
const DIP = 'api::dip-document.dip-document';
const TIMER = 'api::timer-sla.timer-sla';
const JOBS = 'api::ekspor-laporan.ekspor-laporan';
const KONTEN = 'api::konten-terjadwal.konten-terjadwal';
const OFFSET = 420 * 60_000;

/** The first instant of next month, office time: the month of "now" has just ended. */
function nextMonthStart(now = new Date()): Date {
  const local = new Date(now.getTime() + OFFSET);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1, 0, 5) - OFFSET);
}
const thisMonthKey = () => new Date(Date.now() + OFFSET).toISOString().slice(0, 7);

beforeAll(async () => {
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, PPID_OFFICE_NAME: 'Dinas Komunikasi dan Informatika', PPID_OFFICE_CITY: 'Bukittinggi' });
  dip = dipHarness(strapi);
  await dip.signInAll();
});
afterAll(teardownStrapi);

const reportOfThisMonth = () => strapi.db.query(REPORT_UID).findOne({ where: { kunciOtomatis: `evaluasi_koordinator:${thisMonthKey()}` } });
const snapshotReport = async (documentId: string) => JSON.parse(JSON.stringify(await strapi.db.query(REPORT_UID).findOne({ where: { documentId } })));

describe('figures from the record', () => {
  let berkalaA: string;
  test('a scripted month: publications, a send-back with its reason, an update; the draft figures equal direct counts', async () => {
    berkalaA = await dip.publishedEntry('RPT/1');
    await dip.publishedEntry('RPT/2', { file: false });
    const setiapSaat = await dip.create('operator', 'RPT/3', { kategori: 'setiap_saat' });
    expect((await dip.move('operator', setiapSaat, 'id', 'menunggu_persetujuan')).status).toBe(200);
    expect((await dip.move('koordinator', setiapSaat, 'id', 'dikembalikan', 'Bukan informasi setiap saat: lampiran kosong')).status).toBe(200);
    await dip.approve(setiapSaat, 'id');
    expect((await dip.publish('operator', setiapSaat, 'id')).status).toBe(200);
    // An update of an online berkala entry: approved again and published again.
    expect((await dip.update('operator', berkalaA, 'id', { ringkasan: 'Ringkasan baru.' })).status).toBe(200);
    await dip.approve(berkalaA, 'id');
    expect((await dip.publish('operator', berkalaA, 'id')).status).toBe(200);

    const created = await ensureReportDrafts(strapi, nextMonthStart());
    expect(created).toContain(`evaluasi_koordinator:${thisMonthKey()}`);
    const report = await reportOfThisMonth();
    expect(report).toMatchObject({ jenis: 'evaluasi_koordinator', statusAlur: 'draf' });
    const f = report.angka;
    const cat = Object.fromEntries(f.dip.perKategori.map((r: any) => [r.kategori, r]));
    expect(cat.berkala).toMatchObject({ terbit: 2, diperbarui: 1 });
    expect(cat.setiap_saat).toMatchObject({ terbit: 1, diperbarui: 0 });
    expect(f.dikembalikanKoordinator.jumlah).toBe(1);
    expect(f.dikembalikanKoordinator.entri[0]).toMatchObject({ nomor: 'RPT/3', alasan: 'Bukan informasi setiap saat: lampiran kosong' });

    // SLA of the approval step: the closed timers in the database, counted and their stored minutes' median.
    const closed = await strapi.db.query(TIMER).findMany({ where: { jenisKonten: DIP, keadaan: 'menunggu_persetujuan', ditutupPada: { $notNull: true } } });
    const row = f.sla.find((r: any) => r.workflow === DIP && r.state === 'menunggu_persetujuan');
    expect(row.jumlah).toBe(closed.length);
    expect(row.terpenuhi).toBe(closed.filter((t: any) => t.terpenuhi).length);
    expect(row.medianMenitKerja).toBe(median(closed.map((t: any) => t.menitKerja)));
    expect(row.terlamaMenitKerja).toBe(Math.max(...closed.map((t: any) => t.menitKerja)));
    expect(report.angkaDihitungPada).toBeTruthy();
  });

  test('the month and semester drafts are created once, also with two calls at the same moment', async () => {
    const at = nextMonthStart();
    const results = await Promise.all([ensureReportDrafts(strapi, at), ensureReportDrafts(strapi, at)]);
    expect(results.flat()).not.toContain(`evaluasi_koordinator:${thisMonthKey()}`);
    const all = await strapi.db.query(REPORT_UID).findMany({ where: { kunciOtomatis: { $notNull: true } } });
    expect(all.map((r: any) => r.kunciOtomatis).sort()).toEqual([...new Set(all.map((r: any) => r.kunciOtomatis))].sort());
    expect(all.filter((r: any) => r.jenis === 'evaluasi_pengelolaan')).toHaveLength(1);
  });

  test('with two instances on one database each period draft exists once', async () => {
    const later = new Date(nextMonthStart().getTime() + 40 * 86_400_000); // two months on: a new month draft
    const child: ChildProcess = fork(path.join(__dirname, '../helpers/second-instance.js'), [], { env: { ...process.env }, stdio: 'inherit' });
    const { ready, call } = ipcClient(child, 'second instance');
    const remote = (op: string, now: Date) => call(op, { now: now.toISOString() });
    try {
      await ready;
      const [local, other] = await Promise.all([ensureReportDrafts(strapi, later), remote('reportDrafts', later)]);
      const made = [...local, ...other];
      const monthKey = made.find((k: string) => k.startsWith('evaluasi_koordinator:'));
      expect(monthKey).toBeDefined();
      expect(made.filter((k: string) => k === monthKey)).toHaveLength(1);
      expect(await strapi.db.query(REPORT_UID).count({ where: { kunciOtomatis: monthKey } })).toBe(1);
      // the creation is recorded once in the audit trail as well
      const row = await strapi.db.query(REPORT_UID).findOne({ where: { kunciOtomatis: monthKey } });
      expect(await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { dokumenId: row.documentId, peristiwa: 'dibuat' } })).toBe(1);
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        void call('stop').catch(() => undefined);
      });
    }
  });

  test('recompute: the author role only, while a draft; frozen with its time after submission', async () => {
    const report = await reportOfThisMonth();
    const url = `/ppid/laporan/evaluasi/${report.documentId}/angka`;
    const before = await snapshotReport(report.documentId);

    const wrong = await http().post(url).set(dip.as('operator')).send({});
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/hanya dapat dihitung ulang oleh penyusunnya/);
    expect(await snapshotReport(report.documentId)).toEqual(before);

    // A new publication, then a recomputation by the Kepala Dinas counts it.
    await dip.publishedEntry('RPT/4', { file: false });
    const ok = await http().post(url).set(dip.as('kepala-dinas')).send({});
    expect(ok.status).toBe(200);
    const after = await snapshotReport(report.documentId);
    expect(after.angka.dip.perKategori.find((r: any) => r.kategori === 'berkala').terbit).toBe(3);
    expect(after.angkaDihitungPada).not.toBe(before.angkaDihitungPada);
    expect(Math.abs(new Date(after.angkaDihitungPada).getTime() - Date.now())).toBeLessThan(5 * 60_000);

    // The automatic draft has no author yet. A Koordinator writing in the Kepala Dinas's report does
    // not become its author (the edit itself is the Content Manager's permission to judge).
    const cmUrl = `/content-manager/collection-types/${REPORT_UID}/${report.documentId}`;
    const authorOf = async () => (await strapi.db.query(REPORT_UID).findOne({ where: { documentId: report.documentId }, populate: ['createdBy'] }))?.createdBy?.id ?? null;
    expect(await authorOf()).toBeNull();
    await http().put(cmUrl).set(dip.as('koordinator')).send({ rekomendasi: 'Catatan Koordinator.' });
    expect(await authorOf()).toBeNull();

    // An editor writing the figures through the Content Manager changes nothing of them; the
    // Kepala Dinas writing the findings becomes the author.
    const cm = await http()
      .put(cmUrl)
      .set(dip.as('kepala-dinas'))
      .send({
        temuan: 'Temuan rapat evaluasi.',
        tanggalRapat: new Date().toISOString().slice(0, 10),
        pesertaRapat: 'Kepala Dinas, Koordinator PPID, Sub Koordinator',
        angka: { palsu: true },
        angkaDihitungPada: '2020-01-01T00:00:00.000Z',
      });
    expect(cm.status).toBe(200);
    const edited = await snapshotReport(report.documentId);
    expect(edited.temuan).toBe('Temuan rapat evaluasi.');
    expect([edited.angka, edited.angkaDihitungPada]).toEqual([after.angka, after.angkaDihitungPada]);
    expect(await authorOf()).toBe(dip.users['kepala-dinas'].id);

    const submit = await http()
      .post(`/ppid/workflow/laporan-evaluasi/${report.documentId}/transitions`)
      .set(dip.as('kepala-dinas'))
      .send({ to: 'menunggu_tanggapan_koordinator' });
    expect(submit.status).toBe(200);
    const frozen = await snapshotReport(report.documentId);
    const refused = await http().post(url).set(dip.as('kepala-dinas')).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/dibekukan/);
    expect(await snapshotReport(report.documentId)).toEqual(frozen);
  });
});

describe('scheduled content', () => {
  const CMK = `/content-manager/collection-types/${KONTEN}`;
  const moveItem = (role: string, id: string, to: string, note?: string) =>
    http().post(`/ppid/workflow/konten-terjadwal/${id}/transitions`).set(dip.as(role)).send({ to, note });
  const rowOf = (id: string) => strapi.db.query(KONTEN).findOne({ where: { documentId: id } });
  const DAFTAR_CM = '/content-manager/collection-types/api::daftar-konten.daftar-konten';
  /** The quarter's list (issue #9): items join it while it is open and are approved once it is signed. */
  async function openList(periode: string): Promise<string> {
    const res = await http().post(DAFTAR_CM).set(dip.as('sub-koordinator')).send({ periode });
    expect(res.status).toBe(201);
    return res.body.data.documentId;
  }
  async function signList(list: string) {
    const move = (role: string, to: string) => http().post(`/ppid/workflow/daftar-konten/${list}/transitions`).set(dip.as(role)).send({ to });
    expect((await move('sub-koordinator', 'menunggu_tanda_tangan')).status).toBe(200);
    expect((await move('koordinator', 'menunggu_penerimaan')).status).toBe(200);
  }

  test('news without its content cannot be approved; with it, it can', async () => {
    const list = await openList('2026-Q4');
    const res = await http().post(CMK).set(dip.as('sub-koordinator')).send({ judul: 'Berita tanpa isi', jenis: 'berita', periode: '2026-Q4', jadwalTayang: new Date(Date.now() + 3_600_000).toISOString(), daftarKonten: list });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    const dipItem = await http().post(CMK).set(dip.as('sub-koordinator')).send({ judul: 'DIP tanpa dokumen', jenis: 'dokumen_dip', periode: '2026-Q4', jadwalTayang: new Date(Date.now() + 3_600_000).toISOString(), daftarKonten: list });
    expect(dipItem.status).toBe(201);
    expect((await moveItem('sub-koordinator', id, 'menunggu_persetujuan')).status).toBe(200);
    await signList(list);
    const before = JSON.parse(JSON.stringify(await rowOf(id)));
    const refused = await moveItem('koordinator', id, 'disetujui');
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/harus memuat isinya/);
    expect(JSON.parse(JSON.stringify(await rowOf(id)))).toEqual(before);
    // A DIP item without its entry is refused the same way.
    await moveItem('sub-koordinator', dipItem.body.data.documentId, 'menunggu_persetujuan');
    expect((await moveItem('koordinator', dipItem.body.data.documentId, 'disetujui')).body.error.message).toMatch(/harus menautkan dokumen DIP/);

    expect((await moveItem('koordinator', id, 'dikembalikan', 'Lengkapi isinya')).status).toBe(200);
    expect((await http().put(`${CMK}/${id}`).set(dip.as('sub-koordinator')).send({ isi: 'Isi berita layanan informasi.' })).status).toBe(200);
    expect((await moveItem('sub-koordinator', id, 'menunggu_persetujuan')).status).toBe(200);
    expect((await moveItem('koordinator', id, 'disetujui')).status).toBe(200);
  });

  test('an item whose entry is no longer approved at its time fails with the reason; Operator and Sub Koordinator are told; the figures count it', async () => {
    const entry = await dip.create('operator', 'RPT/JADWAL');
    await dip.approve(entry, 'id');
    const at = new Date(Date.now() + 3_600_000);
    const list = await openList('2027-Q1');
    const res = await http().post(CMK).set(dip.as('sub-koordinator')).send({ judul: 'Tayang RPT/JADWAL', jenis: 'dokumen_dip', periode: '2027-Q1', jadwalTayang: at.toISOString(), dokumen: entry, daftarKonten: list });
    const id = res.body.data.documentId;
    expect((await moveItem('sub-koordinator', id, 'menunggu_persetujuan')).status).toBe(200);
    await signList(list);
    expect((await moveItem('koordinator', id, 'disetujui')).status).toBe(200);
    // The entry is edited after approval: it waits for approval again when the time comes.
    expect((await dip.update('operator', entry, 'id', { ringkasan: 'Diubah sesudah disetujui.' })).status).toBe(200);
    const result = await publishScheduled(strapi, new Date(at.getTime() + 60_000));
    // The news item approved above (with its content) goes online at its earlier time; this one fails.
    expect(result).toEqual({ published: 1, returned: 1 });
    const row = await rowOf(id);
    expect(row.statusAlur).toBe('gagal');
    expect(await strapi.db.query(DIP).count({ where: { documentId: entry, publishedAt: { $notNull: true } } })).toBe(0);
    let notices: any[] = [];
    for (let i = 0; i < 40 && notices.length < 2; i++) {
      notices = await strapi.db.query('api::notifikasi.notifikasi').findMany({ where: { jenis: 'jadwal_gagal', dokumenId: id } });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(notices.map((n) => n.penerima).sort()).toEqual([dip.users.operator.email, dip.users['sub-koordinator'].email].sort());
    expect(notices[0].isi).toMatch(/belum disetujui Koordinator/);
    const local = new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
    const f = await loadFigures(strapi, { mulai: local, selesai: local }, new Date(at.getTime() + 120_000));
    expect(f.terjadwal.gagal).toBe(1);
    expect(f.terjadwal.gagalRincian[0]).toEqual({ judul: 'Tayang RPT/JADWAL', alasan: expect.stringMatching(/belum disetujui/) });
  });
});

describe('exports in the background', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-ekspor-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function exported(body: Record<string, unknown>): Promise<Buffer> {
    const queued = await http().post('/ppid/laporan/ekspor').set(dip.as('koordinator')).send(body);
    expect(queued.status).toBe(202);
    expect(['menunggu', 'diproses', 'selesai']).toContain(queued.body.data.status);
    const id = queued.body.data.id;
    for (let i = 0; i < 120; i++) {
      const s = await http().get(`/ppid/laporan/ekspor/${id}`).set(dip.as('koordinator'));
      if (s.body.data.status === 'selesai') {
        expect(s.body.data.kemajuan).toBe(100);
        break;
      }
      expect(s.body.data.status).not.toBe('gagal');
      await processExports(strapi);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Only its requester (or the super admin) fetches the file.
    expect((await http().get(`/ppid/laporan/ekspor/${id}/berkas`).set(dip.as('operator'))).status).toBe(404);
    const file = await http().get(`/ppid/laporan/ekspor/${id}/berkas`).set(dip.as('koordinator')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    return file.body as Buffer;
  }

  const pdfText = (bytes: Buffer, name: string) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const xlsxRows = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as any);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as any[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return rows;
  };

  test('a bad request is refused with a message and queues nothing', async () => {
    const before = await strapi.db.query(JOBS).count();
    for (const body of [{ jenis: 'rahasia' }, { jenis: 'dip_pdf', tahun: 'dua ribu' }, { jenis: 'daftar_konten_pdf', periode: '2026-Q5' }, { jenis: 'laporan_evaluasi_pdf', laporan: 'tidak-ada' }]) {
      const res = await http().post('/ppid/laporan/ekspor').set(dip.as('koordinator')).send(body);
      expect([400, 404]).toContain(res.status);
      expect(res.body.error.message).toMatch(/tidak|harus|Sebutkan/);
    }
    expect(await strapi.db.query(JOBS).count()).toBe(before);
    // The queue is written by the system only, whatever code path asks.
    await expect((strapi.documents(JOBS as any) as any).create({ data: { jenis: 'dip_pdf', status: 'selesai' } })).rejects.toThrow(/hanya ditulis oleh sistem/);
    expect(await strapi.db.query(JOBS).count()).toBe(before);
  });

  test('Daftar Informasi Publik of a year: PDF in the decree annex columns and XLSX, with the published entries', async () => {
    const text = pdfText(await exported({ jenis: 'dip_pdf', tahun: 2026 }), 'dip.pdf');
    expect(text).toMatch(/DAFTAR INFORMASI PUBLIK/);
    expect(text).toMatch(/DINAS KOMUNIKASI DAN INFORMATIKA/);
    expect(text).toMatch(/Ringkasan Isi Informasi/);
    expect(text).toMatch(/Jangka Waktu/);
    expect(text).toMatch(/Retensi/);
    for (const nomor of ['RPT/1', 'RPT/2', 'RPT/3', 'RPT/4']) expect(text).toContain(nomor);
    expect(text).toMatch(/Ditetapkan di Bukittinggi/);
    const rows = await xlsxRows(await exported({ jenis: 'dip_xlsx', tahun: 2026 }));
    const head = rows.findIndex((r) => r[0] === 'No');
    expect(rows[head]).toEqual(expect.arrayContaining(['Ringkasan Isi Informasi', 'Jenis Informasi']));
    const body = rows.slice(head + 1);
    expect(body).toHaveLength(4);
    expect(body.map((r) => r[1]).join('\n')).toContain('RPT/3');
    expect(body.find((r) => r[1].includes('RPT/3'))![7]).toBe('setiap saat');
    // An entry of another year is not in this year's list.
    expect(await xlsxRows(await exported({ jenis: 'dip_xlsx', tahun: 2025 }))).not.toEqual(expect.arrayContaining([expect.arrayContaining([expect.stringContaining('RPT/1')])]));
  });

  test('quarterly content list: PDF with the Koordinator signature and the handover to the Kepala Dinas, and XLSX', async () => {
    await strapi.documents(KONTEN as any).create({ data: { judul: 'Infografis layanan Q4', jenis: 'berita', periode: '2026-Q1', jadwalTayang: '2026-02-10T02:00:00.000Z' } } as any);
    await strapi.documents(KONTEN as any).create({ data: { judul: 'Laporan keuangan Q4', jenis: 'dokumen_dip', periode: '2026-Q1', jadwalTayang: '2026-01-05T02:00:00.000Z' } } as any);
    await strapi.documents(KONTEN as any).create({ data: { judul: 'Lain triwulan', jenis: 'berita', periode: '2026-Q3', jadwalTayang: '2026-08-05T02:00:00.000Z' } } as any);
    const text = pdfText(await exported({ jenis: 'daftar_konten_pdf', periode: '2026-Q1' }), 'konten.pdf');
    expect(text).toMatch(/DAFTAR KONTEN WEBSITE PPID/);
    expect(text).toMatch(/TRIWULAN I \(JANUARI/);
    expect(text).toMatch(/Koordinator PPID/);
    expect(text).toMatch(/Kepala Dinas/);
    expect(text.indexOf('Laporan keuangan Q4')).toBeLessThan(text.indexOf('Infografis layanan Q4'));
    expect(text).not.toContain('Lain triwulan');
    const rows = await xlsxRows(await exported({ jenis: 'daftar_konten_xlsx', periode: '2026-Q1' }));
    const head = rows.findIndex((r) => r[0] === 'No');
    expect(rows.slice(head + 1).map((r) => r[1])).toEqual(['Laporan keuangan Q4', 'Infografis layanan Q4']);

    // A quarter with its list document (issue #9): the list's own items and its state, nothing else
    // of that period. The 2026-Q4 list was set and signed in the scheduled-content tests above.
    await strapi.documents(KONTEN as any).create({ data: { judul: 'Di luar daftar Q4', jenis: 'berita', periode: '2026-Q4', jadwalTayang: '2026-11-30T02:00:00.000Z' } } as any);
    const listed = pdfText(await exported({ jenis: 'daftar_konten_pdf', periode: '2026-Q4' }), 'daftar-q4.pdf');
    expect(listed).toContain('Berita tanpa isi');
    expect(listed).toContain('DIP tanpa dokumen');
    expect(listed).not.toContain('Di luar daftar Q4');
    expect(listed).toContain('Ditandatangani, menunggu diterima Kepala Dinas');
  });

  test('the evaluation report as PDF carries its figures, findings and signature blocks', async () => {
    const report = await reportOfThisMonth();
    const text = pdfText(await exported({ jenis: 'laporan_evaluasi_pdf', laporan: report.documentId }), 'laporan.pdf');
    expect(text).toMatch(/LAPORAN EVALUASI/);
    expect(text).toMatch(/Ketepatan waktu per langkah prosedur/);
    expect(text).toContain('Bukan informasi setiap saat: lampiran'); // the cell wraps before "kosong"
    expect(text).toContain('Temuan rapat evaluasi.');
    expect(text).toMatch(/Yang mengevaluasi/);
    // The berkala row of table C: 3 first publications, 1 update.
    expect(text).toMatch(/Informasi berkala\s+3\s+1/);
  });
});
