import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { sweepTimers } from '../../src/workflow/sweeper';

/**
 * The editors' workspace over HTTP: "Pekerjaan saya" follows a memo from one role to the next,
 * the compliance overview is for the Kepala Dinas, the Koordinator and the super admin only, the
 * SLA columns' endpoint, and each user's notices (another user's are not readable or markable).
 */
let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const NOTA = 'api::nota-permintaan.nota-permintaan';
const NOTICE = 'api::notifikasi.notifikasi';
const TIMER = 'api::timer-sla.timer-sla';
const users: Record<string, any> = {};
const tokens: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const [who, role] of [
    ['sub-koordinator', 'sub-koordinator'],
    ['koordinator', 'koordinator'],
    ['kepala-dinas', 'kepala-dinas'],
    ['operator', 'operator'],
    ['web-developer', 'web-developer'],
    ['super-admin', 'super-admin'],
  ]) {
    users[who] = await createAdmin(strapi, role);
    tokens[who] = await adminToken(strapi, users[who].id);
  }
});
afterAll(async () => {
  await teardownStrapi();
});

async function memo(perihal: string): Promise<string> {
  const res = await http().post(`/content-manager/collection-types/${NOTA}`).set(as('sub-koordinator')).send({ nomor: `WS/${perihal}`, perihal, tanggalNota: '2026-11-20' });
  expect(res.status).toBe(201);
  return res.body.data.documentId;
}
const step = (who: string, id: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as(who)).send({ to, note });
const myWork = async (who: string, query = '') => {
  const res = await http().get(`/ppid/my-work${query}`).set(as(who));
  expect(res.status).toBe(200);
  return res.body;
};
const ids = (body: any) => body.data.map((w: any) => w.documentId);

test('"Pekerjaan saya": the memo is in the waiting role\'s list, with label, due time, status and link, and leaves it after the step', async () => {
  const id = await memo('Ruang kerja satu');
  expect(ids(await myWork('sub-koordinator'))).toContain(id);
  expect(ids(await myWork('koordinator'))).not.toContain(id);

  expect((await step('sub-koordinator', id, 'menunggu_paraf')).status).toBe(200);
  const koordinator = await myWork('koordinator');
  const item = koordinator.data.find((w: any) => w.documentId === id);
  expect(item).toMatchObject({
    type: 'nota-permintaan',
    state: 'menunggu_paraf',
    stateLabel: 'Menunggu paraf Koordinator',
    title: 'Ruang kerja satu',
    status: 'on_track',
    link: `/content-manager/collection-types/${NOTA}/${id}`,
  });
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  expect(item.dueAt).toBe(new Date(timer.jatuhTempo).toISOString());
  expect(ids(await myWork('sub-koordinator'))).not.toContain(id);
  expect(ids(await myWork('kepala-dinas'))).not.toContain(id);

  // Overdue: the timer's due time moved into the past.
  await strapi.db.query(TIMER).update({ where: { id: timer.id }, data: { berisikoPada: new Date(Date.now() - 120_000), jatuhTempo: new Date(Date.now() - 60_000) } });
  const later = await myWork('koordinator');
  expect(later.data[0]).toMatchObject({ documentId: id, status: 'breached' });
  expect(later.meta.procedures.find((p: any) => p.type === 'nota-permintaan')).toMatchObject({ breached: 1 });

  // The list column's data and its filter.
  const sla = await http().get(`/ppid/sla/nota-permintaan?status=breached`).set(as('koordinator'));
  expect(sla.status).toBe(200);
  expect(sla.body.data.map((r: any) => r.documentId)).toEqual([id]);
  const one = await http().get(`/ppid/sla/nota-permintaan?documentIds=${id}`).set(as('sub-koordinator'));
  expect(one.body.data).toEqual([expect.objectContaining({ documentId: id, state: 'menunggu_paraf', status: 'breached' })]);
  expect((await http().get(`/ppid/sla/nota-permintaan?documentIds=a'b`).set(as('koordinator'))).status).toBe(400);

  expect((await step('koordinator', id, 'menunggu_tanda_tangan')).status).toBe(200);
  expect(ids(await myWork('koordinator'))).not.toContain(id);
  expect(ids(await myWork('kepala-dinas'))).toContain(id);
});

