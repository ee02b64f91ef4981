import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { CM, DIP, dipHarness, validEntry, viewOf, WRITER_ROLES } from '../helpers/dip';
import { makePdf } from '../../src/seed/pdf';

/**
 * "Approved means approved": each side door the probe found (issue 7), tried by every role that
 * may write, and the public API checked after each: it serves only versions the Koordinator
 * approved, in that locale, with those shared fields and that file.
 */
let strapi: Core.Strapi;
let h: ReturnType<typeof dipHarness>;
let seq = 0;
const nomor = () => `DIP/PINTU/${++seq}`;

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  h = dipHarness(strapi);
  await h.signInAll();
});
afterAll(teardownStrapi);

const eventsOf = (documentId: string) =>
  strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { dokumenId: documentId }, orderBy: { seq: 'asc' } });

describe('1. an edit of approved content, by any role that may write, the super admin included', () => {
  test.each(WRITER_ROLES)('%s: the edit is saved, the entry goes back for approval, publish is refused, the public keeps the approved text', async (role) => {
    const id = await h.publishedEntry(nomor());
    const res = await h.update(role, id, 'id', { ringkasan: `Teks yang belum disetujui (${role}).` });
    expect(res.status).toBe(200);
    expect(await h.stateOf(id, 'id')).toBe('menunggu_persetujuan');
    // Shared fields were not touched: the English version stays approved.
    expect(await h.stateOf(id, 'en')).toBe('disetujui');
    const events = await eventsOf(id);
    expect(events.at(-1)).toMatchObject({ peristiwa: 'perlu_persetujuan_ulang', dari: 'disetujui', ke: 'menunggu_persetujuan', locale: 'id', aktorEmail: h.users[role].email });

    const before = await h.snapshot();
    const publish = await h.publish('operator', id, 'id');
    expect(publish.status).toBe(400);
    expect(publish.body.error.message).toMatch(/belum disetujui oleh Koordinator/);
    expect(await h.snapshot()).toEqual(before);
    await h.assertPublicIsApproved();
    const served = (await h.publicEntries('id')).find((e) => e.documentId === id);
    expect(served.ringkasan).not.toMatch(/belum disetujui/);
  });

  test('re-saving unchanged content (as the Publish button does) keeps the approval', async () => {
    const id = await h.publishedEntry(nomor());
    const row = await h.draftRow(id, 'id');
    const res = await h.update('operator', id, 'id', { ...validEntry(row.nomor), judul: row.judul, ringkasan: row.ringkasan, berkas: row.berkas.id });
    expect(res.status).toBe(200);
    expect(await h.stateOf(id, 'id')).toBe('disetujui');
    expect((await h.publish('operator', id, 'id')).status).toBe(200);
  });
});

describe('2. a shared field edited from the other locale', () => {
  test.each(WRITER_ROLES)('%s edits "nomor" while viewing en: both locales go back, publishing id is refused, the public is unchanged', async (role) => {
    const id = await h.publishedEntry(nomor());
    const res = await h.update(role, id, 'en', { nomor: `${seq}-DIUBAH-${role}` });
    expect(res.status).toBe(200);
    expect(await h.stateOf(id, 'en')).toBe('menunggu_persetujuan');
    expect(await h.stateOf(id, 'id')).toBe('menunggu_persetujuan');
    const idEvent = (await eventsOf(id)).find((e: any) => e.locale === 'id' && e.peristiwa === 'perlu_persetujuan_ulang');
    expect(idEvent.catatan).toMatch(/data bersama yang diubah dari bahasa en/);

    const before = await h.snapshot();
    expect((await h.publish('operator', id, 'id')).status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
    await h.assertPublicIsApproved();
  });

  test('making an entry exempt from the other locale cannot reach the public', async () => {
    const id = await h.publishedEntry(nomor(), { file: false });
    const res = await h.update('operator', id, 'en', {
      kategori: 'dikecualikan',
      dasarHukumPengecualian: 'Pasal 17 huruf b UU 14/2008',
      ringkasanUjiKonsekuensi: 'Membuka informasi menghambat penegakan hukum.',
      jangkaWaktuPengecualian: '5 tahun',
    });
    expect(res.status).toBe(200);
    expect(await h.stateOf(id, 'id')).toBe('menunggu_persetujuan');
    expect((await h.publish('operator', id, 'id')).status).toBe(400);
    expect((await h.publish('operator', id, 'en')).status).toBe(400);
    const live = await strapi.db.query(DIP).findMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(live.map((r: any) => r.kategori)).toEqual(['berkala', 'berkala']);
    await h.assertPublicIsApproved();
  });

  test('once both locales are approved with the new shared value, publishing one publishes the other with it', async () => {
    const id = await h.publishedEntry(nomor());
    expect((await h.update('operator', id, 'en', { nomor: `${seq}-BARU` })).status).toBe(200);
    await h.approve(id, 'id');
    // en is still waiting: publishing id would change en's live shared fields.
    const before = await h.snapshot();
    const refused = await h.publish('operator', id, 'id');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/versi bahasa en yang sudah terbit akan ikut berubah/);
    expect(await h.snapshot()).toEqual(before);

    await h.approve(id, 'en');
    expect((await h.publish('operator', id, 'id')).status).toBe(200);
    const live = await strapi.db.query(DIP).findMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(live.map((r: any) => r.nomor)).toEqual([`${seq}-BARU`, `${seq}-BARU`]);
    await h.assertPublicIsApproved();
  });

  test('discarding a draft that re-copies shared fields into an approved locale sends that locale back', async () => {
    const id = await h.publishedEntry(nomor());
    expect((await h.update('operator', id, 'en', { nomor: `${seq}-X` })).status).toBe(200);
    await h.approve(id, 'id');
    await h.approve(id, 'en');
    // en's draft is thrown away: its published (old) nomor is copied back into id's approved draft.
    const res = await h.http().post(`${CM}/${id}/actions/discard?locale=en`).set(h.as('operator')).send({});
    expect(res.status).toBe(200);
    expect(await h.stateOf(id, 'en')).toBe('disetujui');
    expect((await h.draftRow(id, 'en')).nomor).not.toBe(`${seq}-X`);
    // Whether Strapi re-copies the shared fields into id depends on which row its i18n sync reads
    // first (it differs between SQLite and PostgreSQL); either way id is approved only as approved.
    const idDraft = await h.draftRow(id, 'id');
    expect(await h.stateOf(id, 'id')).toBe(idDraft.nomor === `${seq}-X` ? 'disetujui' : 'menunggu_persetujuan');
    await h.assertPublicIsApproved();
  });
});

