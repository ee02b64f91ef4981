import crypto from 'node:crypto';
import { hmacHex, isLegacyKeyId, sameDigest, type AuditKey } from './keys';

/** What an audit event says; the chain adds seq, hashSebelumnya, hash and kunci. */
export interface AuditEventInput {
  kategori: 'transisi' | 'keamanan' | 'sistem';
  peristiwa: string;
  jenisKonten?: string | null;
  dokumenId?: string | null;
  locale?: string | null;
  dari?: string | null;
  ke?: string | null;
  aktorId?: number | null;
  aktorEmail?: string | null;
  ip?: string | null;
  waktu: string; // ISO-8601, UTC
  catatan?: string | null;
  dipaksa?: boolean;
  slaJatuhTempo?: string | null;
  slaTerpenuhi?: boolean | null;
  menitKerja?: number | null;
  /** SHA-256 of the content version a step acted on (e.g. the version the Koordinator approved). */
  sidikKonten?: string | null;
}

export interface ChainedEvent extends AuditEventInput {
  seq: number;
  hashSebelumnya: string;
  hash: string;
  /** Id of the key that sealed the event (HMAC-SHA256); null or 'sha256': the unkeyed SHA-256 of older events. */
  kunci?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Field order is fixed so the hash does not depend on how a database returns columns. */
const HASHED_FIELDS: (keyof AuditEventInput)[] = [
  'kategori', 'peristiwa', 'jenisKonten', 'dokumenId', 'locale', 'dari', 'ke', 'aktorId',
  'aktorEmail', 'ip', 'waktu', 'catatan', 'dipaksa', 'slaJatuhTempo', 'slaTerpenuhi', 'menitKerja',
];

/** Databases hand back dates, booleans and big integers in their own shapes; hash one canonical form. */
function canonicalValue(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (key === 'waktu' || key === 'slaJatuhTempo') return new Date(value as string).toISOString();
  if (key === 'dipaksa' || key === 'slaTerpenuhi') return Boolean(value);
  if (key === 'aktorId' || key === 'menitKerja') return Number(value);
  return String(value);
}

/** Fields added later are hashed only when set, so events written before them keep their hashes. */
const OPTIONAL_HASHED_FIELDS: (keyof AuditEventInput)[] = ['sidikKonten'];

function canonicalBody(event: AuditEventInput): unknown[] {
  const body = HASHED_FIELDS.map((k) => [k, canonicalValue(k, event[k])]);
  for (const k of OPTIONAL_HASHED_FIELDS) {
    if (event[k] !== undefined && event[k] !== null) body.push([k, canonicalValue(k, event[k])]);
  }
  return body;
}

/** The unkeyed SHA-256 of events sealed before keys existed (`kunci` null or 'sha256'). */
export function hashEvent(seq: number, prevHash: string, event: AuditEventInput): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([Number(seq), prevHash, canonicalBody(event)]))
    .digest('hex');
}

/**
 * HMAC-SHA256 with the audit key over the same content plus the key id, so an event cannot be
 * moved to another key, nor downgraded to the unkeyed form, without the verifier noticing.
 */
export function sealEvent(seq: number, prevHash: string, event: AuditEventInput, key: AuditKey): string {
  return hmacHex(key, JSON.stringify(['hmac-sha256', key.id, Number(seq), prevHash, canonicalBody(event)]));
}

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; reason: string };

/** What the anchors are checked against: filled in while the chain is walked. */
export interface ChainFacts {
  head: { seq: number; hash: string } | null;
  /** Hashes (as stored) at the sequence numbers asked for. */
  hashAt: Map<number, string>;
  /** How many events at the start of the chain are unkeyed. */
  legacyCount: number;
}

export interface ChainVerifierOptions {
  /** Every key that may have sealed an event, by id (the keyring's byId). Without it, keyed events fail. */
  keys?: ReadonlyMap<string, AuditKey>;
  /**
   * Highest seq that may be unkeyed, and where that limit comes from (configuration or an anchor).
   * Unkeyed events form at most a prefix of the chain in any case: one after a keyed event fails.
   */
  legacyUntil?: { seq: number; source: string } | null;
  /** Sequence numbers whose stored hash to remember (the anchors'). */
  watch?: Iterable<number>;
}

/**
 * Incremental verifier, so a long chain can be checked page by page without holding it in memory.
 * `push` returns the first failure and keeps returning it (while still recording the facts the
 * anchors need); `result` closes the walk.
 */
export function createChainVerifier(options: ChainVerifierOptions = {}) {
  const keys = options.keys ?? new Map<string, AuditKey>();
  const watch = new Set([...(options.watch ?? [])].map(Number));
  const facts: ChainFacts = { head: null, hashAt: new Map(), legacyCount: 0 };
  let sawKeyed = false;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let failure: VerifyResult | null = null;

  function check(e: ChainedEvent, seq: number): string | null {
    if (seq !== expectedSeq) {
      return `urutan terputus: diharapkan #${expectedSeq}, ditemukan #${seq} (peristiwa dihapus atau disisipkan)`;
    }
    if (e.hashSebelumnya !== prev) return 'tautan ke peristiwa sebelumnya tidak cocok';
    if (isLegacyKeyId(e.kunci)) {
      if (sawKeyed) {
        return 'disegel tanpa kunci (hash SHA-256 lama) sesudah peristiwa yang disegel dengan kunci: rantai ditulis ulang tanpa kunci audit';
      }
      const limit = options.legacyUntil;
      if (limit && seq > limit.seq) {
        return `disegel tanpa kunci (hash SHA-256 lama), padahal menurut ${limit.source} hanya peristiwa sampai #${limit.seq} yang boleh tanpa kunci: rantai ditulis ulang tanpa kunci audit`;
      }
      if (!sameDigest(hashEvent(seq, e.hashSebelumnya, e), e.hash)) return 'isi peristiwa diubah setelah dicatat';
      return null;
    }
    const key = keys.get(String(e.kunci));
    if (!key) {
      return `disegel dengan kunci ${e.kunci} yang tidak dikenal (kunci audit ini tidak ada di PPID_AUDIT_KEY maupun PPID_AUDIT_KEYS_OLD)`;
    }
    if (!sameDigest(sealEvent(seq, e.hashSebelumnya, e, key), e.hash)) {
      return 'isi peristiwa diubah setelah dicatat (segel HMAC tidak cocok dengan kunci audit)';
    }
    return null;
  }

  return {
    push(e: ChainedEvent): VerifyResult | null {
      const seq = Number(e.seq);
      facts.head = { seq, hash: e.hash };
      if (watch.has(seq)) facts.hashAt.set(seq, e.hash);
      if (failure) return failure;
      const reason = check(e, seq);
      if (reason) {
        failure = { ok: false, count, seq, reason };
        return failure;
      }
      if (isLegacyKeyId(e.kunci)) facts.legacyCount += 1;
      else sawKeyed = true;
      prev = e.hash;
      expectedSeq += 1;
      count += 1;
      return null;
    },
    result(): VerifyResult {
      return failure ?? { ok: true, count };
    },
    facts(): ChainFacts {
      return facts;
    },
  };
}

/** Walks events in seq order; reports the first one whose link or content does not match. */
export function verifyChain(events: Iterable<ChainedEvent>, options: ChainVerifierOptions = {}): VerifyResult {
  const verifier = createChainVerifier(options);
  for (const e of events) if (verifier.push(e)) break;
  return verifier.result();
}
