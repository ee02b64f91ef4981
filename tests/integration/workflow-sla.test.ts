import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { sweepTimers } from '../../src/workflow/sweeper';
import { deliverNotices } from '../../src/outbox/sender';
import { publishScheduled } from '../../src/schedule/publish-scheduled';
import { verifyAuditTrail } from '../../src/audit/trail';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const TIMER = 'api::timer-sla.timer-sla';
const DIP = 'api::dip-document.dip-document';
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};
const outbox = (): any[] => ((globalThis as any).__ppidOutbox ??= []);

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const role of ['sub-koordinator', 'koordinator', 'kepala-dinas', 'operator', 'super-admin']) {
    users[role] = await createAdmin(strapi, role);
    tokens[role] = await adminToken(strapi, users[role].id);
  }
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const move = (role: string, type: string, id: string, to: string, extra: Record<string, unknown> = {}, locale?: string) =>
  http().post(`/ppid/workflow/${type}/${id}/transitions${locale ? `?locale=${locale}` : ''}`).set(as(role)).send({ to, ...extra });

async function memoWaitingForParaf(nomor: string) {
  const res = await http()
    .post('/content-manager/collection-types/api::nota-permintaan.nota-permintaan')
    .set(as('sub-koordinator'))
    .send({ nomor, perihal: 'Permintaan DIP', tanggalNota: '2026-11-20' });
  const id = res.body.data.documentId;
  await move('sub-koordinator', 'nota-permintaan', id, 'menunggu_paraf');
  return id as string;
}

const openTimerOf = (id: string) => strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });

describe('SLA sweeper', () => {
  test('a timer going at risk, then past its deadline, notifies the responsible role once each, even with two sweepers', async () => {
    const id = await memoWaitingForParaf('SLA/1');
    const timer = await openTimerOf(id);
    expect(timer.keadaan).toBe('menunggu_paraf');
    expect(timer.penanggungJawab).toEqual(['koordinator']);
    const koordinator = users.koordinator.email;
    const mailsTo = (subject: RegExp) => outbox().filter((m) => m.to === koordinator && subject.test(m.subject) && m.text.includes(id));

    const atRisk = new Date(timer.berisikoPada);
    await Promise.all([sweepTimers(strapi, atRisk), sweepTimers(strapi, atRisk)]);
    await sweepTimers(strapi, new Date(atRisk.getTime() + 1000));
    await Promise.all([deliverNotices(strapi, { now: atRisk }), deliverNotices(strapi, { now: atRisk })]);
    expect(mailsTo(/Hampir jatuh tempo/)).toHaveLength(1);
    expect((await openTimerOf(id)).status).toBe('at_risk');

    const late = new Date(new Date(timer.jatuhTempo).getTime() + 60_000);
    const results = await Promise.all([sweepTimers(strapi, late), sweepTimers(strapi, late)]);
    await sweepTimers(strapi, new Date(late.getTime() + 3_600_000));
    await Promise.all([deliverNotices(strapi, { now: late }), deliverNotices(strapi, { now: late })]);
    await deliverNotices(strapi, { now: new Date(late.getTime() + 3_600_000) });
    expect(mailsTo(/Melewati batas waktu/)).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.breached, 0)).toBe(1);
    const after = await openTimerOf(id);
    expect(after.status).toBe('breached');
    expect(after.cekBerikutnya).toBeNull();

    // Nobody else with another role was told.
    expect(outbox().some((m) => m.to === users.operator.email && m.text.includes(id))).toBe(false);
  });

  test('a timer found already past its deadline sends only the breach notice', async () => {
    const id = await memoWaitingForParaf('SLA/2');
    const timer = await openTimerOf(id);
    await sweepTimers(strapi, new Date(new Date(timer.jatuhTempo).getTime() + 1000));
    await deliverNotices(strapi, { now: new Date(new Date(timer.jatuhTempo).getTime() + 1000) });
    const mails = outbox().filter((m) => m.text.includes(id));
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/Melewati batas waktu/)]);
  });

  test('a sweep before the at-risk instant reads nothing and sends nothing', async () => {
    const id = await memoWaitingForParaf('SLA/3');
    const timer = await openTimerOf(id);
    const before = outbox().length;
    const result = await sweepTimers(strapi, new Date(new Date(timer.berisikoPada).getTime() - 1000));
    expect(result.atRisk + result.breached).toBe(0);
    expect(outbox().length).toBe(before);
  });

  test('leaving a breached state records it as breached with the business minutes taken', async () => {
    const id = await memoWaitingForParaf('SLA/4');
    const timer = await openTimerOf(id);
    await strapi.db.query(TIMER).update({ where: { id: timer.id }, data: { jatuhTempo: new Date(Date.now() - 60_000), mulai: new Date(Date.now() - 3_600_000) } });
    const res = await move('koordinator', 'nota-permintaan', id, 'menunggu_tanda_tangan');
    expect(res.status).toBe(200);
    const event = res.body.data.history.at(-1);
    expect(event.slaMet).toBe(false);
    const closed = await strapi.db.query(TIMER).findOne({ where: { id: timer.id } });
    expect(closed.terpenuhi).toBe(false);
    expect(closed.ditutupPada).toBeTruthy();
    expect(res.body.data.timer.state).toBe('menunggu_tanda_tangan');
  });
});

