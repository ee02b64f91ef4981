import crypto from 'node:crypto';

/** What an audit event says; the chain adds seq, hashSebelumnya and hash. */
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

export function hashEvent(seq: number, prevHash: string, event: AuditEventInput): string {
  const body = HASHED_FIELDS.map((k) => [k, canonicalValue(k, event[k])]);
  for (const k of OPTIONAL_HASHED_FIELDS) {
    if (event[k] !== undefined && event[k] !== null) body.push([k, canonicalValue(k, event[k])]);
  }
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([Number(seq), prevHash, body]))
    .digest('hex');
}

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; reason: string };

/**
 * Incremental verifier, so a long chain can be checked page by page without holding it in memory.
 * `push` returns the first failure and keeps returning it; `result` closes the walk.
 */
export function createChainVerifier() {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let failure: VerifyResult | null = null;
  return {
    push(e: ChainedEvent): VerifyResult | null {
      if (failure) return failure;
      const seq = Number(e.seq);
      const fail = (reason: string) => (failure = { ok: false, count, seq, reason });
      if (seq !== expectedSeq) {
        return fail(`urutan terputus: diharapkan #${expectedSeq}, ditemukan #${seq} (peristiwa dihapus atau disisipkan)`);
      }
      if (e.hashSebelumnya !== prev) return fail('tautan ke peristiwa sebelumnya tidak cocok');
      if (hashEvent(seq, e.hashSebelumnya, e) !== e.hash) return fail('isi peristiwa diubah setelah dicatat');
      prev = e.hash;
      expectedSeq += 1;
      count += 1;
      return null;
    },
    result(): VerifyResult {
      return failure ?? { ok: true, count };
    },
  };
}

/** Walks events in seq order; reports the first one whose link or content does not match. */
export function verifyChain(events: Iterable<ChainedEvent>): VerifyResult {
  const verifier = createChainVerifier();
  for (const e of events) if (verifier.push(e)) break;
  return verifier.result();
}
