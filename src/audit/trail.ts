import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCKS, withDatabaseLock } from '../db/lock';
import { GENESIS_HASH, createChainVerifier, hashEvent, type AuditEventInput, type ChainedEvent, type VerifyResult } from './chain';

export const AUDIT_UID = 'api::riwayat-alur.riwayat-alur';
/** Set only while appendAuditEvent itself inserts, so the lifecycle guard can tell it apart. */
const appending: AsyncLocalStorage<true> = ((globalThis as any)[Symbol.for('ppid.auditAppending')] ??= new AsyncLocalStorage());

/**
 * Appends one event to the hash chain. Appends are serialised (an advisory lock on PostgreSQL,
 * SQLite's single writer otherwise) so two instances never fork the chain; the unique `seq`
 * is the last guard. Runs inside the caller's transaction when there is one.
 */
export async function appendAuditEvent(strapi: Core.Strapi, input: Omit<AuditEventInput, 'waktu'> & { waktu?: string }) {
  const event: AuditEventInput = { dipaksa: false, ...input, waktu: input.waktu ?? new Date().toISOString() };
  return withDatabaseLock(strapi, LOCKS.auditAppend, async () => {
    const last = await strapi.db.query(AUDIT_UID).findOne({ select: ['seq', 'hash'], orderBy: { seq: 'desc' } });
    const seq = last ? Number(last.seq) + 1 : 1;
    const hashSebelumnya = last ? last.hash : GENESIS_HASH;
    const hash = hashEvent(seq, hashSebelumnya, event);
    return appending.run(true, () =>
      strapi.db.query(AUDIT_UID).create({ data: { ...event, seq, hashSebelumnya, hash } }),
    );
  });
}

/** Reads the chain in pages (it can be long) and verifies it. */
export async function verifyAuditTrail(strapi: Core.Strapi, pageSize = 1000): Promise<VerifyResult> {
  const verifier = createChainVerifier();
  let after = 0;
  for (;;) {
    const page = await strapi.db.query(AUDIT_UID).findMany({
      where: { seq: { $gt: after } },
      orderBy: { seq: 'asc' },
      limit: pageSize,
    });
    if (page.length === 0) return verifier.result();
    for (const row of page) if (verifier.push(row as ChainedEvent)) return verifier.result();
    after = Number(page[page.length - 1].seq);
  }
}

const REFUSAL = 'Jejak audit hanya dapat ditambah oleh sistem; peristiwa tidak dapat diubah atau dihapus.';

/**
 * Append-only, for everyone including super admins: every Document Service write (Content
 * Manager, REST, scripts) is refused, and the query engine refuses updates and deletes.
 * Only appendAuditEvent creates rows.
 */
export function protectAuditTrail(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const reads = ['findOne', 'findMany', 'findFirst', 'count'];
    if (ctx.uid === AUDIT_UID && !reads.includes(ctx.action)) throw new errors.ForbiddenError(REFUSAL);
    return next();
  });
  const refuse = () => {
    throw new errors.ForbiddenError(REFUSAL);
  };
  strapi.db.lifecycles.subscribe({
    models: [AUDIT_UID],
    beforeCreate() {
      if (!appending.getStore()) refuse();
    },
    beforeCreateMany: refuse,
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
}
