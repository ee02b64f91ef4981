import type { Core } from '@strapi/strapi';

/**
 * Sequential registration numbers. One row per (kind, year) in a small table of our own (Strapi
 * leaves tables it did not create alone). `nextSequence` must run inside the transaction that
 * stores the numbered document: the conditional `UPDATE … SET nilai = nilai + 1 … RETURNING`
 * locks the row until commit (PostgreSQL) or runs under SQLite's single writer, so concurrent
 * submissions get distinct, gap-free numbers, and a failed store rolls its number back.
 */
export const COUNTER_TABLE = 'ppid_penghitung_nomor';

export async function ensureCounterTable(strapi: Core.Strapi): Promise<void> {
  await strapi.db.connection.raw(
    `CREATE TABLE IF NOT EXISTS ${COUNTER_TABLE} (kunci VARCHAR(64) NOT NULL PRIMARY KEY, nilai INTEGER NOT NULL)`,
  );
}

export async function nextSequence(strapi: Core.Strapi, key: string): Promise<number> {
  return strapi.db.transaction(async ({ trx }) => {
    const knex = strapi.db.connection;
    await knex.raw(`INSERT INTO ${COUNTER_TABLE} (kunci, nilai) VALUES (?, 0) ON CONFLICT (kunci) DO NOTHING`, [key]).transacting(trx);
    const result = await knex.raw(`UPDATE ${COUNTER_TABLE} SET nilai = nilai + 1 WHERE kunci = ? RETURNING nilai`, [key]).transacting(trx);
    const rows: { nilai: number | string }[] = Array.isArray(result) ? result : result.rows;
    const value = Number(rows?.[0]?.nilai);
    if (!Number.isInteger(value) || value < 1) throw new Error(`counter ${key} returned no value`);
    return value;
  });
}
