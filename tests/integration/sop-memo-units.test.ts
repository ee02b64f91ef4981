import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { makePdf } from '../../src/seed/pdf';
import { image } from '../helpers/files';
import { sweepTimers } from '../../src/workflow/sweeper';

/**
 * SOP seed 000 table A as written: target units and their Kepala Bidang, receipts, PDFs as the
 * outputs of steps 5 and 6, the memo's own papers private, and the Operator's clock apart from
 * the Koordinator's approval.
 */
jest.setTimeout(240_000);

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const NOTA = 'api::nota-permintaan.nota-permintaan';
const DIP = 'api::dip-document.dip-document';
const BIDANG = 'api::bidang.bidang';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const TIMER = 'api::timer-sla.timer-sla';
const NOTICE = 'api::notifikasi.notifikasi';
const CM_NOTA = `/content-manager/collection-types/${NOTA}`;
const CM_DIP = `/content-manager/collection-types/${DIP}`;
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};
const units: Record<string, { id: number; documentId: string }> = {};

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const role of ['sub-koordinator', 'koordinator', 'kepala-dinas', 'operator', 'kabid-a', 'kabid-b', 'super-admin']) {
    const user = await createAdmin(strapi, role.startsWith('kabid') ? 'kepala-bidang' : role);
    users[role] = user;
    tokens[role] = await adminToken(strapi, user.id);
  }
  for (const [key, kabid] of [['a', 'kabid-a'], ['b', 'kabid-b']]) {
    const unit = await (strapi.documents(BIDANG as any) as any).create({ data: { nama: `Bidang ${key.toUpperCase()}`, kode: `bidang-${key}` } });
    await strapi.db.query(BIDANG).update({ where: { id: unit.id }, data: { kepalaBidang: [users[kabid].id] } });
    units[key] = { id: unit.id, documentId: unit.documentId };
  }
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const audits = () => strapi.db.query(AUDIT).count();
const memoState = async (documentId: string) => (await strapi.db.query(NOTA).findOne({ where: { documentId } })).statusAlur;
const noticesTo = (email: string) => strapi.db.query(NOTICE).findMany({ where: { penerima: email } });
const move = (role: string, documentId: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/nota-permintaan/${documentId}/transitions`).set(as(role)).send({ to, note });
const moveDip = (role: string, documentId: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/dip-document/${documentId}/transitions?locale=id`).set(as(role)).send({ to, note });
const connect = (documentId: string) => ({ connect: [{ documentId }] });

async function uploadPdf(role: string, name: string) {
  const res = await http().post('/upload').set(as(role)).attach('files', makePdf(name, ['isi ' + name]), { filename: name, contentType: 'application/pdf' });
  expect(res.status).toBe(201);
  return res.body[0];
}

