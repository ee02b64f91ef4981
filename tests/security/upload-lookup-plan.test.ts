/**
 * The /uploads guard stays cheap (ASVS 5.0 V5): deciding whether a file is public costs indexed
 * lookups only — the file by `files.hash` (files_ppid_hash_idx, created at start-up), the media
 * join table by file id, the entry by primary key — whatever the number of files and entries.
 * Checked deterministically on the database's query plan, on SQLite and PostgreSQL, with 3,000
 * files attached to 3,000 entries.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { queryPlan } from '../helpers/query-plan';

const N = 3000;
const postgres = process.env.DATABASE_CLIENT === 'postgres';
let strapi: Core.Strapi;
let knex: any;
// The guard as Strapi runs it (compiled), so its cache is the one Strapi's hooks clear.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const access = require('../../dist/src/uploads/access');

beforeAll(async () => {
  strapi = await setupStrapi();
  knex = strapi.db.connection;
  const files = Array.from({ length: N }, (_, i) => ({
    document_id: `f${String(i).padStart(23, '0')}`,
    name: `berkas-${i}.pdf`,
    hash: `berkas_${i}_${(i * 7919).toString(36)}`,
    ext: '.pdf',
    mime: 'application/pdf',
    size: 1,
    url: `/uploads/berkas_${i}_${(i * 7919).toString(36)}.pdf`,
    provider: 'local',
  }));
  await knex.batchInsert('files', files, 500);
  const dips = Array.from({ length: N }, (_, i) => ({
    document_id: `d${String(i).padStart(23, '0')}`,
    nomor: `DIP/${i}`,
    kategori: i % 4 === 0 ? 'dikecualikan' : 'berkala',
    locale: 'id',
    published_at: i % 2 === 0 ? new Date() : null,
  }));
  await knex.batchInsert('dip_documents', dips, 500);
  const fileIds = (await knex('files').select('id').orderBy('id')).map((r: { id: number }) => r.id);
  const dipIds = (await knex('dip_documents').select('id').orderBy('id')).map((r: { id: number }) => r.id);
  const links = fileIds.map((fileId: number, i: number) => ({ file_id: fileId, related_id: dipIds[i], related_type: 'api::dip-document.dip-document', field: 'berkas', order: 1 }));
  await knex.batchInsert('files_related_mph', links, 500);
  for (const t of ['files', 'dip_documents', 'files_related_mph']) await knex.raw(`ANALYZE ${t}`);
});
afterAll(teardownStrapi);

const plan = async (sql: string, bindings: readonly unknown[]) => (await queryPlan(knex, sql, bindings)).join('\n');

test('deciding that a file is public reads through indexes only, and decides right', async () => {
  strapi.config.set('ppid.upload.publicCacheSeconds', 0);
  const queries: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (q: { sql: string; bindings: unknown[] }) => queries.push({ sql: q.sql, bindings: q.bindings });
  knex.on('query', listen);
  const name = (i: number) => `berkas_${i}_${(i * 7919).toString(36)}.pdf`;
  const decide = (i: number) => access.isPublicName(strapi, name(i), `/uploads/${name(i)}`);
  try {
    expect(await decide(2)).toBe(true); // published, berkala
    expect(await decide(1)).toBe(false); // not published
    expect(await decide(4)).toBe(false); // published, exempt
  } finally {
    knex.removeListener('query', listen);
  }
  const selects = queries.filter((q) => /^select/i.test(q.sql));
  // Two lookups per decision, and for the public one a third: the veto of private fields
  // (a memo's Surat Gubernur or signed memo is never public), by file id.
  expect(selects.length).toBe(7);
  for (const q of selects) {
    const text = await plan(q.sql, q.bindings);
    if (postgres) {
      expect({ sql: q.sql, text }).toEqual({ sql: q.sql, text: expect.not.stringMatching(/Seq Scan on (files|dip_documents|files_related_mph)\b/) });
    } else {
      expect({ sql: q.sql, text }).toEqual({ sql: q.sql, text: expect.not.stringMatching(/^SCAN /m) });
    }
  }
  const hashLookup = await plan(selects[0].sql, selects[0].bindings);
  expect(hashLookup).toMatch(/files_ppid_hash_idx/);
});
