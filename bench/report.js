#!/usr/bin/env node
'use strict';
/**
 * Benchmark: the figures of a semester evaluation report (src/reports/load.ts + figures.ts) over
 * 10k DIP entries, with a fixed number of audit events and closed SLA timers inside the semester
 * and 10k, then 100k, of each outside it (earlier history). The loader reads the period through
 * indexes (audit events by type and time, timers by closing time), so its cost should follow the
 * period's events, not the length of the trail. For contrast, a naive read of every DIP event of
 * the trail is timed at each size. Figures are ratios measured in one run; nothing is asserted.
 *
 *   node bench/report.js                    SQLite, throwaway file under .tmp/
 *   node bench/report.js --postgres         PostgreSQL at 127.0.0.1:5432 (user postgres), throwaway database
 *   --entries=10000 --in-period=10000 --outside=10000,100000 --reps=5
 *
 * Compiles to dist/ first unless PPID_SKIP_COMPILE=true (bench/run.js compiles once).
 * Writes the table to bench/results/report-<db>.md (gitignored).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIP_UID = 'api::dip-document.dip-document';
const AUDIT_UID = 'api::riwayat-alur.riwayat-alur';
const TIMER_UID = 'api::timer-sla.timer-sla';
const NOTA_UID = 'api::nota-permintaan.nota-permintaan';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const postgres = args.includes('--postgres');
const db = postgres ? 'postgres' : 'sqlite';
const entries = Number(flag('entries', '10000'));
const inPeriod = Number(flag('in-period', '10000'));
const outside = flag('outside', '10000,100000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
const reps = Math.max(1, Number(flag('reps', '5')));

const { pgAdminClient } = require('./pg-admin');
const { compileServer, testEnvironment } = require('../scripts/test-support');

function testEnv() {
  Object.assign(process.env, testEnvironment(process.env));
  process.env.CRON_ENABLED = 'false';
  process.env.PPID_AUTO_SEED = 'false';
  process.env.EMAIL_PROVIDER = 'outbox';
  process.env.EMAIL_OUTBOX_MODE = 'capture';
}

async function prepareDatabase(tag) {
  if (!postgres) {
    const file = path.join(ROOT, '.tmp', `bench-report-${tag}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = path.relative(ROOT, file);
    return async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    };
  }
  const name = `ppid_bench_reports_${tag}`;
  const admin = pgAdminClient();
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`PostgreSQL unreachable (${/** @type {Error} */ (error).message}); skipping the PostgreSQL report benchmark.`);
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  Object.assign(process.env, {
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: process.env.DATABASE_HOST || '127.0.0.1',
    DATABASE_PORT: process.env.DATABASE_PORT || '5432',
    DATABASE_USERNAME: process.env.DATABASE_USERNAME || 'postgres',
    DATABASE_NAME: name,
  });
  return async () => {
    const c = pgAdminClient();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

async function main() {
  testEnv();
  if (process.env.PPID_SKIP_COMPILE !== 'true' && compileServer() !== 0) return 1;
  const loadAtStart = os.loadavg()[0];
  const tag = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const cleanup = await prepareDatabase(tag);
  if (!cleanup) return 0;
  const { createStrapi } = require('@strapi/strapi');
  const { loadFigures } = require(path.join(ROOT, 'dist/src/reports/load.js'));
  const rand = prng(11);
  let strapi;
  try {
    strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
    await strapi.load();
    const knex = strapi.db.connection;
    const table = (uid) => {
      const meta = strapi.db.metadata.get(uid);
      return { name: meta.tableName, col: (a) => meta.attributes[a].columnName || a };
    };
    const insert = async (uid, rows) => {
      const t = table(uid);
      const mapped = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [t.col(k), v])));
      await knex.batchInsert(t.name, mapped, postgres ? 1000 : 100);
    };
    const docId = () => crypto.randomBytes(12).toString('hex');

    // The semester reported on, and the instants before it the earlier history is spread over.
    const period = { mulai: '2026-01-01', selesai: '2026-06-30' };
    const start = Date.parse('2025-12-31T17:00:00Z');
    const end = Date.parse('2026-06-30T17:00:00Z');
    const inside = () => new Date(start + rand() * (end - start - 1));
    const before = () => new Date(start - 1 - rand() * 5 * 365 * 86_400_000);
    const now = new Date(end + 86_400_000);

    // 10k DIP entries (draft rows, and a published row for 70 % of them).
    const kategori = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'];
    const dipIds = [];
    const dipRows = [];
    for (let i = 0; i < entries; i++) {
      const documentId = docId();
      dipIds.push(documentId);
      const base = {
        documentId,
        nomor: `DIP/${i}`,
        judul: `Informasi ${i}`,
        ringkasan: 'Ringkasan',
        kategori: kategori[i % 4],
        pejabatPenguasa: 'Kepala Bidang',
        penanggungJawab: 'Sub Koordinator',
        bentukInformasi: 'softcopy',
        jangkaWaktuPenyimpanan: '5 tahun',
        tahun: '2026',
        statusAlur: 'disetujui',
        locale: 'id',
        createdAt: before(),
        updatedAt: before(),
      };
      dipRows.push({ ...base, publishedAt: null });
      if (rand() < 0.7) dipRows.push({ ...base, publishedAt: rand() < 0.5 ? inside() : before() });
    }
    await insert(DIP_UID, dipRows);

    let seq = 0;
    const events = (n, when) =>
      Array.from({ length: n }, () => {
        seq += 1;
        const r = rand();
        const dip = r < 0.7;
        const kind = rand();
        return {
          seq,
          kategori: r < 0.95 ? 'transisi' : 'keamanan',
          peristiwa: dip && kind < 0.25 ? (kind < 0.15 ? 'diterbitkan' : 'diterbitkan_ulang') : r < 0.95 ? 'transisi' : 'masuk_berhasil',
          jenisKonten: r < 0.95 ? (dip ? DIP_UID : NOTA_UID) : null,
          dokumenId: dip ? dipIds[Math.floor(rand() * dipIds.length)] : docId(),
          locale: dip ? 'id' : null,
          dari: 'menunggu_persetujuan',
          ke: dip && kind >= 0.25 && kind < 0.35 ? 'dikembalikan' : 'disetujui',
          aktorEmail: 'koordinator@ppid.test',
          waktu: when(),
          catatan: 'Catatan',
          dipaksa: false,
          hashSebelumnya: crypto.randomBytes(32).toString('hex'),
          hash: crypto.randomBytes(32).toString('hex'),
          documentId: docId(),
        };
      });
    const timers = (n, when) =>
      Array.from({ length: n }, () => {
        const closed = when();
        const mulai = new Date(closed.getTime() - rand() * 5 * 86_400_000);
        return {
          documentId: docId(),
          jenisKonten: rand() < 0.7 ? DIP_UID : NOTA_UID,
          dokumenId: docId(),
          locale: 'id',
          keadaan: rand() < 0.8 ? 'menunggu_persetujuan' : 'dikembalikan',
          kalender: 'business',
          mulai,
          berisikoPada: new Date(mulai.getTime() + 86_400_000),
          jatuhTempo: new Date(mulai.getTime() + 2 * 86_400_000),
          status: 'on_track',
          ditutupPada: closed,
          terpenuhi: rand() < 0.8,
          menitKerja: 0,
        };
      });
    const CHUNK = 10_000;
    const addHistory = async (n, when) => {
      for (let done = 0; done < n; done += CHUNK) {
        const k = Math.min(CHUNK, n - done);
        await insert(AUDIT_UID, events(k, when));
        await insert(TIMER_UID, timers(k, when));
      }
    };
    await addHistory(inPeriod, inside);
    if (postgres) await knex.raw('ANALYZE');

    const naive = async () => {
      const a = table(AUDIT_UID);
      return knex(a.name).where(a.col('jenisKonten'), DIP_UID).select(a.col('peristiwa'), a.col('dokumenId'), a.col('waktu'));
    };

    const rows = [];
    let present = 0;
    let expected = null;
    for (const size of outside) {
      await addHistory(size - present, before);
      present = size;
      if (postgres) await knex.raw('ANALYZE');
      await loadFigures(strapi, period, now); // warm-up
      const times = [];
      const naiveTimes = [];
      let figures;
      for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        figures = await loadFigures(strapi, period, now);
        times.push(ms(t0));
        const t1 = process.hrtime.bigint();
        await naive();
        naiveTimes.push(ms(t1));
      }
      // The figures of the semester must not change with the earlier history.
      const key = JSON.stringify({ sla: figures.sla, dip: figures.dip, back: figures.dikembalikanKoordinator.jumlah });
      if (expected && key !== expected) throw new Error('figures changed with history outside the period');
      expected = key;
      rows.push({ size, report: median(times), naive: median(naiveTimes), sla: figures.sla.reduce((n, r) => n + r.jumlah, 0), back: figures.dikembalikanKoordinator.jumlah, terbit: figures.dip.terbit });
      console.log(`outside=${size}: report ${fmt(median(times))} ms, naive trail read ${fmt(median(naiveTimes))} ms`);
    }

    const first = rows[0];
    const lines = [
      `# Report benchmark (${db})`,
      '',
      `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} CPUs · load average ${loadAtStart.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`,
      '',
      `Semester ${period.mulai} – ${period.selesai}; ${entries} DIP entries; ${inPeriod} audit events and ${inPeriod} closed timers inside the semester; median of ${reps}.`,
      '',
      '| events (and timers) outside the period | report ms | ratio | naive read of every DIP event ms | ratio | SLA stays counted | sent back | first publications |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.size} | ${fmt(r.report)} | ${(r.report / first.report).toFixed(2)}× | ${fmt(r.naive)} | ${(r.naive / first.naive).toFixed(2)}× | ${r.sla} | ${r.back} | ${r.terbit} |`,
      ),
      '',
    ];
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', `report-${db}.md`), lines.join('\n'));
    console.log(lines.join('\n'));
    return 0;
  } finally {
    if (strapi) await strapi.destroy().catch(() => {});
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
