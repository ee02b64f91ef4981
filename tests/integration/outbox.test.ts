import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { startSmtp } from '../helpers/smtp';
import { sweepTimers } from '../../src/workflow/sweeper';
import { deliverNotices } from '../../src/outbox/sender';
import * as queueModule from '../../src/outbox/queue';
import { ipcClient } from '../helpers/ipc';

/**
 * The outbox (kotak keluar) against a real SMTP exchange: Strapi's email plugin with the
 * nodemailer provider, talking to a local SMTP server that refuses what the test tells it to.
 */
let strapi: Core.Strapi;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const http = () => request(strapi.server.httpServer);
const NOTICE = 'api::notifikasi.notifikasi';
const TIMER = 'api::timer-sla.timer-sla';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const users: Record<string, any> = {};
const tokens: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
const MINUTE = 60_000;

beforeAll(async () => {
  smtp = await startSmtp();
  strapi = await setupStrapi({
    ...TOKENS_WITHOUT_MFA,
    EMAIL_PROVIDER: 'nodemailer',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    PPID_OUTBOX_MAX_ATTEMPTS: '3',
    PPID_OUTBOX_BACKOFF_SECONDS: '60',
    PPID_OUTBOX_BACKOFF_MAX_SECONDS: '600',
    PPID_OUTBOX_SEND_TIMEOUT_SECONDS: '20',
    PPID_OUTBOX_LEASE_SECONDS: '120',
  });
  for (const [who, role] of [
    ['sub-koordinator', 'sub-koordinator'],
    ['koordinator', 'koordinator'],
    ['koordinator2', 'koordinator'],
    ['operator', 'operator'],
    ['super-admin', 'super-admin'],
  ]) {
    users[who] = await createAdmin(strapi, role);
    tokens[who] = await adminToken(strapi, users[who].id);
  }
});
afterAll(async () => {
  await teardownStrapi();
  await smtp?.close();
});

async function memoWaitingForParaf(nomor: string): Promise<string> {
  const res = await http()
    .post('/content-manager/collection-types/api::nota-permintaan.nota-permintaan')
    .set(as('sub-koordinator'))
    .send({ nomor, perihal: 'Permintaan DIP', tanggalNota: '2026-11-20' });
  expect(res.status).toBe(201);
  const id = res.body.data.documentId;
  const moved = await http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as('sub-koordinator')).send({ to: 'menunggu_paraf' });
  expect(moved.status).toBe(200);
  return id;
}

/** One instant after every given memo's paraf deadline. */
async function afterDeadlines(ids: string[]): Promise<Date> {
  const timers = await strapi.db.query(TIMER).findMany({ where: { dokumenId: { $in: ids }, ditutupPada: null } });
  return new Date(Math.max(...timers.map((t: any) => new Date(t.jatuhTempo).getTime())) + MINUTE);
}

const noticesOf = (ids: string[]) => strapi.db.query(NOTICE).findMany({ where: { dokumenId: { $in: ids } }, orderBy: { id: 'asc' } });
const open = async () => strapi.db.query(NOTICE).count({ where: { statusKirim: { $in: ['pending', 'failed'] } } });
const acceptedCount = (key: string) => smtp.state.accepted.filter((m) => m.key === key).length;

/** Runs senders round after round, the clock moving past every backoff, until nothing is left to send. */
async function drain(start: Date, senders: Array<(now: Date) => Promise<unknown>>) {
  let now = start;
  for (let round = 0; round < 10 && (await open()) > 0; round += 1) {
    await Promise.all(senders.map((send) => send(now)));
    now = new Date(now.getTime() + 11 * MINUTE);
  }
  expect(await open()).toBe(0);
}
const localSender = (now: Date) => deliverNotices(strapi, { now });