async function memo(nomor: string, tujuan: string[] = []) {
  const res = await http()
    .post(CM_NOTA)
    .set(as('sub-koordinator'))
    .send({ nomor, perihal: 'Permintaan DIP', tanggalNota: '2026-11-20', ...(tujuan.length ? { tujuan: { connect: tujuan.map((documentId) => ({ documentId })) } } : {}) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

async function signed(documentId: string) {
  expect((await move('sub-koordinator', documentId, 'menunggu_paraf')).status).toBe(200);
  expect((await move('koordinator', documentId, 'menunggu_tanda_tangan')).status).toBe(200);
  expect((await move('kepala-dinas', documentId, 'menunggu_distribusi')).status).toBe(200);
}

async function entry(role: string, nomor: string, extra: Record<string, unknown>) {
  const res = await http()
    .post(`${CM_DIP}?locale=id`)
    .set(as(role))
    .send({
      nomor, judul: `Judul ${nomor}`, ringkasan: 'Ringkasan', kategori: 'setiap_saat', pejabatPenguasa: 'Kadis', penanggungJawab: 'Kabid',
      bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun', ...extra,
    });
  return res;
}

test('step 4 needs a target unit; only its Kabid is told, may confirm receipt, and the receipt is on record', async () => {
  const id = await memo('NOTA/SOP/1');
  await signed(id);
  const before = await audits();
  const refused = await move('sub-koordinator', id, 'menunggu_dip');
  expect(refused.status).toBe(422);
  expect(refused.body.error.message).toMatch(/minimal satu unit tujuan/);
  expect(await memoState(id)).toBe('menunggu_distribusi');
  expect(await audits()).toBe(before);

  expect((await http().put(`${CM_NOTA}/${id}`).set(as('sub-koordinator')).send({ tujuan: connect(units.a.documentId) })).status).toBe(200);
  expect((await move('sub-koordinator', id, 'menunggu_dip')).status).toBe(200);

  // The distribution notice reaches the Kabid of Bidang A only.
  expect((await noticesTo(users['kabid-a'].email)).map((n: any) => n.jenis)).toContain('nota_distribusi');
  expect(await noticesTo(users['kabid-b'].email)).toEqual([]);
  // The step's timer waits on the Sub Koordinator and that Kabid, not on every Kabid of the office.
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  expect(timer.penanggungJawab).toEqual(expect.arrayContaining(['sub-koordinator', `email:${users['kabid-a'].email}`]));
  expect(timer.penanggungJawab).not.toContain('kepala-bidang');
  const swept = await sweepTimers(strapi, new Date(Date.now() + 90 * 86_400_000));
  expect(swept.notices).toBeGreaterThan(0);
  expect((await noticesTo(users['kabid-a'].email)).some((n: any) => n.jenis === 'sla_terlambat' && n.dokumenId === id)).toBe(true);
  expect(await noticesTo(users['kabid-b'].email)).toEqual([]);

  // A Kabid of another unit cannot confirm; nothing is recorded.
  const auditBefore = await audits();
  const other = await http().post(`/ppid/nota-permintaan/${id}/penerimaan`).set(as('kabid-b'));
  expect(other.status).toBe(403);
  expect(other.body.error.message).toMatch(/Kepala Bidang dari unit tujuan/);
  expect(await audits()).toBe(auditBefore);

  const ok = await http().post(`/ppid/nota-permintaan/${id}/penerimaan`).set(as('kabid-a'));
  expect(ok.status).toBe(200);
  expect(ok.body.data).toEqual([expect.objectContaining({ unit: 'Bidang A', diterimaOleh: users['kabid-a'].email })]);
  expect((await http().post(`/ppid/nota-permintaan/${id}/penerimaan`).set(as('kabid-a'))).status).toBe(409);

  const status = await http().get(`/ppid/workflow/nota-permintaan/${id}`).set(as('sub-koordinator'));
  expect(status.body.data.extra.penerimaan[0]).toMatchObject({ unit: 'Bidang A', diterimaOleh: users['kabid-a'].email });
  expect(status.body.data.history.at(-1)).toMatchObject({ event: 'diterima_unit', actor: users['kabid-a'].email });
});

test('a receipt before distribution is refused', async () => {
  const id = await memo('NOTA/SOP/2', [units.a.documentId]);
  const before = await audits();
  const res = await http().post(`/ppid/nota-permintaan/${id}/penerimaan`).set(as('kabid-a'));
  expect(res.status).toBe(422);
  expect(await audits()).toBe(before);
});

test("a Kabid sees and edits only his unit's DIP entries, on every path", async () => {
  const mine = await entry('kabid-a', 'DIP/SOP/A1', { unit: connect(units.a.documentId) });
  expect(mine.status).toBe(201);
  const documentId = mine.body.data.documentId;

  // Creating an entry for another unit (or none) is refused and leaves nothing behind.
  const count = await strapi.db.query(DIP).count({});
  const foreign = await entry('kabid-b', 'DIP/SOP/B-for-A', { unit: connect(units.a.documentId) });
  expect(foreign.status).toBe(400);
  expect(foreign.body.error.message).toMatch(/unit kerjanya sendiri/);
  expect((await entry('kabid-b', 'DIP/SOP/B-none', {})).status).toBe(400);
  expect(await strapi.db.query(DIP).count({})).toBe(count);

  // Kabid B cannot read, list, edit or move it.
  expect((await http().get(`${CM_DIP}/${documentId}?locale=id`).set(as('kabid-b'))).status).toBe(403);
  const list = await http().get(`${CM_DIP}?locale=id&pageSize=100`).set(as('kabid-b'));
  expect(list.status).toBe(200);
  expect(list.body.results.map((r: any) => r.documentId)).not.toContain(documentId);
  const edit = await http().put(`${CM_DIP}/${documentId}?locale=id`).set(as('kabid-b')).send({ judul: 'Diubah B' });
  expect(edit.status).toBe(403);
  expect((await http().get(`/ppid/workflow/dip-document/${documentId}?locale=id`).set(as('kabid-b'))).status).toBe(403);
  const auditBefore = await audits();
  expect((await moveDip('kabid-b', documentId, 'menunggu_persetujuan')).status).toBe(403);
  expect(await audits()).toBe(auditBefore);
  const row = await strapi.db.query(DIP).findOne({ where: { documentId, locale: 'id', publishedAt: null } });
  expect(row).toMatchObject({ judul: 'Judul DIP/SOP/A1', statusAlur: 'draf' });

  // Kabid A can; moving his entry to another unit is refused.
  expect((await http().get(`${CM_DIP}/${documentId}?locale=id`).set(as('kabid-a'))).status).toBe(200);
  const away = await http().put(`${CM_DIP}/${documentId}?locale=id`).set(as('kabid-a')).send({ unit: { set: [{ documentId: units.b.documentId }] } });
  expect(away.status).toBe(400);
  const still = await strapi.db.query(DIP).findOne({ where: { documentId, locale: 'id', publishedAt: null }, populate: { unit: true } });
  expect(still.unit.documentId).toBe(units.a.documentId);
});

test('a returned DIP entry goes back to whoever submitted it', async () => {
  const created = await entry('kabid-a', 'DIP/SOP/A2', { unit: connect(units.a.documentId) });
  const documentId = created.body.data.documentId;
  expect((await moveDip('kabid-a', documentId, 'menunggu_persetujuan')).status).toBe(200);
  const operatorBefore = (await noticesTo(users.operator.email)).length;
  expect((await moveDip('koordinator', documentId, 'dikembalikan', 'Lengkapi ringkasan')).status).toBe(200);
  const notices = (await noticesTo(users['kabid-a'].email)).filter((n: any) => n.jenis === 'dip_dikembalikan');
  expect(notices).toHaveLength(1);
  expect(notices[0].isi).toMatch(/Lengkapi ringkasan/);
  expect((await noticesTo(users.operator.email)).length).toBe(operatorBefore);
  expect((await noticesTo(users['kabid-b'].email)).filter((n: any) => n.jenis === 'dip_dikembalikan')).toEqual([]);
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: documentId, ditutupPada: null } });
  expect(timer.penanggungJawab).toEqual([`email:${users['kabid-a'].email}`]);
});

