import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PpidConfig } from '../config/ppid-config';
import { LOCKS, withDatabaseLock } from '../db/lock';
import { authenticateAnchors, checkAnchorsAgainstChain, legacyLimitFromAnchors, type AnchorProblem, type LocatedAnchor } from './anchors';
import { GENESIS_HASH, createChainVerifier, sealEvent, type AuditEventInput, type ChainedEvent, type VerifyResult } from './chain';
import { parseAuditKeys, type AuditKeyring } from './keys';
import { runInScope, scopeField } from '../context/store';

export const AUDIT_UID = 'api::riwayat-alur.riwayat-alur';

let cachedKeyring: { source: string; keyring: AuditKeyring } | null = null;

/** The audit keys from configuration (validated at start-up); parsed again only when they change. */
export function auditKeyring(strapi: Core.Strapi): AuditKeyring {
  const { key, oldKeys } = (strapi.config.get('ppid') as PpidConfig).audit;
  const source = `${key}\u0000${oldKeys}`;
  if (cachedKeyring?.source === source) return cachedKeyring.keyring;
  const { keyring, problems } = parseAuditKeys(key, oldKeys);
  if (!keyring) throw new Error(`audit keys are invalid: ${problems.join('; ')}`);
  cachedKeyring = { source, keyring };
  return keyring;
}

/**
 * Appends one event to the chain, sealed with HMAC-SHA256 under the current audit key (its id goes
 * in `kunci`). Appends are serialised (an advisory lock on PostgreSQL, SQLite's single writer
 * otherwise) so two instances never fork the chain; a unique index on `seq` is the last guard.
 * Runs inside the caller's transaction when there is one.
 */
export async function appendAuditEvent(strapi: Core.Strapi, input: Omit<AuditEventInput, 'waktu'> & { waktu?: string }) {
  const event: AuditEventInput = { dipaksa: false, ...input, waktu: input.waktu ?? new Date().toISOString() };
  const key = auditKeyring(strapi).current;
  return withDatabaseLock(strapi, LOCKS.auditAppend, async () => {
    const last = await strapi.db.query(AUDIT_UID).findOne({ select: ['seq', 'hash'], orderBy: { seq: 'desc' } });
    const seq = last ? Number(last.seq) + 1 : 1;
    const hashSebelumnya = last ? last.hash : GENESIS_HASH;
    const hash = sealEvent(seq, hashSebelumnya, event, key);
    // auditAppending is set only while appendAuditEvent itself inserts, so the lifecycle guard can tell it apart.
    return runInScope({ auditAppending: true }, () =>
      strapi.db.query(AUDIT_UID).create({ data: { ...event, seq, hashSebelumnya, hash, kunci: key.id } }),
    );
  });
}

export type AuditReport = VerifyResult & {
  /** Every problem found: the chain's first broken event, then each anchor that does not match. */
  problems: { seq: number | null; reason: string; source?: string; line?: number }[];
  anchorsChecked: number;
  head: { seq: number; hash: string } | null;
};

/**
 * Verifies the chain with the audit keys, and the chain against the anchors given (parsed from the
 * anchor files or e-mailed copies): each anchor must be authentic, and name an event the chain still
 * has, with the same hash. Reads the chain in pages (it can be long).
 */
export async function verifyAuditTrail(
  strapi: Core.Strapi,
  opts: { anchors?: LocatedAnchor[]; anchorProblems?: AnchorProblem[]; pageSize?: number } = {},
): Promise<AuditReport> {
  const keyring = auditKeyring(strapi);
  const configured = (strapi.config.get('ppid') as PpidConfig).audit.legacyUntilSeq;
  const authenticated = authenticateAnchors(opts.anchors ?? [], keyring.byId);
  const fromAnchors = legacyLimitFromAnchors(authenticated.valid);
  const limits = [
    configured === null ? null : { seq: configured, source: 'PPID_AUDIT_LEGACY_SEQ' },
    fromAnchors,
  ].filter((l): l is { seq: number; source: string } => l !== null);
  const legacyUntil = limits.length ? limits.reduce((a, b) => (b.seq < a.seq ? b : a)) : null;

  const verifier = createChainVerifier({ keys: keyring.byId, legacyUntil, watch: authenticated.valid.map((a) => a.anchor.seq) });
  const pageSize = opts.pageSize ?? 1000;
  let after = 0;
  for (;;) {
    const page = await strapi.db.query(AUDIT_UID).findMany({ where: { seq: { $gt: after } }, orderBy: { seq: 'asc' }, limit: pageSize });
    if (page.length === 0) break;
    // Read to the end even after a failure: the anchors are checked against the whole chain.
    for (const row of page) verifier.push(row as ChainedEvent);
    after = Number(page[page.length - 1].seq);
  }
  const chain = verifier.result();
  const facts = verifier.facts();
  const anchorProblems = [
    ...(opts.anchorProblems ?? []),
    ...authenticated.problems,
    ...checkAnchorsAgainstChain(authenticated.valid, facts),
  ];
  const problems: AuditReport['problems'] = [
    ...(chain.ok ? [] : [{ seq: chain.seq, reason: chain.reason }]),
    ...anchorProblems.map((p) => ({ seq: p.seq, reason: p.reason, source: p.source, line: p.line })),
  ];
  const base = { problems, anchorsChecked: (opts.anchors ?? []).length, head: facts.head };
  if (!chain.ok) return { ...chain, ...base };
  if (anchorProblems.length > 0) {
    const first = anchorProblems[0];
    return { ok: false, count: chain.count, seq: first.seq ?? 0, reason: first.reason, ...base };
  }
  return { ...chain, ...base };
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
      if (!scopeField('auditAppending')) refuse();
    },
    beforeCreateMany: refuse,
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
}

/**
 * bootstrap(): `seq` gets a real unique index, so even a bug in the lock could not fork the chain
 * (Strapi's `unique` attribute is only checked by the Document Service). Idempotent.
 */
export async function bootstrapAuditTrail(strapi: Core.Strapi): Promise<void> {
  const meta = strapi.db.metadata.get(AUDIT_UID) as any;
  const column = (attribute: string) => meta.attributes[attribute].columnName ?? attribute;
  await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${meta.tableName}_seq_uq ON ${meta.tableName} (${column('seq')})`);
}