test('paging: bad parameters are refused in Indonesian; pages split the sorted list', async () => {
  const bad = await http().get('/ppid/my-work?pageSize=500').set(as('sub-koordinator'));
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/Parameter halaman tidak valid/);
  await memo('Ruang kerja dua');
  await memo('Ruang kerja tiga');
  const all = await myWork('sub-koordinator', '?pageSize=100');
  const first = await myWork('sub-koordinator', '?page=1&pageSize=1');
  const second = await myWork('sub-koordinator', '?page=2&pageSize=1');
  expect(first.meta.pagination.total).toBe(all.data.length);
  expect([first.data[0].documentId, second.data[0].documentId]).toEqual(all.data.slice(0, 2).map((w: any) => w.documentId));
  const dues = all.data.map((w: any) => w.dueAt).filter(Boolean);
  expect(dues).toEqual([...dues].sort());
});

test('the compliance overview is for the Kepala Dinas, the Koordinator and the super admin; others get 403 and nothing changes', async () => {
  for (const who of ['kepala-dinas', 'koordinator', 'super-admin']) {
    const res = await http().get('/ppid/compliance').set(as(who));
    expect(res.status).toBe(200);
    expect(res.body.data.obligations.map((o: any) => o.name)).toEqual(['rencana_konten', 'unggah_bulanan', 'evaluasi_pengelolaan', 'evaluasi_koordinator', 'segarkan_berkala']);
    expect(res.body.data.obligations[1]).toMatchObject({ status: 'on_track', nextDueAt: expect.any(String) });
  }
  const before = { timers: await strapi.db.query(TIMER).count(), notices: await strapi.db.query(NOTICE).count() };
  for (const who of ['sub-koordinator', 'operator', 'web-developer']) {
    const res = await http().get('/ppid/compliance').set(as(who));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/hanya untuk Kepala Dinas, Koordinator dan super admin/);
  }
  expect({ timers: await strapi.db.query(TIMER).count(), notices: await strapi.db.query(NOTICE).count() }).toEqual(before);
  expect((await http().get('/ppid/compliance')).status).toBe(401);
});

test('breaches this month per step', async () => {
  const id = await memo('Ruang kerja terlambat');
  expect((await step('sub-koordinator', id, 'menunggu_paraf')).status).toBe(200);
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  await strapi.db.query(TIMER).update({ where: { id: timer.id }, data: { berisikoPada: new Date(Date.now() - 120_000), jatuhTempo: new Date(Date.now() - 60_000) } });
  const before = (await http().get('/ppid/compliance').set(as('koordinator'))).body.data.breaches.find((b: any) => b.type === 'nota-permintaan' && b.state === 'menunggu_paraf');
  expect((await step('koordinator', id, 'menunggu_tanda_tangan')).status).toBe(200); // left late
  const after = (await http().get('/ppid/compliance').set(as('koordinator'))).body.data.breaches.find((b: any) => b.type === 'nota-permintaan' && b.state === 'menunggu_paraf');
  expect(after.closedLate).toBe((before?.closedLate ?? 0) + 1);
  expect(after.openOverdue).toBe((before?.openOverdue ?? 1) - 1);
  expect(after.stateLabel).toBe('Menunggu paraf Koordinator');
});

