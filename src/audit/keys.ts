import crypto from 'node:crypto';

/**
 * The keys that seal the audit trail (HMAC-SHA256). They live in configuration (`PPID_AUDIT_KEY`,
 * `PPID_AUDIT_KEYS_OLD`), never in the database: someone who can write the database but does not
 * hold the key cannot reseal an event they changed.
 */
export interface AuditKey {
  /** First 8 hex digits of SHA-256 of the secret; recorded in each event it seals (`kunci`). */
  id: string;
  secret: string;
}

export interface AuditKeyring {
  /** Seals new events and anchors. */
  current: AuditKey;
  /** Every key that may have sealed an event or anchor: the current one and the retired ones. */
  byId: Map<string, AuditKey>;
}

/** `kunci` values of events sealed before keys existed (plain SHA-256). */
export const LEGACY_KEY_ID = 'sha256';

export function isLegacyKeyId(kunci: string | null | undefined): boolean {
  return kunci === undefined || kunci === null || kunci === '' || kunci === LEGACY_KEY_ID;
}

/** Shortest secret accepted: a generated key is 44 characters (base64 of 32 random bytes). */
export const MIN_KEY_LENGTH = 32;

export function auditKeyId(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

/**
 * Parses the current key and the retired ones. A retired entry is `id:key` (the id is checked
 * against the key, catching a key pasted into the wrong line) or just `key`; entries are separated
 * by commas. Problems name the variable and never the secret.
 */
export function parseAuditKeys(current: string, old: string): { keyring: AuditKeyring | null; problems: string[] } {
  const problems: string[] = [];
  const secret = (current ?? '').trim();
  if (!secret) problems.push('ppid.audit.key (PPID_AUDIT_KEY) must be set: it seals the audit trail');
  else if (secret.length < MIN_KEY_LENGTH) {
    problems.push(`ppid.audit.key (PPID_AUDIT_KEY) must be at least ${MIN_KEY_LENGTH} characters (got ${secret.length})`);
  }
  const byId = new Map<string, AuditKey>();
  const add = (key: AuditKey, where: string) => {
    const existing = byId.get(key.id);
    if (existing && existing.secret !== key.secret) problems.push(`${where}: key id ${key.id} is already used by another key`);
    else byId.set(key.id, key);
  };
  const currentKey = secret ? { id: auditKeyId(secret), secret } : null;
  if (currentKey) add(currentKey, 'PPID_AUDIT_KEY');

  const entries = (old ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  entries.forEach((entry, index) => {
    const where = `PPID_AUDIT_KEYS_OLD entry ${index + 1}`;
    const match = /^([0-9a-f]{8}):(.+)$/.exec(entry);
    const oldSecret = match ? match[2] : entry;
    const id = auditKeyId(oldSecret);
    if (match && match[1] !== id) {
      problems.push(`${where}: id ${match[1]} does not match its key (the key's id is ${id})`);
      return;
    }
    add({ id, secret: oldSecret }, where);
  });
  if (problems.length > 0 || !currentKey) return { keyring: null, problems };
  return { keyring: { current: currentKey, byId }, problems };
}

/** HMAC-SHA256 of a payload with one key, hex. */
export function hmacHex(key: AuditKey, payload: string): string {
  return crypto.createHmac('sha256', key.secret).update(payload, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(String(a ?? ''), 'utf8');
  const y = Buffer.from(String(b ?? ''), 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
