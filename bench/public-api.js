#!/usr/bin/env node
'use strict';
/**
 * Benchmark: the public content API of this project, side by side in one run with
 *   - a plain Strapi 5.54 project generated here (same two content types, same rows, Strapi's
 *     default middlewares, none of this project's code), and
 *   - the same JSON served as static files (the ceiling),
 * uncached and with the response cache (memory, and Redis when reachable), plus this project with
 * each of its own middlewares taken out, to show what each one costs.
 *
 *   node bench/public-api.js                      10,000 documents × 2 locales, 5 s per measurement, 3 rounds
 *   node bench/public-api.js --count=2000 --duration=3 --rounds=1    a quick look
 *   --connections=20   --no-overhead (skip the per-middleware runs)   --no-redis   --keep (leave the data behind)
 *   --postgres is not supported here (SQLite only; see README)
 *
 * Every server runs in its own process, compiled, NODE_ENV=production, loopback ports 41500+
 * (BENCH_PORT_BASE to change), LOG_LEVEL=error everywhere. autocannon runs in this process.
 * Each round measures every (query, server) pair once, the servers' order alternating between
 * rounds; the table shows medians over the rounds. Writes bench/results/public-api-sqlite.md.
 */
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT, testEnvironment, compileServer } = require('../scripts/test-support');
const { plan } = require('./public-api-data');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const COUNT = Number(flag('count', '10000'));
const DURATION = Number(flag('duration', '5'));
const ROUNDS = Number(flag('rounds', '3'));
const CONNECTIONS = Number(flag('connections', '20'));
const WITH_OVERHEAD = !args.includes('--no-overhead');
// Leave the generated databases and the plain project behind (to profile one server by hand).
const KEEP = args.includes('--keep');
const PORT_BASE = Number(process.env.BENCH_PORT_BASE || 41500);
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/1';

// ---------------------------------------------------------------------------------------------
// Queries: the same rows asked of every server. Plain Strapi has no exemption rule, so its URLs
// carry the same filter this project adds itself (same SQL work, same JSON).

const data = plan(COUNT);
const visible = data.docs.filter((d) => d.published && d.kategori !== 'dikecualikan');
const detailDoc = visible[Math.floor(visible.length / 2)];
const EXEMPT = 'filters[kategori][$ne]=dikecualikan';
const QUERIES = [
  {
    name: 'list',
    label: 'DIP list: filter (year), page 3 of 10 rows, sorted, populate unit + file',
    path: '/api/dip-documents?locale=id&filters[tahun][$eq]=2020&sort=nomor:asc&pagination[page]=3&pagination[pageSize]=10&populate[0]=unit&populate[1]=berkas',
    plainExtra: EXEMPT,
  },
  {
    name: 'list-en',
    label: 'DIP list (en): category filter, 25 rows, no populate',
    path: '/api/dip-documents?locale=en&filters[kategori][$eq]=berkala&sort=nomor:desc&pagination[pageSize]=25',
    plainExtra: EXEMPT,
  },
  {
    name: 'detail',
    label: 'one DIP entry, populate unit + file',
    path: `/api/dip-documents/${detailDoc.documentId}?locale=id&populate[0]=unit&populate[1]=berkas`,
    plainExtra: EXEMPT,
  },
  {
    name: 'search',
    label: 'search: title contains a word (case-insensitive), 10 rows',
    path: '/api/dip-documents?locale=id&filters[judul][$containsi]=anggaran&pagination[pageSize]=10',
    plainExtra: EXEMPT,
  },
  { name: 'units', label: '/api/bidangs (24 units)', path: '/api/bidangs?pagination[pageSize]=50', plainExtra: '' },
];
const OVERHEAD_QUERIES = ['list', 'detail'];
const urlFor = (server, q) => {
  if (server.kind === 'static') return `/${q.name}.json`;
  if (server.kind === 'plain' && q.plainExtra) return `${q.path}&${q.plainExtra}`;
  return q.path;
};

// ---------------------------------------------------------------------------------------------

const tag = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
const work = path.join(ROOT, '.tmp', `bench-public-${tag}`);
const plainDir = path.join(os.tmpdir(), `ppid-plain-strapi-${tag}`);
const children = new Set();

function baseEnv() {
  const env = { ...process.env, ...testEnvironment({}) };
  for (const k of Object.keys(env)) if (k.startsWith('PPID_HTTP_CACHE') || k === 'REDIS_URL' || k === 'REDIS_PREFIX') delete env[k];
  return {
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    PPID_AUTO_SEED: 'false',
    CRON_ENABLED: 'false',
    EMAIL_PROVIDER: 'outbox',
    EMAIL_OUTBOX_MODE: 'capture',
    DATABASE_CLIENT: 'sqlite',
  };
}