test("notices: SLA and returned-to-you notices are listed for their recipient only; marking another user's notice is a 404 and changes nothing", async () => {
  const id = await memo('Ruang kerja notifikasi');
  expect((await step('sub-koordinator', id, 'menunggu_paraf')).status).toBe(200);
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  await sweepTimers(strapi, new Date(new Date(timer.jatuhTempo).getTime() + 60_000));

  const k = await http().get('/ppid/my-notices').set(as('koordinator'));
  expect(k.status).toBe(200);
  const overdue = k.body.data.find((n: any) => n.kind === 'sla_terlambat' && n.link?.includes(id));
  expect(overdue).toMatchObject({ kindLabel: 'Terlambat', readAt: null, link: `/content-manager/collection-types/${NOTA}/${id}` });
  expect(k.body.meta.unread).toBeGreaterThanOrEqual(1);
  const op = await http().get('/ppid/my-notices').set(as('operator'));
  expect(op.body.data.find((n: any) => n.id === overdue.id)).toBeUndefined();

  // Another user cannot mark it (nor learn that it exists).
  const snapshot = await strapi.db.query(NOTICE).findOne({ where: { id: overdue.id } });
  const foreign = await http().post(`/ppid/my-notices/${overdue.id}/read`).set(as('operator'));
  expect(foreign.status).toBe(404);
  expect(await strapi.db.query(NOTICE).findOne({ where: { id: overdue.id } })).toEqual(snapshot);

  const read = await http().post(`/ppid/my-notices/${overdue.id}/read`).set(as('koordinator'));
  expect(read.status).toBe(200);
  expect(read.body.data.readAt).toEqual(expect.any(String));
  const again = await http().get('/ppid/my-notices').set(as('koordinator'));
  expect(again.body.meta.unread).toBe(k.body.meta.unread - 1);

  // Sent back: the author (the Sub Koordinator) is told.
  expect((await step('koordinator', id, 'dikembalikan', 'Perihal kurang jelas')).status).toBe(200);
  let returned: any;
  for (let i = 0; i < 50 && !returned; i++) {
    const mine = await http().get('/ppid/my-notices').set(as('sub-koordinator'));
    returned = mine.body.data.find((n: any) => n.kind === 'dikembalikan' && n.link?.includes(id));
    if (!returned) await new Promise((r) => setTimeout(r, 100));
  }
  expect(returned).toMatchObject({ kindLabel: 'Dikembalikan kepada Anda', subject: expect.stringContaining('Ruang kerja notifikasi') });
  const stored = await strapi.db.query(NOTICE).findOne({ where: { id: returned.id } });
  expect(stored.penerima).toBe(users['sub-koordinator'].email);
  expect(stored.statusKirim).toBe('pending'); // e-mailed by the outbox like every other notice
});