test('step 5 is refused until every linked public entry carries its PDF, naming it; step 6 until each is online in Indonesian', async () => {
  const id = await memo('NOTA/SOP/3', [units.a.documentId]);
  await signed(id);
  expect((await move('sub-koordinator', id, 'menunggu_dip')).status).toBe(200);
  const pdf = await uploadPdf('kabid-a', 'dip-sop-a3.pdf');
  const withFile = (await entry('kabid-a', 'DIP/SOP/A3', { unit: connect(units.a.documentId), berkas: pdf.id, notaPermintaan: connect(id) })).body.data.documentId;
  const withoutFile = (await entry('kabid-a', 'DIP/SOP/A4', { unit: connect(units.a.documentId), notaPermintaan: connect(id) })).body.data.documentId;
  // An exempt entry has no public PDF: it does not hold the memo up.
  await entry('kabid-a', 'DIP/SOP/A5', {
    unit: connect(units.a.documentId), notaPermintaan: connect(id), kategori: 'dikecualikan',
    dasarHukumPengecualian: 'UU 14/2008 Pasal 17', ringkasanUjiKonsekuensi: 'Uji konsekuensi', jangkaWaktuPengecualian: '5 tahun',
  });

  const before = { audit: await audits(), timers: await strapi.db.query(TIMER).findMany({ where: { dokumenId: id }, orderBy: { id: 'asc' } }) };
  const refused = await move('sub-koordinator', id, 'menunggu_unggah');
  expect(refused.status).toBe(422);
  expect(refused.body.error.message).toMatch(/belum memiliki berkas PDF/);
  expect(refused.body.error.message).toContain('"Judul DIP/SOP/A4" (DIP/SOP/A4)');
  expect(refused.body.error.message).not.toContain('A3');
  expect(refused.body.error.message).not.toContain('A5');
  expect(await memoState(id)).toBe('menunggu_dip');
  expect(await audits()).toBe(before.audit);
  expect(await strapi.db.query(TIMER).findMany({ where: { dokumenId: id }, orderBy: { id: 'asc' } })).toEqual(before.timers);

  const pdf2 = await uploadPdf('kabid-a', 'dip-sop-a4.pdf');
  expect((await http().put(`${CM_DIP}/${withoutFile}?locale=id`).set(as('kabid-a')).send({ berkas: pdf2.id })).status).toBe(200);
  expect((await move('sub-koordinator', id, 'menunggu_unggah')).status).toBe(200);

  // Step 6: the Operator's clock stands still while an entry waits for the Koordinator.
  expect((await moveDip('kabid-a', withFile, 'menunggu_persetujuan')).status).toBe(200);
  let status = (await http().get(`/ppid/workflow/nota-permintaan/${id}`).set(as('operator'))).body.data;
  expect(status.timer).toMatchObject({ state: 'menunggu_unggah', status: 'paused' });
  expect(status.timer.pausedSince).toBeTruthy();
  expect(status.extra.menungguPersetujuan).toEqual([expect.objectContaining({ entri: '"Judul DIP/SOP/A3" (DIP/SOP/A3)', documentId: withFile })]);
  const dueWhilePaused = new Date(status.timer.dueAt).getTime();
  expect((await moveDip('koordinator', withFile, 'disetujui')).status).toBe(200);
  status = (await http().get(`/ppid/workflow/nota-permintaan/${id}`).set(as('operator'))).body.data;
  expect(status.timer.status).not.toBe('paused');
  expect(status.timer.pausedSince).toBeNull();
  expect(new Date(status.timer.dueAt).getTime()).toBeGreaterThanOrEqual(dueWhilePaused);
  expect(status.extra.menungguPersetujuan).toEqual([]);

  const publish = (documentId: string) => http().post(`${CM_DIP}/${documentId}/actions/publish?locale=id`).set(as('operator')).send({});
  expect((await publish(withFile)).status).toBe(200);
  const notOnline = await move('operator', id, 'selesai');
  expect(notOnline.status).toBe(422);
  expect(notOnline.body.error.message).toMatch(/belum terbit di website dalam bahasa Indonesia/);
  expect(notOnline.body.error.message).toContain('DIP/SOP/A4');
  expect(notOnline.body.error.message).not.toContain('A3');
  expect(await memoState(id)).toBe('menunggu_unggah');

  expect((await moveDip('kabid-a', withoutFile, 'menunggu_persetujuan')).status).toBe(200);
  expect((await moveDip('koordinator', withoutFile, 'disetujui')).status).toBe(200);
  expect((await publish(withoutFile)).status).toBe(200);
  const done = await move('operator', id, 'selesai');
  expect(done.status).toBe(200);
  const closed = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, keadaan: 'menunggu_unggah' } });
  expect(closed.ditutupPada).toBeTruthy();
  expect(closed.dijedaPada).toBeNull();
});

