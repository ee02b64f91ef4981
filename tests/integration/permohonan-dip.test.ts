import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';

/**
 * "A granted answer can publish the information as a DIP entry, which goes through the DIP
 * approval" (issue #12; seed 000: pemberian dan penginputan data di web).
 */
let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const REQ = 'api::permohonan-informasi.permohonan-informasi';
const DIP = 'api::dip-document.dip-document';
const CM = `/content-manager/collection-types/${DIP}`;
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};

beforeAll(async () => {
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, PPID_REQUEST_RATE_PER_HOUR: '1000', PPID_REQUEST_LOOKUPS_PER_HOUR: '1000' });
  for (const role of ['operator', 'sub-koordinator', 'koordinator', 'atasan-ppid', 'kepala-dinas', 'kepala-bidang']) {
    users[role] = await createAdmin(strapi, role);
    tokens[role] = await adminToken(strapi, users[role].id);
  }
}, 180_000);
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const move = (role: string, type: string, id: string, to: string, note?: string, locale?: string) =>
  http().post(`/ppid/workflow/${type}/${id}/transitions${locale ? `?locale=${locale}` : ''}`).set(as(role)).send({ to, ...(note ? { note } : {}) });
const terbitkan = (role: string | null, documentId: string, data?: unknown) => {
  const req = http().post(`/ppid/permohonan/${documentId}/terbitkan-dip`);
  return (role ? req.set(as(role)) : req).send(data === undefined ? {} : { data });
};

const PERSONAL = ['Budi Santoso', '3175019876543210', 'budi@contoh.id', '081298765432', 'Jl. Sudirman', 'Peneliti'];
const good = (over: Record<string, unknown> = {}) => ({
  jenisPemohon: 'perorangan',
  nama: 'Budi Santoso',
  nomorIdentitas: '3175019876543210',
  alamat: 'Jl. Sudirman No. 5, Padang',
  telepon: '081298765432',
  email: 'budi@contoh.id',
  pekerjaan: 'Peneliti',
  rincianInformasi: 'Rekapitulasi realisasi anggaran belanja modal tahun 2025',
  tujuanPenggunaan: 'Kajian kebijakan anggaran',
  caraMemperoleh: 'salinan_hardcopy',
  caraMenerima: 'langsung',
  ...over,
});

async function requestIn(state: 'diproses' | 'dikabulkan' | 'dikabulkan_sebagian' | 'tidak_dikuasai', note?: string) {
  const res = await http().post('/api/permohonan-informasi').send({ data: good() });
  expect(res.status).toBe(201);
  const row = await strapi.db.query(REQ as any).findOne({ where: { nomorRegistrasi: res.body.data.nomorRegistrasi } });
  if (state !== 'tidak_dikuasai') expect((await move('operator', 'permohonan-informasi', row.documentId, 'diproses')).status).toBe(200);
  if (state !== 'diproses') expect((await move('koordinator', 'permohonan-informasi', row.documentId, state, note)).status).toBe(200);
  return { documentId: row.documentId as string, nomor: row.nomorRegistrasi as string, kode: res.body.data.kodeLacak as string };
}

/** Everything the action could write: DIP rows (every locale and version), links both ways, audit, timers. */
async function snapshot() {
  const dipRows = await strapi.db.query(DIP as any).findMany({ select: ['id', 'documentId', 'locale', 'publishedAt', 'statusAlur'], populate: { permohonanAsal: { select: ['id'] } }, orderBy: { id: 'asc' } });
  const links = await strapi.db.query(REQ as any).findMany({ select: ['id'], populate: { dipTerbit: { select: ['id'] } }, orderBy: { id: 'asc' } });
  return {
    dipRows,
    links: links.map((r: any) => [r.id, r.dipTerbit?.id ?? null]),
    audit: await strapi.db.query('api::riwayat-alur.riwayat-alur').count(),
    timers: await strapi.db.query('api::timer-sla.timer-sla').count(),
  };
}

const linked = async (documentId: string) =>
  (await strapi.db.query(REQ as any).findOne({ where: { documentId }, populate: { dipTerbit: { select: ['id', 'documentId', 'nomor'] } } })).dipTerbit;

