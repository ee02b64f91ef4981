#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: compiles the server to dist/ once (as scripts/test.js does), then runs every
 * benchmark in bench/ on SQLite, and again on PostgreSQL when 127.0.0.1:5432 (or DATABASE_HOST/
 * DATABASE_PORT, user postgres) answers. Each benchmark runs in its own process (one Strapi per
 * process) and writes its table to bench/results/<name>-<db>.md.
 *
 * Extra arguments go to every benchmark, e.g. `npm run bench -- --sizes=1000,10000`
 * (each ignores those it does not know; public-api.js takes --count, --duration, --rounds…).
 * `--sqlite-only` skips PostgreSQL.
 *
 * Then the public site's budgets and build figures (site/bench/site-budget.ts, database-free: it
 * builds from a stand-in of the REST API) → bench/results/site-budget.md. `--site-only` runs just
 * that; `--no-site` skips it; `--site-entries=N` sets its size (default 10000).
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const sqliteOnly = args.includes('--sqlite-only');
const siteOnly = args.includes('--site-only');
const noSite = args.includes('--no-site');
const siteEntries = args.find((a) => a.startsWith('--site-entries='));
const passArgs = args.filter((a) => !['--sqlite-only', '--site-only', '--no-site'].includes(a) && !a.startsWith('--site-entries='));

// Every benchmark in bench/ (run.js is the runner, not a benchmark).
const BENCHMARKS = ['sweep.js', 'report.js', 'public-api.js'];
// Benchmarks that run on SQLite only (public-api.js boots several servers, each on its own copy of one SQLite file).
const SQLITE_ONLY = new Set(['public-api.js']);

const env = { ...process.env, PPID_SKIP_COMPILE: 'true' };

const { pgAdminClient } = require('./pg-admin');
const { compileServer } = require('../scripts/test-support');

function run(cmd, cmdArgs) {
  return spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

async function postgresReachable() {
  const client = pgAdminClient();
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    console.log(`PostgreSQL unreachable (${/** @type {Error} */ (error).message}); benchmarks run on SQLite only.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function siteBudget() {
  console.log('\n=== site-budget (public site: build, rebuild, JS/CSS budgets, Lighthouse) ===');
  const tsx = path.join(root, 'site', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const status = spawnSync(process.execPath, [tsx, 'bench/site-budget.ts', ...(siteEntries ? [`--entries=${siteEntries.split('=')[1]}`] : [])], {
    cwd: path.join(root, 'site'),
    env,
    stdio: 'inherit',
  }).status ?? 1;
  if (status !== 0) console.error(`site-budget failed or a budget was exceeded (exit ${status})`);
  return status === 0 ? 0 : 1;
}

async function main() {
  if (siteOnly) return siteBudget();
  const tsc = compileServer(env);
  if (tsc !== 0) {
    console.error('Compilation failed: benchmarks run against a fresh dist/ only.');
    return tsc;
  }
  /** @type {string[][]} */
  const databases = [[]];
  if (!sqliteOnly && (await postgresReachable())) databases.push(['--postgres']);
  let failed = 0;
  for (const bench of BENCHMARKS) {
    for (const dbArgs of databases) {
      if (SQLITE_ONLY.has(bench) && dbArgs.includes('--postgres')) continue;
      const label = `${bench} ${dbArgs.includes('--postgres') ? 'postgres' : 'sqlite'}`;
      console.log(`\n=== ${label} ===`);
      const status = run(process.execPath, [path.join(__dirname, bench), ...dbArgs, ...passArgs]);
      if (status !== 0) {
        console.error(`${label} failed (exit ${status})`);
        failed += 1;
      }
    }
  }
  if (!noSite) failed += siteBudget();
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
