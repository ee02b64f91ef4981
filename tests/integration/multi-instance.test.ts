/**
 * Issue #13, several instances: two Strapi processes on one PostgreSQL database, with Redis,
 * behind nginx (Debian's package, unprivileged), as the README's deployment section sets them up.
 * Proves: each cron tick runs on one instance (no duplicate notice, publication or anchor); the
 * admin sign-in limit and the public form limit hold across both; a transition made on one is
 * seen on the other; a sign-in with 2FA started on one completes on the other; SIGTERM lets a
 * request in flight finish while nginx sends the next ones to the instance that stays.
 * PostgreSQL only: SQLite is one file for one process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import type { Client } from 'pg';
import { startSmtp } from '../helpers/smtp';
import { referenceTotp } from '../helpers/reference-totp';
import { freePorts, isPostgres, NGINX, pgAdmin, startInstance, startNginx, throwawayDatabase, type Instance, type Nginx } from '../helpers/instances';

// Chosen at start (freePort): fixed ports in the ephemeral range collided with outgoing connections.
const PORTS = { nginx: 0, a: 0, b: 0 };
const REDIS_URL = process.env.PPID_TEST_REDIS_URL || 'redis://127.0.0.1:6379/2';
const PASSWORD = 'Kx9#vT2m-Qw7z-Lp4s';
const MINUTE = 60_000;

const runnable = isPostgres() && fs.existsSync(NGINX);
// CI installs nginx (.ci/run): there, a PostgreSQL run without it is a failure, not a skip.
if (isPostgres() && !runnable && process.env.CI) throw new Error(`${NGINX} is missing: CI must run the multi-instance test`);
if (!runnable) {
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      '!! MULTI-INSTANCE TEST SKIPPED (tests/integration/multi-instance.test.ts):',
      isPostgres() ? `!!   ${NGINX} is missing (sudo apt-get install -y nginx)` : '!!   it needs PostgreSQL: run  npm run test:postgres -- tests/integration/multi-instance.test.ts',
      line,
      '',
    ].join('\n'),
  );
}
const describeMulti = runnable ? describe : describe.skip;

describeMulti('two instances on one PostgreSQL database behind nginx, with Redis', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let pg: Client;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: Instance;
  let b: Instance;
  let nginx: Nginx;
  let redis: Redis;
  const prefix = `ppid-multi:${crypto.randomBytes(4).toString('hex')}:`;
  const anchorDirs: string[] = [];
  const users: Record<string, { id: number; email: string }> = {};
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const via = (port: number) => request(`http://127.0.0.1:${port}`);
  const proxy = () => via(PORTS.nginx);

  beforeAll(async () => {
    anchorDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-multi-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-multi-b-')));
    smtp = await startSmtp();
    db = await throwawayDatabase('multi');
    redis = new Redis(REDIS_URL, { keyPrefix: prefix });
    const env = {
      ...db.env,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      TRUST_PROXY: 'true',
      CRON_ENABLED: 'false', // the test fires the ticks itself, on both instances at once
      PPID_MFA_REQUIRED_ROLES: 'web-developer',
      PPID_REQUEST_RATE_PER_HOUR: '2',
      PPID_AUDIT_ANCHOR_EMAIL: 'arsip-jejak@test.ppid',
      EMAIL_PROVIDER: 'nodemailer',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      PPID_LOG_FORMAT: 'json',
      LOG_LEVEL: 'http',
      PPID_SHUTDOWN_TIMEOUT_SECONDS: '30',
    };
    // The first instance creates the schema; the second starts on it (as a rolling deploy does).
    [PORTS.nginx, PORTS.a, PORTS.b] = await freePorts(3);
    a = await startInstance(PORTS.a, { ...env, PPID_AUDIT_ANCHOR_DIR: anchorDirs[0] });
    b = await startInstance(PORTS.b, { ...env, PPID_AUDIT_ANCHOR_DIR: anchorDirs[1] });
    nginx = await startNginx(PORTS.nginx, [PORTS.a, PORTS.b]);
    pg = pgAdmin(db.name);
    await pg.connect();
    for (const role of ['sub-koordinator', 'koordinator', 'operator', 'web-developer']) {
      users[role] = await a.call('createAdmin', { role, email: `${role}@multi.test.ppid`, password: PASSWORD });
      if (role !== 'web-developer') tokens[role] = await a.call('token', { userId: users[role].id });
    }
  }, 900_000);

  afterAll(async () => {
    await pg?.end().catch(() => undefined);
    await nginx?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    await smtp?.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      // keys() answers full names; del() adds the prefix again.
      if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
      redis.disconnect();
    }
    for (const dir of anchorDirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  const move = (port: number, who: string, type: string, id: string, to: string) =>
    via(port).post(`/ppid/workflow/${type}/${id}/transitions`).set(as(who)).send({ to });
  const stateOn = async (port: number, who: string, type: string, id: string) =>
    (await via(port).get(`/ppid/workflow/${type}/${id}`).set(as(who))).body.data?.state;

  test('nginx spreads requests over both instances, and both are ready (database and Redis)', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const res = await proxy().get('/_ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'siap', database: 'ok', redis: 'ok' });
      seen.add(String(res.headers['x-upstream']));
    }
    expect(seen).toEqual(new Set([`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`]));
    expect((await proxy().get('/_health')).status).toBe(204);
  });

  test('a transition made on one instance is seen on the other; a session opened on one is valid on the other', async () => {
    const created = await via(PORTS.a)
      .post('/content-manager/collection-types/api::nota-permintaan.nota-permintaan')
      .set(as('sub-koordinator'))
      .send({ nomor: 'MULTI/1', perihal: 'Dua instans', tanggalNota: '2026-11-20' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect(await stateOn(PORTS.b, 'sub-koordinator', 'nota-permintaan', id)).toBe('penyusunan_konsep');
    expect((await move(PORTS.b, 'sub-koordinator', 'nota-permintaan', id, 'menunggu_paraf')).status).toBe(200);
    expect(await stateOn(PORTS.a, 'sub-koordinator', 'nota-permintaan', id)).toBe('menunggu_paraf');
    // The same step again, now on the first instance: refused, the state stays.
    expect((await move(PORTS.a, 'sub-koordinator', 'nota-permintaan', id, 'menunggu_paraf')).status).toBe(409);
    expect(await stateOn(PORTS.b, 'sub-koordinator', 'nota-permintaan', id)).toBe('menunggu_paraf');
  });

  test('cron ticks fired on both instances at once run once: one notice per recipient, one publication, one audit anchor', async () => {
    // Three memos that will miss their paraf deadline, and a scheduled item whose time will come.
    const memos: string[] = [];
    for (let i = 1; i <= 3; i += 1) {
      const res = await via(i % 2 ? PORTS.a : PORTS.b)
        .post('/content-manager/collection-types/api::nota-permintaan.nota-permintaan')
        .set(as('sub-koordinator'))
        .send({ nomor: `MULTI/CRON/${i}`, perihal: 'Tenggat', tanggalNota: '2026-11-20' });
      expect(res.status).toBe(201);
      memos.push(res.body.data.documentId);
      expect((await move(PORTS.b, 'sub-koordinator', 'nota-permintaan', res.body.data.documentId, 'menunggu_paraf')).status).toBe(200);
    }
    const dip = await a.call<{ documentId: string }>('createDocument', {
      uid: 'api::dip-document.dip-document',
      locale: 'id',
      data: {
        nomor: 'DIP/MULTI/1', judul: 'Jadwal dua instans', ringkasan: 'R', kategori: 'setiap_saat', pejabatPenguasa: 'Kadis',
        penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun',
      },
    });
    expect((await move(PORTS.a, 'operator', 'dip-document', dip.documentId, 'menunggu_persetujuan')).status).toBe(200);
    expect((await move(PORTS.b, 'koordinator', 'dip-document', dip.documentId, 'disetujui')).status).toBe(200);
    const jadwal = new Date(Date.now() + 3_600_000);
    // The item belongs to its quarter's list, which the Koordinator signs before the item is approved.
    const list = await via(PORTS.a)
      .post('/content-manager/collection-types/api::daftar-konten.daftar-konten')
      .set(as('sub-koordinator'))
      .send({ periode: '2026-Q4' });
    expect(list.status).toBe(201);
    const listId = list.body.data.documentId;
    const item = await via(PORTS.b)
      .post('/content-manager/collection-types/api::konten-terjadwal.konten-terjadwal')
      .set(as('sub-koordinator'))
      .send({ judul: 'Tayang dua instans', jenis: 'dokumen_dip', periode: '2026-Q4', jadwalTayang: jadwal.toISOString(), dokumen: dip.documentId, daftarKonten: listId });
    expect(item.status).toBe(201);
    const itemId = item.body.data.documentId;
    expect((await move(PORTS.a, 'sub-koordinator', 'konten-terjadwal', itemId, 'menunggu_persetujuan')).status).toBe(200);
    expect((await move(PORTS.b, 'sub-koordinator', 'daftar-konten', listId, 'menunggu_tanda_tangan')).status).toBe(200);
    expect((await move(PORTS.a, 'koordinator', 'daftar-konten', listId, 'menunggu_penerimaan')).status).toBe(200);
    expect((await move(PORTS.b, 'koordinator', 'konten-terjadwal', itemId, 'disetujui')).status).toBe(200);

    const { rows } = await pg.query('SELECT max(jatuh_tempo) AS t FROM timer_sla WHERE dokumen_id = ANY($1) AND ditutup_pada IS NULL', [memos]);
    // A scheduled minute after every deadline and after the publication time.
    const firstTick = new Date(Math.ceil((Math.max(new Date(rows[0].t).getTime(), jadwal.getTime()) + MINUTE) / MINUTE) * MINUTE);
    const both = (name: string, fireDate: Date) =>
      Promise.all([a.call<boolean>('cron', { name, fireDate: fireDate.toISOString() }), b.call<boolean>('cron', { name, fireDate: fireDate.toISOString() })]);

    const minute = await both('ppidMinute', firstTick);
    expect(minute.filter(Boolean)).toHaveLength(1);
    // The same tick again (an instance that fired late) and an older one: nobody runs them.
    expect(await both('ppidMinute', firstTick)).toEqual([false, false]);
    expect(await both('ppidMinute', new Date(firstTick.getTime() - MINUTE))).toEqual([false, false]);

    // The outbox sender every 30 s, on both, until nothing is left to send.
    let tick = new Date(firstTick.getTime() + 30_000);
    for (let round = 0; round < 6; round += 1) {
      const ran = await both('ppidOutbox', tick);
      expect(ran.filter(Boolean)).toHaveLength(1);
      const open = await pg.query("SELECT count(*)::int AS n FROM notifikasi WHERE status_kirim IN ('pending','failed')");
      if (open.rows[0].n === 0) break;
      tick = new Date(tick.getTime() + 11 * MINUTE);
    }
    const anchor = await both('ppidAuditAnchor', new Date(tick.getTime() + 15_000));
    expect(anchor.filter(Boolean)).toHaveLength(1);
    expect((await both('ppidOutbox', new Date(tick.getTime() + 30_000))).filter(Boolean)).toHaveLength(1);

    // One breach notice per memo (one koordinator), each delivered once.
    const notices = await pg.query('SELECT kunci_idempotensi, status_kirim, penerima FROM notifikasi WHERE dokumen_id = ANY($1)', [memos]);
    expect(notices.rows).toHaveLength(3);
    for (const n of notices.rows) {
      expect(n.status_kirim).toBe('sent');
      expect(n.penerima).toBe(users.koordinator.email);
      expect(smtp.state.accepted.filter((m) => m.key === n.kunci_idempotensi)).toHaveLength(1);
    }
    // The scheduled item went online once: one transition to "tayang" in the audit trail.
    const konten = await pg.query('SELECT status_alur FROM konten_terjadwal WHERE document_id = $1', [itemId]);
    expect(konten.rows.map((r) => r.status_alur)).toEqual(konten.rows.map(() => 'tayang'));
    const shown = await pg.query("SELECT count(*)::int AS n FROM riwayat_alur WHERE dokumen_id = $1 AND ke = 'tayang'", [itemId]);
    expect(shown.rows[0].n).toBe(1);
    expect((await proxy().get(`/api/dip-documents/${dip.documentId}?locale=id`)).status).toBe(200);
    // One anchor line in all the instances' anchor directories together, and one anchor e-mail.
    const anchorLines = anchorDirs.flatMap((dir) => fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)));
    expect(anchorLines).toHaveLength(1);
    const anchorMails = await pg.query("SELECT count(*)::int AS n FROM notifikasi WHERE jenis = 'jangkar_audit'");
    expect(anchorMails.rows[0].n).toBe(1);
  });

  test('the admin sign-in limit holds across both instances, whatever X-Forwarded-For the client sends', async () => {
    const email = users.operator.email;
    const answers: Array<{ status: number; upstream: string }> = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await proxy().post('/admin/login').set('X-Forwarded-For', `10.0.0.${i}`).send({ email, password: `salah-${i}-Kx9#vT2m` });
      answers.push({ status: res.status, upstream: String(res.headers['x-upstream']) });
    }
    // Both instances answered, and together they allowed 5 tries (Strapi's limit), not 5 each.
    expect(new Set(answers.map((x) => x.upstream)).size).toBe(2);
    expect(answers.slice(0, 5).map((x) => x.status)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.slice(5).map((x) => x.status)).toEqual([429, 429]);
    // Even the right password is refused now, on either instance directly.
    expect((await via(PORTS.a).post('/admin/login').send({ email, password: PASSWORD })).status).toBe(429);
    expect((await via(PORTS.b).post('/admin/login').send({ email, password: PASSWORD })).status).toBe(429);
  });

  test('the public request form limit (2 an hour per address) holds across both instances; the refused one stores nothing', async () => {
    const form = {
      jenisPemohon: 'perorangan', nama: 'Siti Aminah', nomorIdentitas: '1371015501900002', alamat: 'Jl. Khatib Sulaiman No. 5, Padang',
      telepon: '081298765432', email: 'siti.aminah@contoh.id', pekerjaan: 'Wiraswasta', rincianInformasi: 'Anggaran dinas tahun 2025',
      tujuanPenggunaan: 'Pengawasan masyarakat', caraMemperoleh: 'melihat_membaca', caraMenerima: 'langsung',
    };
    const statuses: number[] = [];
    const upstreams = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      const res = await proxy().post('/api/permohonan-informasi').send({ data: form });
      statuses.push(res.status);
      upstreams.add(String(res.headers['x-upstream']));
    }
    const before = (await pg.query('SELECT count(*)::int AS n FROM permohonan_informasi')).rows[0].n;
    for (const port of [PORTS.a, PORTS.b]) {
      const res = await via(port).post('/api/permohonan-informasi').send({ data: form });
      statuses.push(res.status);
      expect(res.body.error?.message).toMatch(/Terlalu banyak permintaan/);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(upstreams.size).toBe(2);
    expect((await pg.query('SELECT count(*)::int AS n FROM permohonan_informasi')).rows[0].n).toBe(before);
  });

  test('a sign-in with 2FA started on one instance completes on the other; its session works and refreshes on both', async () => {
    const email = users['web-developer'].email;
    const first = await via(PORTS.a).post('/admin/login').send({ email, password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: true });
    const setup = await via(PORTS.b).post('/admin/mfa/setup').send({ challengeToken: first.body.data.challengeToken });
    expect(setup.status).toBe(200);
    const step = Math.floor(Date.now() / 30_000);
    const verify = await via(PORTS.a).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: referenceTotp(setup.body.data.secret, step) });
    expect(verify.status).toBe(200);
    const token = verify.body.data.token;
    expect(typeof token).toBe('string');
    for (const port of [PORTS.a, PORTS.b]) {
      const me = await via(port).get('/admin/users/me').set('Authorization', `Bearer ${token}`);
      expect(me.status).toBe(200);
      expect(me.body.data.email).toBe(email);
    }
    // The refresh cookie set by the first instance renews the session on the second.
    const cookie = ([] as string[]).concat(verify.headers['set-cookie'] ?? []).find((c) => c.startsWith('strapi_admin_refresh='));
    expect(cookie).toBeDefined();
    const refreshed = await via(PORTS.b).post('/admin/access-token').set('Cookie', cookie!.split(';')[0]);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data.token).toEqual(expect.any(String));
    // The code cannot be replayed on the other instance (its step is claimed in the database).
    const again = await via(PORTS.a).post('/admin/login').send({ email, password: PASSWORD });
    expect(again.body.data.mfaRequired).toBe(true);
    const replay = await via(PORTS.b).post('/admin/mfa/verify').send({ challengeToken: again.body.data.challengeToken, code: referenceTotp(setup.body.data.secret, step) });
    expect(replay.status).toBe(400);
  });

  test('guessing the second factor is limited across both instances (5 wrong codes in all lock the account on both)', async () => {
    const user = await a.call<{ id: number; email: string }>('createAdmin', { role: 'web-developer', email: 'tebak-kode@multi.test.ppid', password: PASSWORD });
    const first = await via(PORTS.b).post('/admin/login').send({ email: user.email, password: PASSWORD });
    const setup = await via(PORTS.a).post('/admin/mfa/setup').send({ challengeToken: first.body.data.challengeToken });
    const secret: string = setup.body.data.secret;
    const enrolled = await via(PORTS.b).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: referenceTotp(secret, Math.floor(Date.now() / 30_000)) });
    expect(enrolled.status).toBe(200);
    const valid = new Set([-1, 0, 1, 2].map((d) => referenceTotp(secret, Math.floor(Date.now() / 30_000) + d)));
    let n = 0;
    while (valid.has(String(n).padStart(6, '0'))) n += 1;
    const wrong = String(n).padStart(6, '0');

    const login = await via(PORTS.a).post('/admin/login').send({ email: user.email, password: PASSWORD });
    const challengeToken = login.body.data.challengeToken;
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await via(i % 2 ? PORTS.b : PORTS.a).post('/admin/mfa/verify').send({ challengeToken, code: wrong });
      answers.push({ status: res.status, left: res.body.error?.details?.attemptsLeft });
    }
    expect(answers).toEqual([
      { status: 400, left: 4 },
      { status: 400, left: 3 },
      { status: 400, left: 2 },
      { status: 400, left: 1 },
      { status: 429, left: undefined },
    ]);
    for (const port of [PORTS.a, PORTS.b]) {
      const again = await via(port).post('/admin/login').send({ email: user.email, password: PASSWORD });
      expect(again.status).toBe(429);
      expect(again.body.error.details.code).toBe('MFA_LOCKED');
    }
  });

  test('log lines are JSON with the request id nginx gave, and without the personal data of a login or a request', async () => {
    const login = await proxy().post('/admin/login').send({ email: 'tidak.ada@multi.test.ppid', password: 'Rahasia-Sekali-123' });
    const id = login.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    await new Promise((r) => setTimeout(r, 500));
    const lines = (a.output() + b.output())
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const line = lines.find((l) => l.requestId === id && /POST \/admin\/login/.test(l.msg));
    expect(line).toMatchObject({ level: 'http', requestId: id });
    expect(line.msg).toMatch(/^POST \/admin\/login \(\d+ ms\) \d{3}$/);
    expect(lines.some((l) => /POST \/api\/permohonan-informasi .* 201/.test(l.msg))).toBe(true);
    const all = a.output() + b.output();
    for (const secret of ['tidak.ada@multi.test.ppid', 'Rahasia-Sekali-123', PASSWORD, 'Siti Aminah', '1371015501900002', '081298765432', 'siti.aminah@contoh.id', users.koordinator.email]) {
      expect(all).not.toContain(secret);
    }
  });

  test('SIGTERM: the request in flight completes, the instance exits cleanly, and nginx sends new requests to the other', async () => {
    const slow = via(PORTS.b).get('/_uji/lambat?ms=4000');
    const pending = slow.then((res) => res);
    await new Promise((r) => setTimeout(r, 1000));
    b.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // While it drains, the stopping instance takes no new connection; the proxy answers from A.
    for (let i = 0; i < 4; i += 1) {
      const res = await proxy().get('/_ready');
      expect(res.status).toBe(200);
      expect(res.headers['x-upstream']).toContain(String(PORTS.a));
    }
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ selesai: true, ms: 4000 });
    expect(await b.exited).toBe(0);
  });
});