test('every notice is delivered exactly once: two sweepers and two senders at once, the SMTP server refusing the first 3 deliveries', async () => {
  const ids = [];
  for (let i = 1; i <= 4; i += 1) ids.push(await memoWaitingForParaf(`OUTBOX/${i}`));
  const late = await afterDeadlines(ids);
  smtp.state.failFirst = 3;
  const acceptedBefore = smtp.state.accepted.length;

  const [a, b] = await Promise.all([sweepTimers(strapi, late), sweepTimers(strapi, late), localSender(late), localSender(late)]);
  expect(a.breached + b.breached).toBe(4);
  expect(a.notices + b.notices).toBe(8); // 4 memos × 2 koordinators

  await drain(late, [localSender, localSender]);
  const notices = await noticesOf(ids);
  expect(notices).toHaveLength(8);
  expect(new Set(notices.map((n: any) => n.penerima))).toEqual(new Set([users.koordinator.email, users.koordinator2.email]));
  for (const notice of notices) {
    expect(notice.statusKirim).toBe('sent');
    expect(acceptedCount(notice.kunciIdempotensi)).toBe(1);
  }
  expect(smtp.state.rejected).toBe(3);
  expect(smtp.state.accepted.length - acceptedBefore).toBe(8);
  // The three refused deliveries were tried again (SMTP 451 recorded), the others went through at once.
  const retried = notices.filter((n: any) => n.percobaan === 2);
  expect(retried).toHaveLength(3);
  for (const n of retried) expect(n.galatTerakhir).toMatch(/Percobaan 1: .*451/);
  expect(notices.filter((n: any) => n.percobaan === 1)).toHaveLength(5);
});

test('a claim is never committed without its notices: if queueing fails, the sweep rolls back and the next one notifies', async () => {
  const id = await memoWaitingForParaf('OUTBOX/ATOM');
  const late = await afterDeadlines([id]);
  const spy = jest.spyOn(queueModule, 'queueNotices').mockRejectedValueOnce(new Error('disk penuh'));
  try {
    await expect(sweepTimers(strapi, late)).rejects.toThrow('disk penuh');
  } finally {
    spy.mockRestore();
  }
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  expect(timer.notifLewatPada).toBeNull();
  expect(timer.status).toBe('on_track');
  expect(await noticesOf([id])).toHaveLength(0);

  expect((await sweepTimers(strapi, late)).notices).toBe(2);
  await drain(late, [localSender]);
  for (const n of await noticesOf([id])) expect(acceptedCount(n.kunciIdempotensi)).toBe(1);
});

(process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)(
  'two Strapi instances on one PostgreSQL database, each sweeping and sending at the same time, deliver each notice once',
  async () => {
    const ids = [];
    for (let i = 1; i <= 3; i += 1) ids.push(await memoWaitingForParaf(`OUTBOX/DUA/${i}`));
    const late = await afterDeadlines(ids);
    smtp.state.failFirst = 2;
    const child: ChildProcess = fork(path.join(__dirname, '../helpers/second-instance.js'), [], { env: { ...process.env }, stdio: 'inherit' });
    const { ready, call } = ipcClient(child, 'second instance');
    const remote = (op: string, now: Date) => call(op, { now: now.toISOString() });
    try {
      await ready;
      const results = await Promise.all([
        sweepTimers(strapi, late),
        remote('sweep', late),
        localSender(late),
        remote('deliver', late),
      ]);
      expect(results[0].breached + results[1].breached).toBe(3);
      await drain(late, [localSender, (now) => remote('deliver', now)]);
      const notices = await noticesOf(ids);
      expect(notices).toHaveLength(6);
      for (const n of notices) {
        expect(n.statusKirim).toBe('sent');
        expect(acceptedCount(n.kunciIdempotensi)).toBe(1);
      }
    } finally {
      if (child.exitCode === null) {
        await remote('stop', new Date()).catch(() => undefined);
        await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      }
    }
  },
);