describe('3. replacing or changing the file of approved or online content', () => {
  test.each(['operator', 'kepala-bidang', 'sub-koordinator', 'super-admin'])('%s cannot replace the live PDF; bytes, row and state are unchanged', async (role) => {
    const id = await h.publishedEntry(nomor());
    const file = (await h.draftRow(id, 'id')).berkas;
    const bytes = h.fileOnDisk(file);
    const before = await h.snapshot();
    const res = await h
      .http()
      .post(`/upload?id=${file.id}`)
      .set(h.as(role))
      .attach('files', makePdf('Pengganti', ['lain']), { filename: 'pengganti.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/sudah disetujui atau terbit, sehingga tidak dapat diganti/);
    expect(await h.snapshot()).toEqual(before);
    expect(h.fileOnDisk(file).equals(bytes)).toBe(true);
    await h.assertPublicIsApproved();
  });

  test('an approved (not yet published) entry freezes its file too, and so do file-info edits and deletes', async () => {
    const pdf = await h.uploadPdf('operator', 'beku.pdf');
    const id = await h.create('operator', nomor(), { berkas: pdf.id });
    await h.approve(id, 'id');
    const before = await h.snapshot();
    const info = await h.http().post(`/upload?id=${pdf.id}`).set(h.as('operator')).send({ fileInfo: JSON.stringify({ name: 'nama-lain.pdf', caption: 'baru' }) });
    expect(info.status).toBe(400);
    const del = await h.http().delete(`/upload/files/${pdf.id}`).set(h.as('super-admin'));
    expect(del.status).toBe(400);
    const bulk = await h.http().post('/upload/actions/bulk-delete').set(h.as('super-admin')).send({ fileIds: [pdf.id] });
    expect(bulk.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });

  test('a draft that was never approved may still have its file replaced', async () => {
    const pdf = await h.uploadPdf('operator', 'draf.pdf');
    await h.create('operator', nomor(), { berkas: pdf.id });
    const res = await h
      .http()
      .post(`/upload?id=${pdf.id}`)
      .set(h.as('operator'))
      .attach('files', makePdf('Versi dua', ['isi']), { filename: 'draf.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(200);
  });

  test('attaching a new file straight onto a published row through the upload route is refused', async () => {
    const id = await h.publishedEntry(nomor());
    const live = await strapi.db.query(DIP).findOne({ where: { documentId: id, locale: 'id', publishedAt: { $notNull: true } } });
    const before = await h.snapshot();
    const res = await h
      .http()
      .post('/upload')
      .set(h.as('operator'))
      .field('ref', DIP)
      .field('refId', String(live.id))
      .field('field', 'berkas')
      .attach('files', makePdf('Selundupan', ['isi']), { filename: 'selundupan.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
    await h.assertPublicIsApproved();
  });

  test('attaching another file through the form sends the entry back for approval', async () => {
    const id = await h.publishedEntry(nomor());
    const other = await h.uploadPdf('operator', 'lain.pdf');
    expect((await h.update('operator', id, 'id', { berkas: other.id })).status).toBe(200);
    // berkas is shared: both locales changed.
    expect(await h.stateOf(id, 'id')).toBe('menunggu_persetujuan');
    expect(await h.stateOf(id, 'en')).toBe('menunggu_persetujuan');
    await h.assertPublicIsApproved();
  });
});

describe('4. clone, bulk publish, and writes from code', () => {
  test('a clone of an approved entry starts as a draft, with its creation in the audit trail', async () => {
    const id = await h.publishedEntry(nomor());
    const source = await h.draftRow(id, 'id');
    const res = await h
      .http()
      .post(`${CM}/clone/${id}?locale=id`)
      .set(h.as('operator'))
      .send({ ...validEntry(`${source.nomor}-SALINAN`), statusAlur: 'disetujui' });
    expect(res.status).toBe(200);
    const cloneId = res.body.data.documentId;
    expect(cloneId).not.toBe(id);
    const rows = await strapi.db.query(DIP).findMany({ where: { documentId: cloneId } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.statusAlur).toBe('draf');
    const events = await eventsOf(cloneId);
    expect(events.map((e: any) => [e.peristiwa, e.ke, e.aktorEmail])).toEqual(rows.map((r: any) => ['dibuat', 'draf', h.users.operator.email]));
    expect((await h.publish('operator', cloneId, 'id')).status).toBe(400);
    await h.assertPublicIsApproved();
  });

  test('bulk publish of approved and unapproved entries publishes nothing', async () => {
    const good = await h.create('operator', nomor());
    await h.approve(good, 'id');
    const bad = await h.create('operator', nomor());
    const before = await h.snapshot();
    const res = await h.http().post(`${CM}/actions/bulkPublish?locale=id`).set(h.as('operator')).send({ documentIds: [good, bad] });
    expect(res.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
    await h.assertPublicIsApproved();
  });

  test('create or update with status "published" from code goes through the same check, and a refusal leaves nothing', async () => {
    const before = await h.snapshot();
    await expect((strapi.documents(DIP as any) as any).create({ data: validEntry(nomor()), locale: 'id', status: 'published' })).rejects.toThrow(/belum disetujui/);
    expect(await h.snapshot()).toEqual(before);

    const id = await h.publishedEntry(nomor());
    const snap = await h.snapshot();
    await expect(
      (strapi.documents(DIP as any) as any).update({ documentId: id, locale: 'id', data: { ringkasan: 'Diubah dari kode.' }, status: 'published' }),
    ).rejects.toThrow(/belum disetujui/);
    expect(await h.snapshot()).toEqual(snap);
    await h.assertPublicIsApproved();
  });

  test('a direct state write is refused and changes nothing, for the super admin as well', async () => {
    const id = await h.create('operator', nomor());
    const before = await h.snapshot();
    const res = await h.update('super-admin', id, 'id', { statusAlur: 'disetujui', ringkasan: 'Coba lewat samping.' });
    expect(res.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });

  test('unpublishing is recorded in the audit trail', async () => {
    const id = await h.publishedEntry(nomor());
    const res = await h.http().post(`${CM}/${id}/actions/unpublish?locale=id`).set(h.as('operator')).send({});
    expect(res.status).toBe(200);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ peristiwa: 'ditarik', locale: 'id', aktorEmail: h.users.operator.email });
    expect((await h.publicEntries('id')).some((e) => e.documentId === id)).toBe(false);
  });
});

describe('malformed bodies', () => {
  test('100,000 nested brackets get a 400 and change nothing', async () => {
    const id = await h.create('operator', nomor());
    const before = await h.snapshot();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = `{"ringkasan": ${deep}}`;
    const res = await h.http().put(`${CM}/${id}?locale=id`).set(h.as('operator')).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
    const transition = await h
      .http()
      .post(`/ppid/workflow/dip-document/${id}/transitions?locale=id`)
      .set(h.as('operator'))
      .set('Content-Type', 'application/json')
      .send(`{"to": ${deep}}`);
    expect(transition.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });
});

test('the approval recorded in the audit trail names the exact version approved', async () => {
  const id = await h.publishedEntry(nomor());
  const approvals = (await eventsOf(id)).filter((e: any) => e.ke === 'disetujui');
  expect(approvals).toHaveLength(2);
  for (const event of approvals) expect(event.sidikKonten).toMatch(/^[0-9a-f]{64}$/);
  expect(viewOf(await h.draftRow(id, 'id')).ringkasan).toMatch(/disetujui/);
});

test("Strapi's Releases and review workflows are not reachable in this edition (their publishing would go through the same check)", async () => {
  for (const path of ['/content-releases', '/review-workflows/workflows']) {
    const res = await h.http().get(path).set(h.as('super-admin'));
    expect(res.status).toBe(404);
  }
});