describe('refusals change nothing', () => {
  test('the public, and roles that do not enter DIP data, are refused', async () => {
    const r = await requestIn('dikabulkan');
    const before = await snapshot();
    expect((await terbitkan(null, r.documentId)).status).toBe(401);
    // The content API has no such route for the public either.
    expect([404, 405]).toContain((await http().post(`/api/permohonan-informasi/${r.documentId}/terbitkan-dip`).send({})).status);
    for (const role of ['koordinator', 'kepala-dinas', 'atasan-ppid', 'kepala-bidang']) {
      const res = await terbitkan(role, r.documentId);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Operator atau Sub Koordinator/);
    }
    expect(await snapshot()).toEqual(before);
    expect(await linked(r.documentId)).toBeNull();
  });

  test('a request not granted (in process, not held) is refused with its state named', async () => {
    const open = await requestIn('diproses');
    const notHeld = await requestIn('tidak_dikuasai', 'Bukan kewenangan dinas ini');
    const before = await snapshot();
    const a = await terbitkan('operator', open.documentId);
    expect(a.status).toBe(422);
    expect(a.body.error.message).toMatch(new RegExp(`Hanya permohonan yang dikabulkan.*${open.nomor.replace(/\//g, '\\/')} masih diproses`));
    const b = await terbitkan('operator', notHeld.documentId);
    expect(b.status).toBe(422);
    expect(b.body.error.message).toMatch(/informasi tidak dikuasai/);
    expect((await terbitkan('operator', 'tidak-ada-dokumen-ini')).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  test('bad corrections: an exempt category, an unknown field, an over-long title — 400 per field, nothing written', async () => {
    const r = await requestIn('dikabulkan');
    const before = await snapshot();
    const exempt = await terbitkan('operator', r.documentId, { kategori: 'dikecualikan' });
    expect(exempt.status).toBe(400);
    expect(exempt.body.error.details.errors[0]).toEqual({ path: ['kategori'], message: expect.stringMatching(/tidak dapat diterbitkan sebagai informasi dikecualikan/) });
    const unknown = await terbitkan('operator', r.documentId, { statusAlur: 'disetujui' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['statusAlur']);
    const long = await terbitkan('operator', r.documentId, { judul: 'x'.repeat(301) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/Judul terlalu panjang/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a granted answer becomes a DIP draft that goes through the approval', () => {
  test('prefilled draft in locale id, in the initial state, authored by the officer, linked both ways; a second one is refused', async () => {
    const r = await requestIn('dikabulkan');
    const before = await strapi.db.query(DIP as any).count();
    const res = await terbitkan('operator', r.documentId);
    expect(res.status).toBe(201);
    expect(res.body.data.dip).toMatchObject({ locale: 'id', nomor: `PI/${r.nomor}`, statusAlur: 'draf' });
    const dipId = res.body.data.dip.documentId;
    // Exactly one row: a draft in Indonesian, nothing published, no other locale.
    const rows = await strapi.db.query(DIP as any).findMany({ where: { documentId: dipId }, populate: { permohonanAsal: { select: ['documentId'] }, createdBy: { select: ['id'] } } });
    expect(await strapi.db.query(DIP as any).count()).toBe(before + 1);
    expect(rows).toHaveLength(1);
    const draft = rows[0];
    expect(draft).toMatchObject({
      locale: 'id',
      publishedAt: null,
      statusAlur: 'draf',
      kategori: 'setiap_saat',
      bentukInformasi: 'hardcopy',
      judul: 'Rekapitulasi realisasi anggaran belanja modal tahun 2025',
    });
    expect(draft.ringkasan).toContain(`permohonan informasi nomor ${r.nomor}`);
    expect(draft.createdBy.id).toBe(users.operator.id);
    const text = JSON.stringify(draft);
    for (const p of PERSONAL) expect(text).not.toContain(p);
    // Linked both ways.
    expect(draft.permohonanAsal.documentId).toBe(r.documentId);
    expect((await linked(r.documentId)).documentId).toBe(dipId);
    // The creation is on the audit trail as the operator's.
    const audit = await strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { dokumenId: dipId } });
    expect(audit.length).toBeGreaterThan(0);

    // The requester's tracking shows nothing yet: the entry is not online.
    const track = () => http().post('/api/permohonan-informasi/status').send({ data: { nomor: r.nomor, kode: r.kode } });
    expect((await track()).body.data.dipTerbit).toBeNull();

    // Not online, and not publishable before the Koordinator approves.
    expect((await http().get(`/api/dip-documents/${dipId}?locale=id`)).status).toBe(404);
    const early = await http().post(`${CM}/${dipId}/actions/publish?locale=id`).set(as('operator')).send({});
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(await strapi.db.query(DIP as any).count({ where: { documentId: dipId, publishedAt: { $notNull: true } } })).toBe(0);

    // A second click: refused, nothing new.
    const snap = await snapshot();
    const again = await terbitkan('sub-koordinator', r.documentId);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/sudah ditautkan ke entri DIP PI\//);
    expect(await snapshot()).toEqual(snap);

    // The normal approval: submitted by the operator, approved by the Koordinator, then published.
    expect((await move('operator', 'dip-document', dipId, 'menunggu_persetujuan', undefined, 'id')).status).toBe(200);
    expect((await move('koordinator', 'dip-document', dipId, 'disetujui', undefined, 'id')).status).toBe(200);
    expect((await http().post(`${CM}/${dipId}/actions/publish?locale=id`).set(as('operator')).send({})).status).toBe(200);
    const pub = await http().get(`/api/dip-documents/${dipId}?locale=id&populate=*`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.nomor).toBe(`PI/${r.nomor}`);
    expect(pub.body.data).not.toHaveProperty('permohonanAsal');
    // Online now: the requester's tracking names it.
    expect((await track()).body.data.dipTerbit).toEqual({ documentId: dipId, nomor: `PI/${r.nomor}`, judul: 'Rekapitulasi realisasi anggaran belanja modal tahun 2025' });
    for (const p of PERSONAL) expect(JSON.stringify(pub.body)).not.toContain(p);

    // A copy of the entry is another entry: it is not linked to the request, which keeps its link.
    const copy = await http().post(`${CM}/clone/${dipId}?locale=id`).set(as('operator')).send({ nomor: `PI/${r.nomor}-SALINAN`, judul: 'Salinan', ringkasan: 'Salinan.' });
    expect(copy.status).toBe(200);
    const copies = await strapi.db.query(DIP as any).findMany({ where: { documentId: copy.body.data.documentId }, populate: ['permohonanAsal'] });
    expect(copies.length).toBeGreaterThan(0);
    for (const row of copies) expect(row.permohonanAsal).toBeNull();
    expect((await linked(r.documentId)).documentId).toBe(dipId);
    const original = await strapi.db.query(DIP as any).findMany({ where: { documentId: dipId }, populate: { permohonanAsal: { select: ['documentId'] } } });
    for (const row of original) expect(row.permohonanAsal?.documentId).toBe(r.documentId);
  });

  test('partly granted: the Sub Koordinator may do it; the summary names what was withheld; corrections are taken', async () => {
    const r = await requestIn('dikabulkan_sebagian', 'Nama dan NIK penerima dihitamkan');
    const res = await terbitkan('sub-koordinator', r.documentId, { judul: 'Realisasi belanja modal 2025', kategori: 'berkala', penanggungJawab: 'Bidang Anggaran' });
    expect(res.status).toBe(201);
    const draft = await strapi.db.query(DIP as any).findOne({ where: { documentId: res.body.data.dip.documentId } });
    expect(draft).toMatchObject({ judul: 'Realisasi belanja modal 2025', kategori: 'berkala', penanggungJawab: 'Bidang Anggaran', statusAlur: 'draf', publishedAt: null });
    expect(draft.ringkasan).toContain('(dikabulkan sebagian)');
    expect(draft.ringkasan).toContain('Bagian yang tidak diberikan: Nama dan NIK penerima dihitamkan');
  });

  test('the super admin can; the draft is then the super admin’s, and the Koordinator approves it', async () => {
    const admin = await createAdmin(strapi, 'super-admin');
    tokens['super-admin'] = await adminToken(strapi, admin.id);
    const r = await requestIn('dikabulkan');
    const res = await terbitkan('super-admin', r.documentId);
    expect(res.status).toBe(201);
    const dipId = res.body.data.dip.documentId;
    const draft = await strapi.db.query(DIP as any).findOne({ where: { documentId: dipId }, populate: { createdBy: { select: ['id'] } } });
    expect(draft.createdBy.id).toBe(admin.id);
    expect((await move('operator', 'dip-document', dipId, 'menunggu_persetujuan', undefined, 'id')).status).toBe(200);
    expect((await move('koordinator', 'dip-document', dipId, 'disetujui', undefined, 'id')).status).toBe(200);
  });
});

describe('other paths to the same links', () => {
  test('"DIP terbit" set by hand on a request that is not granted is refused, nothing changes', async () => {
    const open = await requestIn('diproses');
    const dip = await (strapi.documents(DIP as any) as any).create({
      locale: 'id',
      data: { nomor: 'DIP/LAIN/1', judul: 'Lain', ringkasan: 'Lain.', kategori: 'berkala', pejabatPenguasa: 'Kepala Dinas', penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun' },
    });
    const before = await snapshot();
    const res = await http()
      .put(`/content-manager/collection-types/${REQ}/${open.documentId}`)
      .set(as('operator'))
      .send({ dipTerbit: { connect: [{ documentId: dip.documentId, locale: 'id' }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/hanya dapat diisi untuk permohonan yang dikabulkan/);
    expect(await snapshot()).toEqual(before);
  });

  test('the request behind a DIP entry cannot be set or changed from the DIP side by an editor', async () => {
    const r = await requestIn('dikabulkan');
    const res = await http().post(`${CM}?locale=id`).set(as('operator')).send({
      nomor: 'DIP/SISI/1', judul: 'Sisi lain', ringkasan: 'Sisi lain.', kategori: 'berkala', pejabatPenguasa: 'Kepala Dinas',
      penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun',
      permohonanAsal: { connect: [{ documentId: r.documentId }] },
    });
    expect(res.status).toBe(201);
    const row = await strapi.db.query(DIP as any).findOne({ where: { documentId: res.body.data.documentId }, populate: ['permohonanAsal'] });
    expect(row.permohonanAsal).toBeNull();
    // And the request was not touched: it can still be published once, through the action.
    expect(await linked(r.documentId)).toBeNull();
    expect((await terbitkan('operator', r.documentId)).status).toBe(201);
  });
});
