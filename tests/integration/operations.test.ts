/**
 * Issue #13, operations, on one real instance in its own process (SQLite or PostgreSQL): liveness
 * and readiness (Redis configured but dead: 503 with the reason, while the instance keeps serving
 * with its limits in memory), JSON log lines with request ids and without personal data, and a
 * graceful stop on SIGTERM that finishes the request in flight.
 */
import request from 'supertest';
import net from 'node:net';
import { freePort, startInstance, throwawayDatabase, type Instance } from '../helpers/instances';

let PORT = 0; // chosen in beforeAll (freePort)
const DEAD_REDIS = 'redis://127.0.0.1:41699/2';
let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let app: Instance;
const http = () => request(`http://127.0.0.1:${PORT}`);

beforeAll(async () => {
  PORT = await freePort();
  db = await throwawayDatabase('multi_ops');
  app = await startInstance(PORT, {
    ...db.env,
    REDIS_URL: DEAD_REDIS,
    REDIS_PREFIX: 'ppid-multi:ops:',
    PPID_REQUEST_RATE_PER_HOUR: '1',
    PPID_LOG_FORMAT: 'json',
    LOG_LEVEL: 'http',
    PPID_SHUTDOWN_TIMEOUT_SECONDS: '30',
  });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await db?.drop();
}, 120_000);

const form = {
  jenisPemohon: 'perorangan', nama: 'Rahmat Hidayat', nomorIdentitas: '1371012304850003', alamat: 'Jl. Pemuda No. 12, Bukittinggi',
  telepon: '085271234567', email: 'rahmat.h@contoh.id', pekerjaan: 'Petani', rincianInformasi: 'Daftar penerima bantuan 2025',
  tujuanPenggunaan: 'Penelitian', caraMemperoleh: 'melihat_membaca', caraMenerima: 'langsung',
};

const logLines = () =>
  app
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);

test('liveness answers while readiness says 503 and why: Redis is configured and does not answer', async () => {
  expect((await http().get('/_health')).status).toBe(204);
  const ready = await http().get('/_ready');
  expect(ready.status).toBe(503);
  expect(ready.body).toEqual({ status: 'tidak siap', database: 'ok', redis: 'tidak menjawab' });
  expect(ready.headers['cache-control']).toBe('no-store');
});

test('without Redis the public form is still served, and still limited (in this instance\'s memory)', async () => {
  const first = await http().post('/api/permohonan-informasi').set('X-Request-Id', 'uji-permohonan-0001').send({ data: form });
  expect(first.status).toBe(201);
  expect(first.headers['x-request-id']).toBe('uji-permohonan-0001');
  const second = await http().post('/api/permohonan-informasi').send({ data: form });
  expect(second.status).toBe(429);
  expect(second.body.error.message).toMatch(/Terlalu banyak permintaan/);
});

test('log lines are JSON objects with the request id, and carry no personal data, password or tracking code', async () => {
  const login = await http().post('/admin/login').set('X-Request-Id', 'bukan id yang sah!').send({ email: 'pejabat@dinas.go.id', password: 'Kata-Sandi-Rahasia-99' });
  const generated = login.headers['x-request-id'];
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  await http().get('/api/permohonan-informasi/status').query({ nomor: '001/PPID/2026', kode: 'RAHASIA-KODE-LACAK' });
  await new Promise((r) => setTimeout(r, 500));
  const lines = logLines();
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['time', 'level', 'msg']));
  expect(lines.find((l) => l.requestId === 'uji-permohonan-0001' && /^POST \/api\/permohonan-informasi \(\d+ ms\) 201$/.test(l.msg))).toBeTruthy();
  expect(lines.find((l) => l.requestId === generated && /^POST \/admin\/login \(\d+ ms\) \d{3}$/.test(l.msg))).toBeTruthy();
  const lookup = lines.find((l) => /GET \/api\/permohonan-informasi\/status/.test(l.msg));
  expect(lookup?.msg).toMatch(/nomor=\[disaring\]&kode=\[disaring\]/);
  const all = app.output();
  for (const secret of ['pejabat@dinas.go.id', 'Kata-Sandi-Rahasia-99', 'RAHASIA-KODE-LACAK', 'Rahmat Hidayat', '1371012304850003', '085271234567', 'rahmat.h@contoh.id', 'Bukittinggi']) {
    expect(all).not.toContain(secret);
  }
});

test('SIGTERM during a slow request: it completes, new connections are refused, the process exits with 0', async () => {
  const pending = http().get('/_uji/lambat?ms=4000').then((res) => res);
  await new Promise((r) => setTimeout(r, 1000));
  app.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  const refused = await new Promise<string>((resolve) => {
    const s = net.connect(PORT, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve('connected')));
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
  expect(refused).toBe('ECONNREFUSED');
  const res = await pending;
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ selesai: true, ms: 4000 });
  expect(await app.exited).toBe(0);
});
