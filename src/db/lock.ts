import type { Core } from '@strapi/strapi';

/**
 * Runs `fn` in a transaction that holds a named lock: a PostgreSQL advisory lock, released at
 * commit, so instances sharing the database take turns. SQLite has a single writer and Strapi
 * gives it one connection, so the transaction alone serialises. Joins the caller's transaction.
 */
export async function withDatabaseLock<T>(strapi: Core.Strapi, key: number, fn: (trx: any) => Promise<T>): Promise<T> {
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.config.connection.client === 'postgres') {
      await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(?)', [key]).transacting(trx);
    }
    // Raw knex queries inside `fn` must use `trx` (Strapi's query engine joins it by itself).
    return fn(trx);
  });
}

/** Lock names (arbitrary, distinct integers). */
export const LOCKS = {
  auditAppend: 7_071_990,
  obligations: 7_071_991,
  mfaAttempts: 7_071_992,
  auditAnchor: 7_071_993,
} as const;
