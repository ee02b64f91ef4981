#!/usr/bin/env node
'use strict';
/**
 * Benchmark: one SLA sweep with 1k, 10k and 100k open timers of which 100 are due.
 *
 * The sweeper reads only timers whose next check instant has passed (indexed column), so its
 * cost should follow the number of due timers, not the number of open ones. For contrast, a
 * naive full scan (every open timer read and its status computed in JS) is timed at each size.
 * Figures are reported as ratios measured in one run; nothing here asserts a speed.
 *
 *   node bench/sweep.js                     SQLite, throwaway file under .tmp/
 *   node bench/sweep.js --postgres          PostgreSQL at 127.0.0.1:5432 (user postgres),
 *                                           throwaway database created and dropped here
 *   node bench/sweep.js --sizes=1000,10000  other sizes
 *   --reps=7 (sweep repetitions), --naive-reps=3
 *
 * Compiles to dist/ first unless PPID_SKIP_COMPILE=true (bench/run.js compiles once).
 * Writes the table to bench/results/sweep-<db>.md (gitignored).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TIMER_UID = 'api::timer-sla.timer-sla';
const DUE = 100;
const ADMINS_PER_ROLE = 2;
const PASSWORD = 'Kx9#vT2m-Qw7z-Lp4s';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const postgres = args.includes('--postgres');
const db = postgres ? 'postgres' : 'sqlite';
const sizes = flag('sizes', '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const reps = Math.max(1, Number(flag('reps', '7')));
const naiveReps = Math.max(1, Number(flag('naive-reps', '3')));
if (sizes.length === 0 || sizes[0] < DUE) {
  console.error(`--sizes must be integers >= ${DUE}`);
  process.exit(2);
}

// Waiting states as the workflows define them (content type, state, label, responsible roles).
const STATES = [
  ['api::nota-permintaan.nota-permintaan', 'menunggu_paraf', 'Menunggu paraf Koordinator', ['koordinator'], null],
  ['api::nota-permintaan.nota-permintaan', 'menunggu_tanda_tangan', 'Menunggu tanda tangan Kepala Dinas', ['kepala-dinas'], null],
  ['api::nota-permintaan.nota-permintaan', 'menunggu_distribusi', 'Menunggu distribusi ke Sekretariat/Bidang', ['sub-koordinator'], null],
  ['api::nota-permintaan.nota-permintaan', 'menunggu_unggah', 'Menunggu unggah ke website', ['operator'], null],
  ['api::dip-document.dip-document', 'menunggu_persetujuan', 'Menunggu persetujuan Koordinator', ['koordinator'], 'id'],
  ['api::notulen.notulen', 'menunggu_tinjauan', 'Menunggu tinjauan Koordinator', ['koordinator'], null],
  ['api::laporan-evaluasi.laporan-evaluasi', 'menunggu_penerimaan', 'Menunggu diterima Kepala Dinas', ['kepala-dinas'], null],
];
const ROLES = [...new Set(STATES.flatMap((s) => s[3]))];

// Deterministic data: the same timers on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261122);
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo));
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const DOC_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const docId = () => Array.from({ length: 24 }, () => DOC_ALPHABET[Math.floor(rand() * DOC_ALPHABET.length)]).join('');

function testEnv() {
  Object.assign(process.env, testEnvironment(process.env));
  // Never a scheduled sweep or the auto-seed racing the measurement; emails stay in memory.
  process.env.CRON_ENABLED = 'false';
  process.env.PPID_AUTO_SEED = 'false';
  process.env.EMAIL_PROVIDER = 'outbox';
  process.env.EMAIL_OUTBOX_MODE = 'capture';
}

function compile() {
  if (process.env.PPID_SKIP_COMPILE === 'true') return;
  const status = compileServer();
  if (status !== 0) {
    console.error('tsc failed; fix the type errors, or compile with `npx tsc -p tsconfig.json --noEmitOnError false` and rerun with PPID_SKIP_COMPILE=true');
    process.exit(status);
  }
}

const { pgAdminClient } = require('./pg-admin');
const { compileServer, testEnvironment } = require('../scripts/test-support');

/** A throwaway database; returns its cleanup, or null when PostgreSQL is unreachable. */
async function prepareDatabase(tag) {
  if (!postgres) {
    const file = path.join(ROOT, '.tmp', `bench-sweep-${tag}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = path.relative(ROOT, file);
    return async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    };
  }
  const name = `ppid_bench_${tag}`;
  const admin = pgAdminClient();
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`PostgreSQL at ${process.env.DATABASE_HOST || '127.0.0.1'}:${process.env.DATABASE_PORT || 5432} unreachable (${/** @type {Error} */ (error).message}); skipping the PostgreSQL sweep benchmark.`);
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  process.env.DATABASE_CLIENT = 'postgres';
  process.env.DATABASE_HOST = process.env.DATABASE_HOST || '127.0.0.1';
  process.env.DATABASE_PORT = process.env.DATABASE_PORT || '5432';
  process.env.DATABASE_USERNAME = process.env.DATABASE_USERNAME || 'postgres';
  process.env.DATABASE_NAME = name;
  return async () => {
    const c = pgAdminClient();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x) => `${x.toFixed(2)}×`;

async function main() {
  testEnv();
  compile();
  const loadAtStart = os.loadavg()[0];
  const tag = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const cleanup = await prepareDatabase(tag);
  if (!cleanup) return 0;

  const { createStrapi } = require('@strapi/strapi');
  const { sweepTimers } = require(path.join(ROOT, 'dist/src/workflow/sweeper.js'));
  const { timerStatus } = require(path.join(ROOT, 'dist/src/workflow/sla.js'));
  let strapi;
  try {
    strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
    await strapi.load();

    const meta = strapi.db.metadata.get(TIMER_UID);
    /** @param {string} attribute */
    const col = (attribute) => /** @type {{ columnName?: string }} */ (meta.attributes[attribute]).columnName || attribute;
    const table = meta.tableName;
    const knex = strapi.db.connection;
    const now = new Date();

    // Admins holding the responsible roles, so each notification really produces emails.
    for (const code of ROLES) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      if (!role) throw new Error(`no admin role with code ${code}`);
      for (let i = 1; i <= ADMINS_PER_ROLE; i += 1) {
        await strapi.service('admin::user').create({
          email: `${code}.${i}.bench@test.ppid`,
          firstname: 'Bench',
          lastname: `${code} ${i}`,
          password: PASSWORD,
          isActive: true,
          roles: [role.id],
        });
      }
    }

    const row = (kind, n) => {
      const [jenisKonten, keadaan, label, responsible, locale] = STATES[n % STATES.length];
      const mulai = new Date(now.getTime() - between(HOUR, 10 * DAY));
      let berisikoPada;
      let jatuhTempo;
      let cek;
      let status = 'on_track';
      let notifBerisiko = null;
      if (kind === 'future') {
        // Not due: at-risk instant ahead; one in ten already warned and waiting for the deadline.
        berisikoPada = new Date(now.getTime() + between(MIN, 30 * DAY));
        jatuhTempo = new Date(berisikoPada.getTime() + between(HOUR, 5 * DAY));
        cek = berisikoPada;
        if (n % 10 === 0) {
          berisikoPada = new Date(now.getTime() - between(MIN, DAY));
          jatuhTempo = new Date(now.getTime() + between(HOUR, 5 * DAY));
          cek = jatuhTempo;
          status = 'at_risk';
          notifBerisiko = berisikoPada;
        }
      } else if (kind === 'due-at-risk') {
        berisikoPada = new Date(now.getTime() - between(MIN, 2 * HOUR));
        jatuhTempo = new Date(now.getTime() + between(HOUR, 2 * DAY));
        cek = berisikoPada;
      } else if (kind === 'due-breached') {
        // Sweeper was down: went straight past the deadline.
        jatuhTempo = new Date(now.getTime() - between(MIN, 10 * HOUR));
        berisikoPada = new Date(jatuhTempo.getTime() - between(HOUR, DAY));
        cek = berisikoPada;
      } else {
        // 'due-warned': warned at risk earlier, deadline has now passed.
        jatuhTempo = new Date(now.getTime() - between(MIN, 10 * HOUR));
        berisikoPada = new Date(jatuhTempo.getTime() - between(HOUR, DAY));
        cek = jatuhTempo;
        status = 'at_risk';
        notifBerisiko = berisikoPada;
      }
      return {
        [col('documentId')]: docId(),
        [col('jenisKonten')]: jenisKonten,
        [col('dokumenId')]: docId(),
        [col('locale')]: locale,
        [col('keadaan')]: keadaan,
        [col('label')]: label,
        [col('penanggungJawab')]: JSON.stringify(responsible),
        [col('kalender')]: 'business',
        [col('mulai')]: mulai,
        [col('berisikoPada')]: berisikoPada,
        [col('jatuhTempo')]: jatuhTempo,
        [col('cekBerikutnya')]: cek,
        [col('status')]: status,
        [col('ditutupPada')]: null,
        [col('notifBerisikoPada')]: notifBerisiko,
        [col('notifLewatPada')]: null,
        [col('createdAt')]: mulai,
        [col('updatedAt')]: mulai,
        [col('publishedAt')]: mulai,
      };
    };
    const insert = async (rows) => {
      // knex renders a multi-row insert on SQLite as a compound SELECT: at most 500 terms.
      await knex.batchInsert(table, rows, postgres ? 1000 : 400);
    };
    const openCount = async () =>
      Number((await knex(table).whereNull(col('ditutupPada')).count({ c: '*' }))[0].c);

    // The 100 due timers: 40 at risk, 30 breached unwarned, 30 breached after a warning.
    const dueRows = [];
    for (let i = 0; i < DUE; i += 1) dueRows.push(row(i < 40 ? 'due-at-risk' : i < 70 ? 'due-breached' : 'due-warned', i));
    await insert(dueRows);
    const dueIds = (await knex(table).select('id').where(col('cekBerikutnya'), '<=', now).whereNull(col('ditutupPada'))).map((r) => r.id);
    if (dueIds.length !== DUE) throw new Error(`expected ${DUE} due timers, found ${dueIds.length}`);
    const warnedIds = (await knex(table).select('id').whereIn('id', dueIds).whereNotNull(col('notifBerisikoPada'))).map((r) => r.id);
    const freshIds = dueIds.filter((id) => !warnedIds.includes(id));

    // The sweep queues its notices in the outbox (delivered by the sender, not measured here); a
    // re-armed timer would find its notices already queued, so each run starts with an empty outbox.
    const noticeTable = strapi.db.metadata.get('api::notifikasi.notifikasi').tableName;
    const rearm = async () => {
      await knex(noticeTable).del();
      await knex(table)
        .whereIn('id', freshIds)
        .update({
          [col('status')]: 'on_track',
          [col('notifBerisikoPada')]: null,
          [col('notifLewatPada')]: null,
          [col('cekBerikutnya')]: knex.ref(col('berisikoPada')),
        });
      await knex(table)
        .whereIn('id', warnedIds)
        .update({
          [col('status')]: 'at_risk',
          [col('notifBerisikoPada')]: knex.ref(col('berisikoPada')),
          [col('notifLewatPada')]: null,
          [col('cekBerikutnya')]: knex.ref(col('jatuhTempo')),
        });
    };

    const naiveScan = async () => {
      const open = await strapi.db.query(TIMER_UID).findMany({ where: { ditutupPada: null } });
      let due = 0;
      for (const t of open) {
        const s = timerStatus(now, new Date(t.berisikoPada), new Date(t.jatuhTempo));
        if ((s === 'at_risk' && !t.notifBerisikoPada) || (s === 'breached' && !t.notifLewatPada)) due += 1;
      }
      return { read: open.length, due };
    };

    // One table per size, all built first; repetitions then rotate through the sizes (the size
    // being measured is renamed to the real table name), so load from other processes on a
    // shared machine falls on every size alike instead of skewing one of them.
    const stash = (n) => `bench_sweep_${n}`;
    let active = null;
    const rename = (from, to) => knex.raw(`ALTER TABLE ${from} RENAME TO ${to}`);
    const activate = async (n) => {
      if (active === n) return;
      await rename(table, stash(active));
      await rename(stash(n), table);
      active = n;
    };
    const copyTable = async (to) => {
      if (postgres) {
        await knex.raw(`CREATE TABLE ${to} (LIKE ${table} INCLUDING ALL)`);
        await knex.raw(`INSERT INTO ${to} SELECT * FROM ${table}`);
        await knex.raw(`ANALYZE ${to}`);
        return;
      }
      const [{ sql }] = await knex.raw(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
      await knex.raw(sql.replace(/^CREATE TABLE\s+["`]?\w+["`]?/i, `CREATE TABLE "${to}"`));
      await knex.raw(`INSERT INTO "${to}" SELECT * FROM "${table}"`);
      const indexes = await knex.raw(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table]);
      for (const [i, index] of indexes.entries()) {
        const columns = index.sql.slice(index.sql.indexOf('('));
        await knex.raw(`CREATE INDEX "${to}_idx${i}" ON "${to}" ${columns}`);
      }
    };

    const built = [];
    let serial = DUE;
    for (const n of sizes) {
      const started = process.hrtime.bigint();
      let missing = n - (await openCount());
      while (missing > 0) {
        const chunk = Math.min(missing, 10_000);
        const rows = [];
        for (let i = 0; i < chunk; i += 1) rows.push(row('future', serial++));
        await insert(rows);
        missing -= chunk;
      }
      if (postgres) await knex.raw(`ANALYZE ${table}`);
      const open = await openCount();
      if (n !== sizes[sizes.length - 1]) await copyTable(stash(n));
      built.push({ n, open });
      console.log(`[${db}] built ${open.toLocaleString('en-US')} open timers (${DUE} due) in ${fmt(ms(started))} ms`);
    }
    active = sizes[sizes.length - 1];

    const stats = new Map(sizes.map((n) => [n, { sweep: [], select: [], naive: [], last: null, naiveRead: 0 }]));
    // The sweeper's own read on its own (same query as in src/workflow/sweeper.ts): the part the
    // index serves, without the writes and emails that dominate a sweep.
    const selectOnce = async (n) => {
      await activate(n);
      await rearm();
      const t0 = process.hrtime.bigint();
      const due = await strapi.db.query(TIMER_UID).findMany({
        where: { cekBerikutnya: { $lte: now }, ditutupPada: null },
        orderBy: { cekBerikutnya: 'asc' },
        limit: 500,
      });
      stats.get(n).select.push(ms(t0));
      if (due.length !== DUE) throw new Error(`due query at N=${n} returned ${due.length}`);
    };
    const sweepOnce = async (n, timed) => {
      await activate(n);
      await rearm();
      globalThis.__ppidOutbox = [];
      const t0 = process.hrtime.bigint();
      const result = await sweepTimers(strapi, now);
      const took = ms(t0);
      if (result.examined !== DUE) throw new Error(`sweep at N=${n} examined ${result.examined}, expected ${DUE}`);
      const queued = Number((await knex(noticeTable).count({ n: '*' }))[0].n);
      if (queued !== result.notices) throw new Error('outbox and sweep result disagree');
      if (timed) {
        stats.get(n).sweep.push(took);
        stats.get(n).last = result;
      }
    };
    const naiveOnce = async (n, timed) => {
      await activate(n);
      await rearm();
      const t0 = process.hrtime.bigint();
      const found = await naiveScan();
      const took = ms(t0);
      if (found.due !== DUE) throw new Error(`naive scan at N=${n} found ${found.due} due, expected ${DUE}`);
      if (timed) {
        stats.get(n).naive.push(took);
        stats.get(n).naiveRead = found.read;
      }
    };
    // Round order alternates (ascending, descending) so slow drift cancels out too.
    const order = (round) => (round % 2 === 0 ? sizes : [...sizes].reverse());
    for (const n of sizes) await sweepOnce(n, false); // warm-up
    await naiveOnce(sizes[0], false);
    for (let round = 0; round < Math.max(reps, naiveReps); round += 1) {
      for (const n of order(round)) {
        if (round < reps) await sweepOnce(n, true);
        if (round < reps) await selectOnce(n);
        if (round < naiveReps) await naiveOnce(n, true);
      }
    }
    await activate(sizes[sizes.length - 1]);

    const results = built.map(({ n, open }) => {
      const st = stats.get(n);
      console.log(`[${db}] N=${open}: sweep ${st.sweep.map(fmt).join('/')} ms; select ${st.select.map(fmt).join('/')} ms; naive ${st.naive.map(fmt).join('/')} ms`);
      return {
        n: open,
        due: DUE,
        examined: st.last.examined,
        emails: st.last.notices,
        sweepMs: median(st.sweep),
        selectMs: median(st.select),
        naiveMs: median(st.naive),
        naiveRead: st.naiveRead,
      };
    });

    const base = results[0];
    const lines = [
      `| N open | due | rows examined (sweep / naive) | notices queued | sweep ms (median of ${reps}) | naive scan ms (median of ${naiveReps}) | sweep(N)/sweep(${base.n.toLocaleString('en-US')}) | naive(N)/naive(${base.n.toLocaleString('en-US')}) | sweeper's SELECT alone, ms |`,
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.n.toLocaleString('en-US')} | ${r.due} | ${r.examined} / ${r.naiveRead.toLocaleString('en-US')} | ${r.emails} | ${fmt(r.sweepMs)} | ${fmt(r.naiveMs)} | ${ratio(r.sweepMs / base.sweepMs)} | ${ratio(r.naiveMs / base.naiveMs)} | ${fmt(r.selectMs)} |`,
      ),
    ];
    const dbVersion = postgres
      ? (await knex.raw('show server_version')).rows[0].server_version
      : (await knex.raw('select sqlite_version() as v'))[0].v;
    const machine = [
      `- date: ${new Date().toISOString()}`,
      `- database: ${postgres ? 'PostgreSQL' : 'SQLite'} ${dbVersion}`,
      `- node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}`,
      `- load average (1 min) at start / end: ${loadAtStart.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} (other processes share the machine; hence medians and interleaved repetitions)`,
      `- ${ROLES.length * ADMINS_PER_ROLE} admins across the responsible roles (${ROLES.join(', ')})`,
    ];
    const table_md = lines.join('\n');
    console.log(`\n## Sweep benchmark (${db})\n\n${table_md}\n\n${machine.join('\n')}\n`);
    const outDir = path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const out = path.join(outDir, `sweep-${db}.md`);
    fs.writeFileSync(
      out,
      `# Sweep benchmark (${db})\n\nOne \`sweepTimers\` call with ${DUE} due timers among N open ones, against a naive full scan.\n\n${table_md}\n\n${machine.join('\n')}\n`,
    );
    console.log(`written ${path.relative(ROOT, out)}`);
    return 0;
  } finally {
    if (strapi) await strapi.destroy().catch(() => {});
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Errors from knex carry the whole statement; a batch insert would flood the terminal.
    const text = String((error && error.stack) || error);
    console.error(text.length > 2000 ? `${text.slice(0, 2000)} …` : text);
    process.exit(1);
  },
);
