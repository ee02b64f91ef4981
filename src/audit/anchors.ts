import { hmacHex, sameDigest, type AuditKey } from './keys';
import type { ChainFacts } from './chain';

/**
 * Anchors: the head of the audit chain (seq, hash, time, count) sealed with the audit key and kept
 * where the database writer cannot reach (append-only files, an e-mail to an outside mailbox).
 * The chain alone cannot show that its last events were deleted, or that the whole database was
 * rolled back to an older copy; an anchor that names an event the chain no longer has, or a
 * different hash for it, can.
 */
export interface AuditAnchor {
  v: 1;
  /** The chain head when the anchor was taken. */
  seq: number;
  hash: string;
  /** ISO-8601, UTC. */
  waktu: string;
  /** Events in the trail at that moment. */
  jumlah: number;
  /** How many events at the start of the chain were unkeyed (sealed before the audit key existed). */
  warisan: number;
  /** Id of the key whose HMAC is `mac`. */
  kunci: string;
  mac: string;
}

export interface LocatedAnchor {
  anchor: AuditAnchor;
  source: string;
  line: number;
}

export interface AnchorProblem {
  /** The event the problem is about, when there is one. */
  seq: number | null;
  source: string;
  line: number;
  reason: string;
}

const FIELDS = ['v', 'seq', 'hash', 'waktu', 'jumlah', 'warisan', 'kunci', 'mac'] as const;

function payload(a: Omit<AuditAnchor, 'mac'>): string {
  return JSON.stringify(['ppid-jangkar-audit', a.v, a.seq, a.hash, a.waktu, a.jumlah, a.warisan, a.kunci]);
}

export function createAnchor(
  head: { seq: number; hash: string; jumlah: number; warisan: number; waktu: Date },
  key: AuditKey,
): AuditAnchor {
  const body = {
    v: 1 as const,
    seq: Number(head.seq),
    hash: head.hash,
    waktu: head.waktu.toISOString(),
    jumlah: Number(head.jumlah),
    warisan: Number(head.warisan),
    kunci: key.id,
  };
  return { ...body, mac: hmacHex(key, payload(body)) };
}

/** One JSON line, fields in a fixed order. */
export function anchorLine(anchor: AuditAnchor): string {
  return JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, anchor[f]])));
}

/** One file per day (UTC): `jangkar-audit-2026-11-22.jsonl`. */
export function anchorFileName(at: Date): string {
  return `jangkar-audit-${at.toISOString().slice(0, 10)}.jsonl`;
}

export const ANCHOR_FILE_PATTERN = /^jangkar-audit-\d{4}-\d{2}-\d{2}\.jsonl$/;

export const describeAnchor = (a: LocatedAnchor) => `jangkar ${a.source}:${a.line} (${a.anchor.waktu}, peristiwa #${a.anchor.seq})`;

function shapeProblem(value: any): string | null {
  if (!value || typeof value !== 'object') return 'bukan objek JSON';
  if (value.v !== 1) return `versi ${JSON.stringify(value.v)} tidak dikenal`;
  if (!Number.isInteger(value.seq) || value.seq < 1) return 'seq tidak valid';
  if (typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/.test(value.hash)) return 'hash tidak valid';
  if (typeof value.waktu !== 'string' || Number.isNaN(Date.parse(value.waktu))) return 'waktu tidak valid';
  if (!Number.isInteger(value.jumlah) || value.jumlah < 0) return 'jumlah tidak valid';
  if (!Number.isInteger(value.warisan) || value.warisan < 0) return 'warisan tidak valid';
  if (typeof value.kunci !== 'string' || typeof value.mac !== 'string') return 'kunci atau mac tidak ada';
  return null;
}

/** Reads JSON lines (blank lines skipped); every other line is reported, not silently ignored. */
export function parseAnchorText(text: string, source: string): { anchors: LocatedAnchor[]; problems: AnchorProblem[] } {
  const anchors: LocatedAnchor[] = [];
  const problems: AnchorProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    let value: any;
    try {
      value = JSON.parse(trimmed);
    } catch {
      problems.push({ seq: null, source, line, reason: 'baris jangkar tidak terbaca (bukan JSON)' });
      return;
    }
    const shape = shapeProblem(value);
    if (shape) problems.push({ seq: null, source, line, reason: `baris jangkar tidak valid: ${shape}` });
    else anchors.push({ anchor: value as AuditAnchor, source, line });
  });
  return { anchors, problems };
}

/** Keeps the anchors whose MAC verifies with a known key; reports the others (forged or altered). */
export function authenticateAnchors(
  located: LocatedAnchor[],
  keys: ReadonlyMap<string, AuditKey>,
): { valid: LocatedAnchor[]; problems: AnchorProblem[] } {
  const valid: LocatedAnchor[] = [];
  const problems: AnchorProblem[] = [];
  for (const item of located) {
    const key = keys.get(item.anchor.kunci);
    const at = { seq: item.anchor.seq, source: item.source, line: item.line };
    if (!key) {
      problems.push({ ...at, reason: `${describeAnchor(item)} disegel dengan kunci ${item.anchor.kunci} yang tidak dikenal` });
    } else if (!sameDigest(hmacHex(key, payload(item.anchor)), item.anchor.mac)) {
      problems.push({ ...at, reason: `${describeAnchor(item)} tidak sah: MAC tidak cocok (jangkar diubah atau dipalsukan)` });
    } else {
      valid.push(item);
    }
  }
  return { valid, problems };
}

/**
 * The smallest unkeyed prefix any authentic anchor recorded: events after it must be keyed. An
 * anchor taken after the upgrade thus stops anyone from rewriting the whole chain as unkeyed.
 */
export function legacyLimitFromAnchors(valid: LocatedAnchor[]): { seq: number; source: string } | null {
  let best: LocatedAnchor | null = null;
  for (const item of valid) if (!best || item.anchor.warisan < best.anchor.warisan) best = item;
  return best ? { seq: best.anchor.warisan, source: describeAnchor(best) } : null;
}

/**
 * Every authentic anchor must name an event the chain still has, with the same hash. The walk
 * must have watched every anchor's seq (ChainFacts.hashAt).
 */
export function checkAnchorsAgainstChain(valid: LocatedAnchor[], facts: ChainFacts): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  const headSeq = facts.head?.seq ?? 0;
  for (const item of valid) {
    const { seq, hash } = item.anchor;
    const at = { seq, source: item.source, line: item.line };
    if (seq > headSeq) {
      problems.push({
        ...at,
        reason: `rantai terpotong atau dikembalikan ke salinan lama: ${describeAnchor(item)} mencatat peristiwa #${seq}, tetapi peristiwa terakhir di basis data adalah #${headSeq}`,
      });
      continue;
    }
    const stored = facts.hashAt.get(seq);
    if (stored === undefined) {
      problems.push({ ...at, reason: `peristiwa #${seq} yang dicatat ${describeAnchor(item)} tidak ada di basis data` });
    } else if (stored !== hash) {
      problems.push({
        ...at,
        reason: `peristiwa #${seq} tidak sama dengan ${describeAnchor(item)}: hash tercatat ${hash.slice(0, 16)}…, di basis data ${stored.slice(0, 16)}… (peristiwa ini atau sebelumnya ditulis ulang)`,
      });
    }
  }
  return problems;
}

/** The last readable anchor of a file's text (the writer's "has the head moved?"). */
export function lastAnchorIn(text: string): AuditAnchor | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    try {
      const value = JSON.parse(lines[i]);
      if (!shapeProblem(value)) return value as AuditAnchor;
    } catch {
      // a torn last line (crash mid-write): look further back
    }
  }
  return null;
}