test("the Governor's letter and the signed memo are PDFs and never public", async () => {
  const id = await memo('NOTA/SOP/4', [units.a.documentId]);
  const letter = await uploadPdf('sub-koordinator', 'surat-gubernur.pdf');
  const signedMemo = await uploadPdf('sub-koordinator', 'nota-ttd.pdf');
  expect((await http().put(`${CM_NOTA}/${id}`).set(as('sub-koordinator')).send({ suratGubernur: letter.id, notaTertandatangan: signedMemo.id })).status).toBe(200);
  // Anonymous: the plain URL (the upload answer's URL is signed for the uploader).
  const plain = (file: { url: string }) => file.url.split('?')[0];
  for (const file of [letter, signedMemo]) expect((await http().get(plain(file))).status).toBe(404);
  // A signed-in admin still fetches it.
  expect((await http().get(plain(letter)).set(as('koordinator'))).status).toBe(200);

  // Attached also to a published DIP entry, the letter stays private.
  const dip = (await entry('operator', 'DIP/SOP/PUB', { berkas: letter.id, unit: connect(units.a.documentId) })).body.data.documentId;
  expect((await moveDip('operator', dip, 'menunggu_persetujuan')).status).toBe(200);
  expect((await moveDip('koordinator', dip, 'disetujui')).status).toBe(200);
  expect((await http().post(`${CM_DIP}/${dip}/actions/publish?locale=id`).set(as('operator')).send({})).status).toBe(200);
  expect((await http().get(plain(letter))).status).toBe(404);
  // Control: a file attached only to that published entry is public.
  const own = await uploadPdf('operator', 'dip-sop-pub.pdf');
  // (the edit sends the entry back for approval by itself)
  expect((await http().put(`${CM_DIP}/${dip}?locale=id`).set(as('operator')).send({ berkas: own.id })).status).toBe(200);
  expect((await moveDip('koordinator', dip, 'disetujui')).status).toBe(200);
  expect((await http().post(`${CM_DIP}/${dip}/actions/publish?locale=id`).set(as('operator')).send({})).status).toBe(200);
  expect((await http().get(plain(own))).status).toBe(200);
  // The public API does not show the memo's papers either.
  expect((await http().get('/api/nota-permintaans')).status).toBe(403);

  // An image is refused and the memo keeps its PDF.
  const png = await http().post('/upload').set(as('sub-koordinator')).attach('files', await image('png'), { filename: 'scan.png', contentType: 'image/png' });
  expect(png.status).toBe(201);
  const wrong = await http().put(`${CM_NOTA}/${id}`).set(as('sub-koordinator')).send({ suratGubernur: png.body[0].id });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.message).toMatch(/Surat Gubernur harus berupa berkas PDF/);
  const row = await strapi.db.query(NOTA).findOne({ where: { documentId: id }, populate: { suratGubernur: true } });
  expect(row.suratGubernur.id).toBe(letter.id);
});