describe('dead letters, visibility and re-queue', () => {
  let dead: any;
  const snapshot = async () => ({
    notices: await strapi.db.query(NOTICE).findMany({ orderBy: { id: 'asc' } }),
    audit: await strapi.db.query(AUDIT).count(),
  });

  test('a notice the server keeps refusing becomes a dead letter after the configured attempts; the others are sent', async () => {
    users.unreachable = await createAdmin(strapi, 'koordinator', { email: `tidak.ada.${process.pid}@ppid.test` });
    smtp.state.refuse.add(users.unreachable.email.toLowerCase());
    const id = await memoWaitingForParaf('OUTBOX/MATI');
    const late = await afterDeadlines([id]);
    await sweepTimers(strapi, late);
    await drain(late, [localSender]);

    const notices = await noticesOf([id]);
    expect(notices).toHaveLength(3);
    dead = notices.find((n: any) => n.penerima === users.unreachable.email);
    expect(dead).toMatchObject({ statusKirim: 'dead', percobaan: 3, cobaLagiPada: null });
    expect(dead.galatTerakhir).toMatch(/Percobaan 3: .*550/);
    for (const n of notices.filter((x: any) => x !== dead)) {
      expect(n.statusKirim).toBe('sent');
      expect(acceptedCount(n.kunciIdempotensi)).toBe(1);
    }
    expect(acceptedCount(dead.kunciIdempotensi)).toBe(0);
  });

  test('the super admin sees failed and dead notices with their last error, in the outbox API and the Content Manager', async () => {
    const list = await http().get('/ppid/notifications').set(as('super-admin'));
    expect(list.status).toBe(200);
    const row = list.body.data.find((n: any) => n.id === dead.id);
    expect(row).toMatchObject({ status: 'dead', statusLabel: 'mati (tidak dicoba lagi)', penerima: users.unreachable.email, percobaan: 3 });
    expect(row.galatTerakhir).toMatch(/550/);
    expect(list.body.data.every((n: any) => ['failed', 'dead'].includes(n.status))).toBe(true);
    expect(list.body.meta.counts.dead).toBeGreaterThanOrEqual(1);
    expect((await http().get('/ppid/notifications?status=sent').set(as('super-admin'))).body.data.length).toBeGreaterThan(0);
    expect((await http().get('/ppid/notifications?status=hilang').set(as('super-admin'))).status).toBe(400);

    const cm = await http().get(`/content-manager/collection-types/${NOTICE}?filters[statusKirim][$eq]=dead`).set(as('super-admin'));
    expect(cm.status).toBe(200);
    expect(cm.body.results.map((n: any) => n.id)).toContain(dead.id);
  });

  test('no other role, and nobody on the public API, can read the outbox', async () => {
    // Not even Strapi's own Editor/Author roles, which Strapi grants every content type on a fresh install.
    const grants = await strapi.db.query('admin::permission').findMany({ where: { subject: NOTICE }, populate: ['role'] });
    expect(new Set(grants.map((p: any) => p.role.code))).toEqual(new Set(['strapi-super-admin']));
    for (const who of ['koordinator', 'operator', 'sub-koordinator']) {
      const api = await http().get('/ppid/notifications').set(as(who));
      expect(api.status).toBe(403);
      expect(api.body.error.message).toMatch(/Hanya super admin/);
      expect((await http().get(`/content-manager/collection-types/${NOTICE}`).set(as(who))).status).toBe(403);
    }
    expect((await http().get('/ppid/notifications')).status).toBe(401);
    expect([403, 404]).toContain((await http().get('/api/notifikasis')).status);
  });

  test('the Content Manager cannot write notices, not even for the super admin; nothing changes', async () => {
    const before = await snapshot();
    const base = `/content-manager/collection-types/${NOTICE}`;
    const create = await http().post(base).set(as('super-admin')).send({ penerima: 'x@ppid.test', subjek: 'x', isi: 'x', jenis: 'x', kunciIdempotensi: 'x' });
    expect(create.status).toBe(403);
    const { id, documentId, createdAt, updatedAt, ...fields } = dead;
    const update = await http().put(`${base}/${dead.documentId}`).set(as('super-admin')).send({ ...fields, statusKirim: 'pending', percobaan: 0 });
    // The super admin holds every Content Manager permission: the refusal is the outbox's own
    // (Strapi's route layer reports any ForbiddenError as a bare "Forbidden"; the Document Service says why).
    expect(update.status).toBe(403);
    expect((await http().delete(`${base}/${dead.documentId}`).set(as('super-admin'))).status).toBe(403);
    await expect(strapi.documents(NOTICE as any).update({ documentId: dead.documentId, data: { statusKirim: 'pending' } as any })).rejects.toThrow(
      /hanya ditulis oleh sistem/,
    );
    expect(await snapshot()).toEqual(before);
  });

  test('re-queue is refused to other roles, for a notice that did not fail, and for an unknown one; nothing changes', async () => {
    const before = await snapshot();
    for (const who of ['koordinator', 'operator']) {
      const res = await http().post(`/ppid/notifications/${dead.id}/retry`).set(as(who)).send({});
      expect(res.status).toBe(403);
    }
    const sent = before.notices.find((n: any) => n.statusKirim === 'sent');
    const notFailed = await http().post(`/ppid/notifications/${sent.id}/retry`).set(as('super-admin')).send({});
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.error.message).toMatch(/berstatus "terkirim"/);
    expect((await http().post('/ppid/notifications/999999/retry').set(as('super-admin')).send({})).status).toBe(404);
    expect((await http().post(`/ppid/notifications/${dead.id}/retry`).set(as('super-admin')).send({ note: 42 })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  test('the super admin re-queues a dead notice (audited); once the mailbox exists it is delivered once', async () => {
    const res = await http().post(`/ppid/notifications/${dead.documentId}/retry`).set(as('super-admin')).send({ note: 'kotak surat sudah dibuat' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: dead.id, status: 'pending', percobaan: 0 });
    const event = await strapi.db.query(AUDIT).findOne({ orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({
      kategori: 'sistem',
      peristiwa: 'notifikasi_diantrekan_ulang',
      jenisKonten: NOTICE,
      dokumenId: dead.documentId,
      dari: 'dead',
      ke: 'pending',
      aktorId: users['super-admin'].id,
      aktorEmail: users['super-admin'].email,
    });
    expect(event.catatan).toContain('kotak surat sudah dibuat');

    smtp.state.refuse.delete(users.unreachable.email.toLowerCase());
    const result = await deliverNotices(strapi);
    expect(result.sent).toBe(1);
    expect(acceptedCount(dead.kunciIdempotensi)).toBe(1);
    expect(await strapi.db.query(NOTICE).findOne({ where: { id: dead.id } })).toMatchObject({ statusKirim: 'sent', percobaan: 1 });
  });
});

describe('leases', () => {
  const queueOne = async (key: string, now: Date) => {
    await queueModule.queueNotices(strapi, [{ kunciIdempotensi: key, jenis: 'uji', penerima: users['super-admin'].email, subjek: `Uji ${key}`, isi: 'Uji sewa.' }], now);
    return strapi.db.query(NOTICE).findOne({ where: { kunciIdempotensi: key } });
  };

  test('a notice whose sender stopped mid-send is left alone until its lease expires, then sent once', async () => {
    const now = new Date();
    const notice = await queueOne(`sewa-mati-${Date.now()}`, now);
    // What a sender that crashed after its claim leaves behind.
    await strapi.db.query(NOTICE).updateMany({
      where: { id: notice.id },
      data: { percobaan: 1, sewaSampai: new Date(now.getTime() + 2 * MINUTE), tokenSewa: 'pengirim-yang-mati' },
    });
    expect((await deliverNotices(strapi, { now: new Date(now.getTime() + MINUTE) })).attempted).toBe(0);
    expect(acceptedCount(notice.kunciIdempotensi)).toBe(0);
    const later = await deliverNotices(strapi, { now: new Date(now.getTime() + 2 * MINUTE + 1000) });
    expect(later.sent).toBe(1);
    expect(acceptedCount(notice.kunciIdempotensi)).toBe(1);
    expect(await strapi.db.query(NOTICE).findOne({ where: { id: notice.id } })).toMatchObject({ statusKirim: 'sent', percobaan: 2, tokenSewa: null });
  });

  test('a delivery that times out keeps its lease: no second sender starts while it might still be running', async () => {
    const now = new Date();
    const notice = await queueOne(`sewa-lambat-${Date.now()}`, now);
    const outbox = (strapi.config.get('ppid') as any).outbox;
    const saved = { ...outbox };
    Object.assign(outbox, { sendTimeoutSeconds: 1, backoffSeconds: 1 });
    try {
      const hung = await deliverNotices(strapi, { now, send: () => new Promise(() => undefined) });
      expect(hung).toMatchObject({ attempted: 1, failed: 1 });
    } finally {
      Object.assign(outbox, saved);
    }
    const row = await strapi.db.query(NOTICE).findOne({ where: { id: notice.id } });
    expect(row.statusKirim).toBe('failed');
    expect(row.galatTerakhir).toMatch(/tidak diketahui/);
    expect(row.sewaSampai).not.toBeNull();
    // The backoff (1 s) is over, but the lease (120 s) is not: no sender takes it, and no re-queue either.
    expect((await deliverNotices(strapi, { now: new Date(now.getTime() + 5000) })).attempted).toBe(0);
    const requeue = await http().post(`/ppid/notifications/${notice.id}/retry`).set(as('super-admin')).send({});
    expect(requeue.status).toBe(409);
    expect(await strapi.db.query(NOTICE).findOne({ where: { id: notice.id } })).toEqual(row);
    expect((await deliverNotices(strapi, { now: new Date(now.getTime() + 2 * MINUTE + 1000) })).sent).toBe(1);
    expect(acceptedCount(notice.kunciIdempotensi)).toBe(1);
  });
});
