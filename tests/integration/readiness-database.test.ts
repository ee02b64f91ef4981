/**
 * Issue #13, operations: readiness follows the database. One real instance in its own process
 * reaches PostgreSQL through a TCP relay this test controls; cutting the relay is a database
 * outage as the instance sees it (connections dropped, new ones refused). While it lasts,
 * readiness answers 503 naming the database and liveness still answers (a load balancer takes the
 * instance out of rotation instead of restarting it), and a public read is 503 with Retry-After;
 * when the database is back the instance serves again without a restart.
 *
 * PostgreSQL only: SQLite is a file inside the instance's own process, it has no outage of its own.
 */
import net from 'node:net';
import request from 'supertest';
import { freePort, isPostgres, startInstance, throwawayDatabase, type Instance } from '../helpers/instances';

let PORT = 0; // chosen in beforeAll (freePort)
let RELAY_PORT = 0;
const describeOnPostgres = isPostgres() ? describe : describe.skip;

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function databaseRelay(target: { host: string; port: number }) {
  let cut = false;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (cut) return void client.destroy();
    const upstream = net.connect(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return {
    listen: () =>
      new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describeOnPostgres('readiness when the database goes away and comes back', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let app: Instance;
  const relay = databaseRelay({ host: process.env.DATABASE_HOST ?? '127.0.0.1', port: Number(process.env.DATABASE_PORT ?? 5432) });
  const http = () => request(`http://127.0.0.1:${PORT}`);

  beforeAll(async () => {
    RELAY_PORT = await relay.listen();
    PORT = await freePort();
    db = await throwawayDatabase('ready_db');
    app = await startInstance(PORT, { ...db.env, DATABASE_HOST: '127.0.0.1', DATABASE_PORT: String(RELAY_PORT) });
  }, 600_000);

  afterAll(async () => {
    relay.restore();
    await app?.stop();
    await relay.close();
    await db?.drop();
  }, 120_000);

  test('with the database reachable the instance is ready', async () => {
    const ready = await http().get('/_ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'siap', database: 'ok' });
    expect((await http().get('/api/bidangs')).status).toBe(200);
  });

  test('cut off: readiness is 503 naming the database, liveness still answers, the process stays up', async () => {
    relay.cut();
    const ready = await http().get('/_ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'tidak siap', database: 'tidak menjawab' });
    expect(ready.headers['cache-control']).toBe('no-store');
    expect((await http().get('/_health')).status).toBe(204);
    // A public read that needs the database is answered 503 with Retry-After, saying why (not the
    // 401 Strapi's users-permissions gives when it cannot read the public role's permissions, which
    // would tell the site build the content is forbidden), without data, and the process stays up.
    const list = await http().get('/api/dip-documents?locale=id&pagination[pageSize]=1&filters[nomor][$ne]=tidak-tersimpan');
    expect(list.status).toBe(503);
    expect(list.headers['retry-after']).toBe('5');
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toEqual({ data: null, error: expect.objectContaining({ status: 503, name: 'ServiceUnavailableError', message: expect.stringMatching(/Basis data sedang tidak dapat dihubungi/) }) });
    expect(app.child.exitCode).toBeNull();
  }, 60_000);

  test('back: the same instance is ready and serves again, without a restart', async () => {
    relay.restore();
    // The pool replaces its dropped connections on demand; readiness turns on within seconds.
    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i++) {
      status = (await http().get('/_ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await http().get('/api/bidangs')).status).toBe(200);
    // A request refused for its own reasons keeps its own answer once the database answers.
    expect((await http().get('/api/permohonan-informasi')).status).toBeGreaterThanOrEqual(400);
    expect((await http().get('/api/permohonan-informasi')).status).not.toBe(503);
    expect(app.child.exitCode).toBeNull();
  }, 60_000);
});