test('only an account holding the Kepala Bidang role can be linked as a unit\'s Kepala Bidang, or confirm a receipt', async () => {
  const CM_BIDANG = `/content-manager/collection-types/${BIDANG}`;
  const res = await http().put(`${CM_BIDANG}/${units.b.documentId}`).set(as('sub-koordinator')).send({ kepalaBidang: { connect: [{ id: users['sub-koordinator'].id }] } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/tidak berperan Kepala Bidang/);
  const unit = await strapi.db.query(BIDANG).findOne({ where: { id: units.b.id }, populate: { kepalaBidang: true } });
  expect(unit.kepalaBidang.map((u: any) => u.id)).toEqual([users['kabid-b'].id]);

  // Linked behind the rule's back, a non-Kabid still cannot confirm a receipt.
  const id = await memo('NOTA/SOP/5', [units.b.documentId]);
  await signed(id);
  expect((await move('sub-koordinator', id, 'menunggu_dip')).status).toBe(200);
  await strapi.db.query(BIDANG).update({ where: { id: units.b.id }, data: { kepalaBidang: [users['kabid-b'].id, users.operator.id] } });
  const before = await audits();
  expect((await http().post(`/ppid/nota-permintaan/${id}/penerimaan`).set(as('operator'))).status).toBe(403);
  expect(await audits()).toBe(before);
  await strapi.db.query(BIDANG).update({ where: { id: units.b.id }, data: { kepalaBidang: [users['kabid-b'].id] } });
});

test("the public API shows units without their people", async () => {
  for (const query of ['', '?populate=*', '?populate[kepalaBidang]=true&populate[staf]=true']) {
    const res = await http().get(`/api/bidangs${query}`);
    expect([200, 400]).toContain(res.status);
    // Either the private relation is refused as a populate key (400) or it is simply absent.
    expect(JSON.stringify(res.body)).not.toContain(users['kabid-a'].email);
    if (res.status === 200) for (const unit of res.body.data) expect(Object.keys(unit)).not.toEqual(expect.arrayContaining(['kepalaBidang']));
    if (res.status === 200) for (const unit of res.body.data) expect(Object.keys(unit)).not.toEqual(expect.arrayContaining(['staf']));
  }
  expect((await http().get('/api/bidangs')).body.data.map((u: any) => u.nama)).toEqual(expect.arrayContaining(['Bidang A', 'Bidang B']));
});