function startChild(script, env, timeoutMs = 300_000) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { cwd: env.BENCH_APP_DIR || ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(child);
    const timer = setTimeout(() => reject(new Error(`${script} did not start in ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message) => {
      clearTimeout(timer);
      resolve({ child, message });
    });
    child.on('exit', (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
  });
}

function stopChild(child) {
  return new Promise(/** @param {(v?: unknown) => void} resolve */ (resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => {
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

/** The plain Strapi 5.54 project: the two content types copied from src/, Strapi's defaults everywhere else. */
function writePlainProject() {
  const w = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(plainDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(plainDir, rel), text);
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  w('package.json', JSON.stringify({
    name: 'plain-strapi-bench', private: true, version: '0.0.0',
    dependencies: {
      '@strapi/strapi': pkg.dependencies['@strapi/strapi'],
      '@strapi/plugin-users-permissions': pkg.dependencies['@strapi/plugin-users-permissions'],
      'better-sqlite3': pkg.dependencies['better-sqlite3'],
    },
    strapi: { telemetryDisabled: true },
  }, null, 2));
  // No npm install: the project's own node_modules (the same Strapi 5.54 packages).
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(plainDir, 'node_modules'), 'dir');
  fs.copyFileSync(path.join(ROOT, 'favicon.png'), path.join(plainDir, 'favicon.png'));
  fs.mkdirSync(path.join(plainDir, 'public', 'uploads'), { recursive: true });
  w('config/database.js', `module.exports = ({ env }) => ({ connection: { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true } });\n`);
  w('config/server.js', `module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT', 1337), app: { keys: env.array('APP_KEYS') } });\n`);
  w('config/admin.js', `module.exports = ({ env }) => ({ auth: { secret: env('ADMIN_JWT_SECRET') }, apiToken: { salt: env('API_TOKEN_SALT') }, transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } }, secrets: { encryptionKey: env('ENCRYPTION_KEY') } });\n`);
  w('config/plugins.js', `module.exports = ({ env }) => ({ 'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } } });\n`);
  w('config/logger.js', `module.exports = ({ env }) => ({ level: env('LOG_LEVEL', 'http') });\n`);
  // The same REST limits as this project (config/api.ts).
  w('config/api.js', `module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };\n`);
  // create-strapi's template list.
  w('config/middlewares.js', `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n`);
  const types = ['dip-document', 'bidang'];
  const kept = new Set(types.map((type) => `api::${type}.${type}`));
  for (const type of types) {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/api', type, 'content-types', type, 'schema.json'), 'utf8'));
    // Relations to this project's other types (memos, requests…), which the plain project does not have.
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const target = /** @type {{ target?: string }} */ (attribute).target;
      if (target && target.startsWith('api::') && !kept.has(target)) delete schema.attributes[name];
    }
    w(`src/api/${type}/content-types/${type}/schema.json`, JSON.stringify(schema, null, 2));
    const uid = `api::${type}.${type}`;
    w(`src/api/${type}/controllers/${type}.js`, `module.exports = require('@strapi/strapi').factories.createCoreController('${uid}');\n`);
    w(`src/api/${type}/routes/${type}.js`, `module.exports = require('@strapi/strapi').factories.createCoreRouter('${uid}');\n`);
    w(`src/api/${type}/services/${type}.js`, `module.exports = require('@strapi/strapi').factories.createCoreService('${uid}');\n`);
  }
  w('src/index.js', `module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const locales = strapi.plugin('i18n').service('locales');
    if (!(await locales.findByCode('id'))) await locales.create({ code: 'id', name: 'Indonesian (id)' });
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    for (const action of ['api::dip-document.dip-document.find', 'api::dip-document.dip-document.findOne', 'api::bidang.bidang.find', 'api::bidang.bidang.findOne']) {
      const q = strapi.db.query('plugin::users-permissions.permission');
      if (!(await q.findOne({ where: { action, role: role.id } }))) await q.create({ data: { action, role: role.id } });
    }
  },
};
`);
}

async function redisReachable() {
  const url = new URL(REDIS_URL);
  return new Promise(/** @param {(v: boolean) => void} resolve */ (resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function fetchText(port, urlPath) {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
  return { status: res.status, text: await res.text() };
}

/** One autocannon measurement; latencies recorded per response for exact p50/p95/p99. */
function measure(port, urlPath, duration) {
  return new Promise((resolve, reject) => {
    const times = [];
    let bad = 0;
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}${urlPath}`, connections: CONNECTIONS, duration, pipelining: 1, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN);
        const r1 = (n) => Math.round(n * 10) / 10;
        resolve({ rps: result.requests.total / duration, p50: r1(pct(50)), p95: r1(pct(95)), p99: r1(pct(99)), bad: bad + result.errors + result.timeouts });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) bad += 1;
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');

async function main() {
  if (process.env.PPID_SKIP_COMPILE !== 'true' && compileServer() !== 0) throw new Error('compilation failed');
  fs.mkdirSync(work, { recursive: true });
  writePlainProject();
  const env = baseEnv();
  const projectDb = path.join(work, 'project.db');
  const plainDb = path.join(work, 'plain.db');

  console.log(`Generating ${COUNT} documents × 2 locales in both projects…`);
  const started = Date.now();
  const gen1 = await startChild(path.join(__dirname, 'public-api-server.js'), {
    ...env, BENCH_APP_DIR: ROOT, BENCH_DIST_DIR: path.join(ROOT, 'dist'), DATABASE_FILENAME: path.relative(ROOT, projectDb),
    BENCH_GENERATE: 'true', BENCH_GENERATE_OPTIONS: JSON.stringify({ count: COUNT }), PPID_HTTP_CACHE_STORE: 'none',
  });
  console.log('  project:', JSON.stringify(gen1.message.generated));
  const gen2 = await startChild(path.join(__dirname, 'public-api-server.js'), {
    ...env, BENCH_APP_DIR: plainDir, BENCH_DIST_DIR: plainDir, DATABASE_FILENAME: plainDb,
    BENCH_GENERATE: 'true', BENCH_GENERATE_OPTIONS: JSON.stringify({ count: COUNT }),
  });
  console.log('  plain Strapi:', JSON.stringify(gen2.message.generated), `(${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const withRedis = !args.includes('--no-redis') && (await redisReachable());
  if (!withRedis) console.log(`Redis at ${REDIS_URL} unreachable (or --no-redis): the Redis-backed cache is not measured.`);
  const redisPrefix = `ppid-bench:${tag}:`;
  if (withRedis) redisPrefixUsed = redisPrefix;

  /** @typedef {{ key: string; label: string; kind: string; env?: Record<string,string>; queries?: string[]; port?: any; child?: any }} Server */
  /** @type {Server[]} */
  const servers = [
    { key: 'plain', label: 'plain Strapi 5.54', kind: 'plain' },
    { key: 'uncached', label: 'this project, no response cache (ETag only)', kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'none' } },
    // The same, without the index this project adds for the public list (src/api/dip-document/public-index.ts),
    // which plain Strapi lacks: what is left is the cost of the project's own code.
    { key: 'noindex', label: 'this project, no response cache, without its public-list index', kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'none', BENCH_DROP_INDEXES: 'dip_documents_public_list_idx' } },
    { key: 'memory', label: 'this project, response cache in memory', kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'memory' } },
    ...(withRedis ? [{ key: 'redis', label: 'this project, response cache in Redis', kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'redis', REDIS_URL, REDIS_PREFIX: redisPrefix } }] : []),
    { key: 'static', label: 'static files (ceiling)', kind: 'static' },
  ];
  if (WITH_OVERHEAD) {
    const project = ['global::admin-origin', 'global::upload-serving', 'global::body-depth', 'global::upload-content', 'global::http-cache'];
    servers.push(
      { key: 'no-http-cache', label: 'uncached, without global::http-cache (no ETag/Cache-Control)', kind: 'project', env: { BENCH_DISABLE: 'global::http-cache' }, queries: OVERHEAD_QUERIES },
      ...project.filter((m) => m !== 'global::http-cache').map((m) => ({ key: `no-${m}`, label: `uncached, without ${m}`, kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'none', BENCH_DISABLE: m }, queries: OVERHEAD_QUERIES })),
      { key: 'no-koa', label: 'uncached, without any of the project\'s koa middlewares', kind: 'project', env: { BENCH_DISABLE: project.join(',') }, queries: OVERHEAD_QUERIES },
      { key: 'no-docmw', label: 'uncached, without the project\'s Document Service middlewares', kind: 'project', env: { PPID_HTTP_CACHE_STORE: 'none', BENCH_NO_DOCUMENT_MIDDLEWARES: 'true' }, queries: OVERHEAD_QUERIES },
    );
  }

  // Boot the servers one after another (each on its own copy of its database).
  let port = PORT_BASE;
  for (const s of servers) {
    s.port = port++;
    if (s.kind === 'static') continue;
    const db = path.join(work, `${s.key.replace(/[^a-z0-9-]/gi, '_')}.db`);
    fs.copyFileSync(s.kind === 'plain' ? plainDb : projectDb, db);
    const t0 = Date.now();
    const { child } = await startChild(path.join(__dirname, 'public-api-server.js'), {
      ...env, ...(s.env || {}),
      BENCH_APP_DIR: s.kind === 'plain' ? plainDir : ROOT,
      BENCH_DIST_DIR: s.kind === 'plain' ? plainDir : path.join(ROOT, 'dist'),
      DATABASE_FILENAME: s.kind === 'plain' ? db : path.relative(ROOT, db),
      BENCH_PORT: String(s.port),
    });
    s.child = child;
    console.log(`  ${s.label}: up on ${s.port} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }

  // The same JSON, checked: this project and plain Strapi answer the same data; the static files are the project's answers.
  const staticDir = path.join(work, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  const project = /** @type {Server} */ (servers.find((s) => s.key === 'uncached'));
  const plain = /** @type {Server} */ (servers.find((s) => s.key === 'plain'));
  for (const q of QUERIES) {
    const mine = await fetchText(project.port, urlFor(project, q));
    const theirs = await fetchText(plain.port, urlFor(plain, q));
    if (mine.status !== 200 || theirs.status !== 200) throw new Error(`${q.name}: status ${mine.status} / plain ${theirs.status}`);
    const a = JSON.parse(mine.text);
    const b = JSON.parse(theirs.text);
    const ids = (body) => JSON.stringify(/** @type {any[]} */ ([]).concat(body.data).map((d) => [d.documentId, d.locale, d.judul ?? d.nama]));
    if (ids(a) !== ids(b) || JSON.stringify(a.meta) !== JSON.stringify(b.meta)) throw new Error(`${q.name}: this project and plain Strapi answer different data`);
    q.bytes = Buffer.byteLength(mine.text);
    q.rows = /** @type {any[]} */ ([]).concat(a.data).length;
    fs.writeFileSync(path.join(staticDir, `${q.name}.json`), mine.text);
  }
  const staticServer = /** @type {Server} */ (servers.find((s) => s.kind === 'static'));
  staticServer.child = (await startChild(path.join(__dirname, 'static-server.js'), { ...process.env, BENCH_STATIC_DIR: staticDir, BENCH_PORT: String(staticServer.port) })).child;

  /** results[query][server] = measurements */
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const q of QUERIES) {
      for (const s of order) {
        if (s.queries && !s.queries.includes(q.name)) continue;
        const url = urlFor(s, q);
        // Warm-up: sequential requests (fill the response cache, JIT); they also wait behind any
        // requests the previous measurement left in this server's queue, so none spill into this one.
        for (let i = 0; i < 5; i++) await fetchText(s.port, url);
        const m = await measure(s.port, url, DURATION);
        // Drain: autocannon leaves up to one request per connection in the server's queue; wait for
        // them here, so they do not compete for the CPU with the next server's measurement.
        await fetchText(s.port, url);
        ((results[q.name] ??= {})[s.key] ??= []).push(m);
        console.log(`round ${round + 1} ${q.name.padEnd(8)} ${s.key.padEnd(28)} ${fmt(m.rps)} req/s  p50 ${m.p50} ms  p95 ${m.p95} ms  p99 ${m.p99} ms${m.bad ? `  (${m.bad} not 200!)` : ''}`);
      }
    }
  }

  const summary = (q, key) => {
    const ms = results[q]?.[key];
    if (!ms) return null;
    return { rps: median(ms.map((m) => m.rps)), p50: median(ms.map((m) => m.p50)), p95: median(ms.map((m) => m.p95)), p99: median(ms.map((m) => m.p99)), bad: ms.reduce((n, m) => n + m.bad, 0) };
  };
  const load = os.loadavg().map((n) => n.toFixed(1)).join(' / ');
  const lines = [];
  lines.push(`### Results (${new Date().toISOString().slice(0, 10)}, one run: ${COUNT.toLocaleString('en-US')} documents × 2 locales; ${CONNECTIONS} connections, ${DURATION} s per measurement, median of ${ROUNDS} rounds; node ${process.version}, ${os.cpus().length} CPUs ${os.cpus()[0]?.model ?? ''}; load average at the end ${load})`);
  lines.push('');
  lines.push('req/s and latency p50 / p95 / p99 in ms. Ratios are to plain Strapi in the same run (uncached) and to the static ceiling (cached).');
  lines.push('');
  const main = servers.filter((s) => !s.queries);
  lines.push(`| query | ${main.map((s) => s.label).join(' | ')} | uncached / plain | uncached without the list index / plain | memory cache / static | ${withRedis ? 'Redis cache / static |' : ''}`);
  lines.push(`|---|${main.map(() => '---:').join('|')}|---:|---:|---:|${withRedis ? '---:|' : ''}`);
  for (const q of QUERIES) {
    const cells = main.map((s) => {
      const r = summary(q.name, s.key);
      return r ? `${fmt(r.rps)} (${r.p50} / ${r.p95} / ${r.p99})${r.bad ? ` ⚠${r.bad}` : ''}` : '—';
    });
    const rps = (k) => summary(q.name, k)?.rps;
    lines.push(`| ${q.label} (${q.rows} rows, ${fmt(q.bytes / 1024, 1)} KB) | ${cells.join(' | ')} | **${fmt(rps('uncached') / rps('plain'), 2)}×** | **${fmt(rps('noindex') / rps('plain'), 2)}×** | **${fmt(rps('memory') / rps('static'), 2)}×** | ${withRedis ? `**${fmt(rps('redis') / rps('static'), 2)}×** |` : ''}`);
  }
  const geo = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
  const ratiosOf = (a, b) => QUERIES.map((q) => (summary(q.name, a)?.rps ?? NaN) / (summary(q.name, b)?.rps ?? NaN));
  lines.push(`| geometric mean of the ratios | ${main.map(() => '').join(' | ')} | **${fmt(geo(ratiosOf('uncached', 'plain')), 2)}×** | **${fmt(geo(ratiosOf('noindex', 'plain')), 2)}×** | **${fmt(geo(ratiosOf('memory', 'static')), 2)}×** | ${withRedis ? `**${fmt(geo(ratiosOf('redis', 'static')), 2)}×** |` : ''}`);
  if (WITH_OVERHEAD) {
    lines.push('');
    lines.push('Overhead of each of this project\'s middlewares (uncached; ratio > 1 means the server is faster without it):');
    lines.push('');
    lines.push(`| server | ${OVERHEAD_QUERIES.map((q) => `${q} req/s (p95 ms)`).join(' | ')} | ${OVERHEAD_QUERIES.map((q) => `${q} vs uncached`).join(' | ')} |`);
    lines.push(`|---|${OVERHEAD_QUERIES.map(() => '---:').join('|')}|${OVERHEAD_QUERIES.map(() => '---:').join('|')}|`);
    for (const s of [plain, project, ...servers.filter((x) => x.queries)]) {
      const cells = OVERHEAD_QUERIES.map((q) => {
        const r = summary(q, s.key);
        return r ? `${fmt(r.rps)} (${r.p95})` : '—';
      });
      const ratios = OVERHEAD_QUERIES.map((q) => `${fmt((summary(q, s.key)?.rps ?? NaN) / (summary(q, 'uncached')?.rps ?? NaN), 2)}×`);
      lines.push(`| ${s.label} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
    }
  }
  const table = lines.join('\n') + '\n';
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'public-api-sqlite.md'), table);
  console.log('\n' + table);
}

/** Key prefix of the Redis-backed run (its keys are deleted at the end). */
let redisPrefixUsed = '';

async function cleanup() {
  await Promise.all([...children].map(stopChild));
  if (redisPrefixUsed) {
    const Redis = require('ioredis').default;
    const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      const keys = await client.keys(`${redisPrefixUsed}*`);
      if (keys.length) await client.del(...keys);
    } catch (error) {
      console.error(`could not delete the bench's Redis keys ${redisPrefixUsed}*: ${/** @type {Error} */ (error).message}`);
    } finally {
      client.disconnect();
    }
  }
  if (KEEP) {
    console.log(`Kept for profiling (--keep): databases in ${work}, plain Strapi project in ${plainDir}`);
    return;
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(plainDir, { recursive: true, force: true });
}

main()
  .then(cleanup, async (error) => {
    console.error(error);
    await cleanup();
    process.exitCode = 1;
  })
  .then(() => process.exit(process.exitCode ?? 0));
