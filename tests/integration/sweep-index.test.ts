import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { sweepTimers } from '../../src/workflow/sweeper';
import { deliverNotices } from '../../src/outbox/sender';
import { queryPlan } from '../helpers/query-plan';

/**
 * The sweeper's cost must follow the number of due timers, not the number of open ones. Speed
 * is measured in bench/sweep.js; here, deterministically: the database plans the sweeper's query
 * through the due index (no full scan), and a sweep reads exactly the due timers.
 */

const TIMER = 'api::timer-sla.timer-sla';
const OPEN = 2000;
const DUE = 7;
const CLOSED = 3000;
const postgres = process.env.DATABASE_CLIENT === 'postgres';

let strapi: Core.Strapi;
let knex: any;
let table: string;
let col: (attribute: string) => string;
const now = new Date();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function timerRow(i: number, kind: 'future' | 'due' | 'closed') {
  const offset = (i % 1440) * 30 * MIN; // spread over 30 days
  const mulai = new Date(now.getTime() - DAY - (i % 97) * MIN);
  let berisikoPada: Date;
  let jatuhTempo: Date;
  let cek: Date | null;
  let ditutupPada: Date | null = null;
  if (kind === 'future') {
    berisikoPada = new Date(now.getTime() + MIN + offset);
    jatuhTempo = new Date(berisikoPada.getTime() + DAY);
    cek = berisikoPada;
  } else if (kind === 'due') {
    berisikoPada = new Date(now.getTime() - (i + 1) * MIN);
    jatuhTempo = new Date(now.getTime() + (i % 2 === 0 ? DAY : -MIN)); // some at risk, some breached
    cek = berisikoPada;
  } else {
    berisikoPada = new Date(mulai.getTime() + DAY / 2);
    jatuhTempo = new Date(mulai.getTime() + DAY);
    cek = null;
    ditutupPada = new Date(mulai.getTime() + DAY / 3);
  }
  return {
    [col('documentId')]: `bench${kind}${String(i).padStart(12, '0')}`.slice(0, 24),
    [col('jenisKonten')]: 'api::nota-permintaan.nota-permintaan',
    [col('dokumenId')]: `doc-${kind}-${i}`,
    [col('locale')]: null,
    [col('keadaan')]: 'menunggu_paraf',
    [col('label')]: 'Menunggu paraf Koordinator',
    [col('penanggungJawab')]: JSON.stringify(['koordinator']),
    [col('kalender')]: 'business',
    [col('mulai')]: mulai,
    [col('berisikoPada')]: berisikoPada,
    [col('jatuhTempo')]: jatuhTempo,
    [col('cekBerikutnya')]: cek,
    [col('status')]: 'on_track',
    [col('ditutupPada')]: ditutupPada,
    [col('terpenuhi')]: kind === 'closed' ? true : null,
    [col('createdAt')]: mulai,
    [col('updatedAt')]: mulai,
    [col('publishedAt')]: mulai,
  };
}

/** The SELECT the sweeper issues, built against the real table and column names. */
function sweeperSelect() {
  return knex(table)
    .select('*')
    .where(col('cekBerikutnya'), '<=', now)
    .whereNull(col('ditutupPada'))
    .orderBy(col('cekBerikutnya'), 'asc')
    .limit(500)
    .toSQL();
}

const plan = (sql: string, bindings: readonly unknown[]) => queryPlan(knex, sql, bindings);

function expectServedByDueIndex(lines: string[]) {
  const index = `${table}_due_idx`;
  const text = lines.join('\n');
  if (postgres) {
    expect(text).toMatch(new RegExp(`(Index Scan using ${index} on ${table}|Bitmap Index Scan on ${index})`));
    expect(text).not.toMatch(/Seq Scan/);
  } else {
    // A range search on the index, already in cek_berikutnya order: no table scan, no sort.
    expect(text).toMatch(new RegExp(`SEARCH (${table}|t0) USING INDEX ${index} \\(${col('cekBerikutnya')}<\\?\\)`));
    expect(lines.filter((l) => /^SCAN\b/.test(l))).toEqual([]);
    expect(text).not.toMatch(/TEMP B-TREE/);
  }
}

beforeAll(async () => {
  strapi = await setupStrapi();
  const meta = strapi.db.metadata.get(TIMER) as any;
  table = meta.tableName;
  col = (attribute: string) => meta.attributes[attribute].columnName ?? attribute;
  knex = strapi.db.connection;
  await createAdmin(strapi, 'koordinator');

  // Exactly OPEN open timers (bootstrap already opened the recurring obligations' timers), of
  // which DUE are due, plus closed timers the sweeper must not read either.
  const alreadyOpen = Number((await knex(table).whereNull(col('ditutupPada')).count({ c: '*' }))[0].c);
  const rows = [
    ...Array.from({ length: DUE }, (_, i) => timerRow(i, 'due')),
    ...Array.from({ length: OPEN - DUE - alreadyOpen }, (_, i) => timerRow(i, 'future')),
    ...Array.from({ length: CLOSED }, (_, i) => timerRow(i, 'closed')),
  ];
  await knex.batchInsert(table, rows, 400);
  if (postgres) await knex.raw(`ANALYZE ${table}`);
});
afterAll(teardownStrapi);

describe('the sweeper reads through the due index', () => {
  test('the data is as intended: 2,000 open timers, 7 of them due', async () => {
    const open = await strapi.db.query(TIMER).count({ where: { ditutupPada: null } });
    const due = await strapi.db.query(TIMER).count({ where: { cekBerikutnya: { $lte: now }, ditutupPada: null } });
    expect(open).toBe(OPEN);
    expect(due).toBe(DUE);
  });

  test('the planner serves the sweeper query from the due index, without a full scan', async () => {
    const { sql, bindings } = sweeperSelect();
    expectServedByDueIndex(await plan(sql, bindings));
    if (!postgres) {
      // Also once statistics exist (ANALYZE / PRAGMA optimize on a long-running database).
      await knex.raw(`ANALYZE ${table}`);
      expectServedByDueIndex(await plan(sql, bindings));
    }
  });

  test('the SELECT the sweeper actually sends is planned the same way', async () => {
    const seen: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings: unknown[] }) => {
      if (/^select/i.test(q.sql) && q.sql.includes(table)) seen.push({ sql: q.sql, bindings: q.bindings });
    };
    knex.on('query', listener);
    try {
      // A sweep before any timer is due: only the read, nothing changes.
      await sweepTimers(strapi, new Date(now.getTime() - 365 * DAY));
    } finally {
      knex.removeListener('query', listener);
    }
    expect(seen).toHaveLength(1);
    expectServedByDueIndex(await plan(seen[0].sql, seen[0].bindings));
  });

  test('a sweep over 2,000 open timers examines exactly the 7 due ones', async () => {
    const outbox = ((globalThis as any).__ppidOutbox ??= []) as unknown[];
    const before = outbox.length;
    const result = await sweepTimers(strapi, now);
    expect(result.examined).toBe(DUE);
    expect(result.atRisk + result.breached).toBe(DUE);
    expect(result.notices).toBe(DUE); // one koordinator admin, one notice per timer
    expect(outbox.length - before).toBe(0); // queued in the outbox, not yet sent
    expect((await deliverNotices(strapi, { now })).sent).toBe(DUE);
    expect(outbox.length - before).toBe(DUE);
    // Every due timer has moved on (at risk: next check at its deadline; breached: none).
    expect((await sweepTimers(strapi, now)).examined).toBe(0);
  });
});