test("the row's SLA fields follow the running timer, are Strapi's own sort and filter, and no writer sets them", async () => {
  const a = await memo('Ruang kerja urut A');
  const b = await memo('Ruang kerja urut B');
  const row = (id: string) => strapi.db.query(NOTA).findOne({ where: { documentId: id } });
  const timerOf = (id: string) => strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  for (const id of [a, b]) {
    const [r, t] = [await row(id), await timerOf(id)];
    expect(new Date(r.slaJatuhTempo).toISOString()).toBe(new Date(t.jatuhTempo).toISOString());
    expect(new Date(r.slaBerisikoPada).toISOString()).toBe(new Date(t.berisikoPada).toISOString());
  }
  expect((await step('sub-koordinator', a, 'menunggu_paraf')).status).toBe(200);
  const moved = await timerOf(a);
  expect(moved.keadaan).toBe('menunggu_paraf');
  expect(new Date((await row(a)).slaJatuhTempo).toISOString()).toBe(new Date(moved.jatuhTempo).toISOString());

  // B's timer is moved into the past behind the engine's back: the sweep that flags it also
  // brings the row's copy in line.
  const past = new Date(Date.now() - 3_600_000);
  await strapi.db.query(TIMER).update({ where: { id: (await timerOf(b)).id }, data: { jatuhTempo: past, berisikoPada: new Date(past.getTime() - 60_000), cekBerikutnya: new Date(past.getTime() - 60_000) } });
  expect(new Date((await row(b)).slaJatuhTempo).getTime()).toBeGreaterThan(Date.now());
  await sweepTimers(strapi, new Date());
  expect(new Date((await row(b)).slaJatuhTempo).toISOString()).toBe(past.toISOString());
  const list = async (query: string) => {
    const res = await http().get(`/content-manager/collection-types/${NOTA}?${query}`).set(as('sub-koordinator'));
    expect(res.status).toBe(200);
    return res.body.results.map((r: any) => r.documentId);
  };
  const sorted = await list('sort=slaJatuhTempo:ASC&pageSize=100');
  expect(sorted.indexOf(b)).toBeLessThan(sorted.indexOf(a));
  const late = await list(`filters[$and][0][slaJatuhTempo][$lt]=${encodeURIComponent(new Date().toISOString())}&pageSize=100`);
  expect(late).toContain(b);
  expect(late).not.toContain(a);

  // A value sent by an editor (or the super admin) is dropped: the row keeps the engine's.
  const before = await row(a);
  for (const who of ['sub-koordinator', 'super-admin']) {
    const res = await http()
      .put(`/content-manager/collection-types/${NOTA}/${a}`)
      .set(as(who))
      .send({ perihal: 'Ruang kerja urut A', slaJatuhTempo: '2099-01-01T00:00:00.000Z', slaBerisikoPada: '2098-01-01T00:00:00.000Z' });
    expect([200, 403]).toContain(res.status);
    const after = await row(a);
    expect(new Date(after.slaJatuhTempo).toISOString()).toBe(new Date(before.slaJatuhTempo).toISOString());
    expect(new Date(after.slaBerisikoPada).toISOString()).toBe(new Date(before.slaBerisikoPada).toISOString());
  }
});

test('a new follow-up item is in its assignee\'s "Pekerjaan saya" and notices (once), not in anyone else\'s', async () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const dev = users['web-developer'].email;
  const res = await http()
    .post('/content-manager/collection-types/api::notulen.notulen')
    .set(as('sub-koordinator'))
    .send({
      judul: 'Rapat ruang kerja',
      tanggalRapat: new Date().toISOString(),
      peserta: 'Koordinator, Web Developer',
      pembahasan: 'Menu ponsel.',
      tindakLanjut: [{ deskripsi: 'Perbaiki menu ponsel', penanggungJawab: dev, tenggat: tomorrow }],
    });
  expect(res.status).toBe(201);
  const id = res.body.data.documentId;
  const work = await myWork('web-developer');
  expect(work.data.find((w: any) => w.documentId === id)).toMatchObject({
    kind: 'item',
    type: 'notulen',
    state: 'baru',
    title: 'Tindak lanjut: Perbaiki menu ponsel',
    status: 'on_track',
    link: `/content-manager/collection-types/api::notulen.notulen/${id}`,
  });
  expect(ids(await myWork('operator'))).not.toContain(id);
  const notices = (await http().get('/ppid/my-notices').set(as('web-developer'))).body.data.filter((n: any) => n.kind === 'tindak_lanjut_baru' && n.link?.includes(id));
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ kindLabel: 'Tindak lanjut baru', subject: expect.stringContaining('Perbaiki menu ponsel') });
  // Saving the minutes again does not announce the item again.
  const doc = (await http().get(`/content-manager/collection-types/api::notulen.notulen/${id}`).set(as('sub-koordinator'))).body.data;
  expect((await http().put(`/content-manager/collection-types/api::notulen.notulen/${id}`).set(as('sub-koordinator')).send({ ...doc, pembahasan: 'Menu ponsel (diperbarui).' })).status).toBe(200);
  expect(await strapi.db.query(NOTICE).count({ where: { jenis: 'tindak_lanjut_baru', dokumenId: id } })).toBe(1);
});