describe('DIP entries: publishing needs approval', () => {
  const CM = `/content-manager/collection-types/${DIP}`;
  const entry = {
    nomor: 'DIP/SLA/1', judul: 'Laporan Kinerja', ringkasan: 'Ringkasan', kategori: 'berkala', pejabatPenguasa: 'Kadis',
    penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun',
  };
  let id: string;

  test('publishing a draft that is not approved is refused and nothing goes online', async () => {
    const created = await http().post(`${CM}?locale=id`).set(as('operator')).send(entry);
    expect(created.status).toBe(201);
    id = created.body.data.documentId;
    const res = await http().post(`${CM}/${id}/actions/publish?locale=id`).set(as('operator')).send(entry);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/belum disetujui oleh Koordinator.*Ajukan persetujuan/);
    expect(await strapi.db.query(DIP).count({ where: { documentId: id, publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('after the Koordinator approves, the operator publishes it', async () => {
    expect((await move('operator', 'dip-document', id, 'menunggu_persetujuan')).status).toBe(200);
    expect((await move('operator', 'dip-document', id, 'disetujui')).status).toBe(403);
    expect((await move('koordinator', 'dip-document', id, 'disetujui')).status).toBe(200);
    const res = await http().post(`${CM}/${id}/actions/publish?locale=id`).set(as('operator')).send(entry);
    expect(res.status).toBe(200);
    const pub = await http().get(`/api/dip-documents/${id}?locale=id`);
    expect(pub.status).toBe(200);
  });

  test('editing an approved entry sends it back for approval, and then it cannot be published', async () => {
    const edit = await http().put(`${CM}/${id}?locale=id`).set(as('operator')).send({ ...entry, judul: 'Laporan Kinerja (revisi)' });
    expect(edit.status).toBe(200);
    const status = await http().get(`/ppid/workflow/dip-document/${id}?locale=id`).set(as('koordinator'));
    expect(status.body.data.state).toBe('menunggu_persetujuan');
    expect(status.body.data.history.at(-1).note).toMatch(/perlu persetujuan ulang/);
    const publish = await http().post(`${CM}/${id}/actions/publish?locale=id`).set(as('operator')).send({ ...entry, judul: 'Laporan Kinerja (revisi 2)' });
    expect(publish.status).toBe(400);
    // The public still sees the approved version, not the unapproved edit.
    const pub = await http().get(`/api/dip-documents/${id}?locale=id`);
    expect(pub.body.data.judul).toBe('Laporan Kinerja');
  });

  test('re-saving without changes (the Publish button re-sends the form) keeps the approval', async () => {
    await move('koordinator', 'dip-document', id, 'disetujui');
    const current = await strapi.db.query(DIP).findOne({ where: { documentId: id, locale: 'id', publishedAt: null } });
    const same = { ...entry, judul: current.judul };
    const res = await http().post(`${CM}/${id}/actions/publish?locale=id`).set(as('operator')).send(same);
    expect(res.status).toBe(200);
    expect((await strapi.db.query(DIP).findOne({ where: { documentId: id, locale: 'id', publishedAt: null } })).statusAlur).toBe('disetujui');
  });

  test('discarding an unapproved edit restores the approved version, recorded in the trail', async () => {
    await http().put(`${CM}/${id}?locale=id`).set(as('operator')).send({ ...entry, judul: 'Judul yang akan dibuang' });
    expect((await strapi.db.query(DIP).findOne({ where: { documentId: id, locale: 'id', publishedAt: null } })).statusAlur).toBe('menunggu_persetujuan');
    const res = await http().post(`${CM}/${id}/actions/discard?locale=id`).set(as('operator')).send({});
    expect(res.status).toBe(200);
    const status = await http().get(`/ppid/workflow/dip-document/${id}?locale=id`).set(as('operator'));
    expect(status.body.data.state).toBe('disetujui');
    expect(status.body.data.timer).toBeNull();
    expect(status.body.data.history.at(-1)).toMatchObject({ event: 'draf_dibuang', from: 'menunggu_persetujuan', to: 'disetujui' });
  });

  test('each language is approved on its own', async () => {
    const en = await http().put(`${CM}/${id}?locale=en`).set(as('operator')).send({ ...entry, judul: 'Performance Report', ringkasan: 'Summary' });
    expect(en.status).toBe(200);
    const enStatus = await http().get(`/ppid/workflow/dip-document/${id}?locale=en`).set(as('operator'));
    expect(enStatus.body.data.state).toBe('draf');
    const publishEn = await http().post(`${CM}/${id}/actions/publish?locale=en`).set(as('operator')).send({ ...entry, judul: 'Performance Report', ringkasan: 'Summary' });
    expect(publishEn.status).toBe(400);
    expect((await http().get(`/ppid/workflow/dip-document/${id}?locale=id`).set(as('operator'))).body.data.state).toBe('disetujui');
  });
});

describe('scheduled content', () => {
  let listCount = 0;
  async function scheduledItem(judul: string, dipState: 'disetujui' | 'draf') {
    const dip = await (strapi.documents(DIP as any) as any).create({
      locale: 'id',
      data: {
        nomor: `DIP/JADWAL/${judul}`, judul, ringkasan: 'R', kategori: 'setiap_saat', pejabatPenguasa: 'Kadis',
        penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun',
      },
    });
    if (dipState === 'disetujui') {
      expect((await move('operator', 'dip-document', dip.documentId, 'menunggu_persetujuan')).status).toBe(200);
      expect((await move('koordinator', 'dip-document', dip.documentId, 'disetujui')).status).toBe(200);
    }
    // Every item belongs to its quarter's list (SOP seed 001 A1), signed by the Koordinator and
    // received by the Kepala Dinas; one list per period, so each item here gets its own quarter.
    const periode = `${2030 + listCount++}-Q4`;
    const list = await http().post('/content-manager/collection-types/api::daftar-konten.daftar-konten').set(as('sub-koordinator')).send({ periode });
    expect(list.status).toBe(201);
    const res = await http()
      .post('/content-manager/collection-types/api::konten-terjadwal.konten-terjadwal')
      .set(as('sub-koordinator'))
      .send({ judul, jenis: 'dokumen_dip', periode, jadwalTayang: new Date(Date.now() + 3_600_000).toISOString(), dokumen: dip.documentId, daftarKonten: list.body.data.documentId });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    for (const [role, to] of [['sub-koordinator', 'menunggu_tanda_tangan'], ['koordinator', 'menunggu_penerimaan'], ['kepala-dinas', 'diterima']]) {
      expect((await move(role, 'daftar-konten', list.body.data.documentId, to)).status).toBe(200);
    }
    await move('sub-koordinator', 'konten-terjadwal', id, 'menunggu_persetujuan');
    expect((await move('koordinator', 'konten-terjadwal', id, 'disetujui')).status).toBe(200);
    return { id, dipId: dip.documentId as string };
  }

  test('an approved item goes online at its time, not before, and publishes its approved DIP entry', async () => {
    const { id, dipId } = await scheduledItem('Jadwal A', 'disetujui');
    expect((await publishScheduled(strapi, new Date())).published).toBe(0);
    const later = new Date(Date.now() + 2 * 3_600_000);
    const [a, b] = await Promise.all([publishScheduled(strapi, later), publishScheduled(strapi, later)]);
    expect(a.published + b.published).toBe(1);
    const row = await strapi.db.query('api::konten-terjadwal.konten-terjadwal').findOne({ where: { documentId: id } });
    expect(row.statusAlur).toBe('tayang');
    expect(row.tayangPada).toBeTruthy();
    expect((await http().get(`/api/dip-documents/${dipId}?locale=id`)).status).toBe(200);
  });

  test('an item whose DIP entry is not approved at its time does not go online and fails with the reason', async () => {
    const { id, dipId } = await scheduledItem('Jadwal B', 'draf');
    const result = await publishScheduled(strapi, new Date(Date.now() + 2 * 3_600_000));
    expect(result.returned).toBe(1);
    const status = await http().get(`/ppid/workflow/konten-terjadwal/${id}`).set(as('sub-koordinator'));
    expect(status.body.data.state).toBe('gagal');
    expect(status.body.data.history.at(-1).note).toMatch(/belum disetujui/);
    expect((await http().get(`/api/dip-documents/${dipId}?locale=id`)).status).toBe(404);
  });

  test('an approved entry whose content changed behind the workflow (a direct SQL edit) is not put online by the schedule', async () => {
    const { id, dipId } = await scheduledItem('Jadwal C', 'disetujui');
    const meta = strapi.db.metadata.get(DIP) as any;
    await strapi.db.connection(meta.tableName).where({ document_id: dipId }).update({ ringkasan: 'Diubah langsung di basis data' });
    const result = await publishScheduled(strapi, new Date(Date.now() + 2 * 3_600_000));
    expect(result).toEqual({ published: 0, returned: 1 });
    const status = await http().get(`/ppid/workflow/konten-terjadwal/${id}`).set(as('sub-koordinator'));
    expect(status.body.data.state).toBe('gagal');
    expect(status.body.data.history.at(-1).note).toMatch(/berubah sejak disetujui/);
    expect(await strapi.db.query(DIP).count({ where: { documentId: dipId, publishedAt: { $notNull: true } } })).toBe(0);
  });
});

describe('recurring obligations', () => {
  test('each SOP obligation runs as a timer; a quarterly list received by the Kepala Dinas restarts the quarterly one', async () => {
    const open = await strapi.db.query(TIMER).findMany({ where: { jenisKonten: 'kewajiban', ditutupPada: null } });
    const names = open.map((t: any) => t.dokumenId);
    expect(names).toEqual(expect.arrayContaining(['rencana_konten', 'unggah_bulanan', 'evaluasi_pengelolaan', 'evaluasi_koordinator']));
    const plan = open.find((t: any) => t.dokumenId === 'rencana_konten');
    const months = (new Date(plan.jatuhTempo).getTime() - new Date(plan.mulai).getTime()) / (30.4 * 86_400_000);
    expect(Math.round(months)).toBe(3);
    // The scheduled-content tests above had their quarterly lists received, so the plan obligation was restarted.
    const closed = await strapi.db.query(TIMER).count({ where: { jenisKonten: 'kewajiban', dokumenId: 'rencana_konten', ditutupPada: { $notNull: true } } });
    expect(closed).toBeGreaterThan(0);
  });

  test('a published berkala entry must be refreshed within 6 months; an overdue one notifies the operator once', async () => {
    const berkala = await strapi.db.query(TIMER).findOne({ where: { jenisKonten: 'kewajiban', dokumenId: { $startsWith: 'segarkan_berkala:' }, ditutupPada: null } });
    expect(berkala).toBeTruthy();
    const late = new Date(new Date(berkala.jatuhTempo).getTime() + 1000);
    await sweepTimers(strapi, late);
    await sweepTimers(strapi, late);
    await deliverNotices(strapi, { now: late });
    const mails = outbox().filter((m) => m.to === users.operator.email && /Pemutakhiran informasi berkala/.test(m.subject));
    expect(mails).toHaveLength(1);
  });

  test("the Kepala Dinas's monthly evaluation of the Koordinator, once acknowledged, restarts the coordinator-evaluation obligation", async () => {
    const before = await strapi.db.query(TIMER).findOne({ where: { jenisKonten: 'kewajiban', dokumenId: 'evaluasi_koordinator', ditutupPada: null } });
    const res = await http()
      .post('/content-manager/collection-types/api::laporan-evaluasi.laporan-evaluasi')
      .set(as('kepala-dinas'))
      .send({
        judul: 'Evaluasi Koordinator November', jenis: 'evaluasi_koordinator', periodeMulai: '2026-11-01', periodeSelesai: '2026-11-30',
        tanggalRapat: '2026-11-30', pesertaRapat: 'Kepala Dinas; Koordinator',
      });
    expect(res.status).toBe(201);
    expect((await move('kepala-dinas', 'laporan-evaluasi', res.body.data.documentId, 'menunggu_tanggapan_koordinator')).status).toBe(200);
    // Handed over is not yet done: the evaluated Koordinator acknowledges it.
    const handed = await strapi.db.query(TIMER).findOne({ where: { jenisKonten: 'kewajiban', dokumenId: 'evaluasi_koordinator', ditutupPada: null } });
    expect(handed.id).toBe(before.id);
    expect((await move('koordinator', 'laporan-evaluasi', res.body.data.documentId, 'diterima')).status).toBe(200);
    const after = await strapi.db.query(TIMER).findOne({ where: { jenisKonten: 'kewajiban', dokumenId: 'evaluasi_koordinator', ditutupPada: null } });
    expect(after.id).not.toBe(before.id);
    expect((await strapi.db.query(TIMER).findOne({ where: { id: before.id } })).terpenuhi).toBe(true);
  });
});

describe('audit trail verification', () => {
  test('the chain verifies, and an event changed directly in the database is reported by number', async () => {
    const ok = await verifyAuditTrail(strapi);
    expect(ok.ok).toBe(true);
    expect(ok.count).toBeGreaterThan(10);

    const cli = () =>
      spawnSync(process.execPath, [path.join(__dirname, '../../scripts/audit-verify.js')], { env: { ...process.env, PPID_SKIP_COMPILE: 'true' }, encoding: 'utf8', cwd: path.join(__dirname, '../..') });
    if (process.env.DATABASE_CLIENT !== 'postgres') {
      const clean = cli();
      expect(clean.status).toBe(0);
      expect(clean.stdout).toMatch(/Jejak audit utuh: \d+ peristiwa/);
    }

    // Tamper below the API: straight SQL, as someone with database access could.
    const meta = strapi.db.metadata.get('api::riwayat-alur.riwayat-alur') as any;
    const victim = await strapi.db.query('api::riwayat-alur.riwayat-alur').findOne({ where: { seq: 5 } });
    await strapi.db.connection(meta.tableName).where({ id: victim.id }).update({ [meta.attributes.catatan.columnName ?? 'catatan']: 'disetujui tanpa paraf' });
    const bad = await verifyAuditTrail(strapi);
    expect(bad).toMatchObject({ ok: false, seq: 5, count: 4 });

    if (process.env.DATABASE_CLIENT !== 'postgres') {
      const tampered = cli();
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toMatch(/RUSAK pada peristiwa #5/);
    }
  });
});
