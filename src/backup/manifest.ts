/**
 * The backup manifest (pure: node:crypto only).
 *
 * A backup holds the database, the uploaded files and `manifest.json`: what the backup contains
 * (with SHA-256 checksums) and which configuration is needed to read it — the names of the keys and
 * a fingerprint of each, never a value. Restore compares the fingerprints with the keys configured
 * where it runs and refuses when a key that the data depends on differs (TOTP secrets could not be
 * decrypted, the audit trail would not verify, API tokens would stop matching).
 */
import crypto from 'node:crypto';

export const MANIFEST_FORMAT = 'ppid-backup/1';

/** How a key's mismatch matters after a restore. */
export type KeyRole = 'required' | 'sessions';

/**
 * Keys whose values the stored data depends on (`required`: restore refuses without the same one),
 * and keys that only sign sessions and links (`sessions`: a different one signs everybody out, and
 * restore only warns).
 */
export const BACKUP_KEYS: readonly { name: string; role: KeyRole; reads: string }[] = [
  { name: 'PPID_AUDIT_KEY', role: 'required', reads: 'segel jejak audit (rantai hash)' },
  { name: 'PPID_MFA_KEY', role: 'required', reads: 'rahasia TOTP (verifikasi dua langkah) yang terenkripsi' },
  { name: 'ENCRYPTION_KEY', role: 'required', reads: 'token API yang terenkripsi' },
  { name: 'API_TOKEN_SALT', role: 'required', reads: 'hash token API' },
  { name: 'TRANSFER_TOKEN_SALT', role: 'required', reads: 'hash token transfer' },
  { name: 'ADMIN_JWT_SECRET', role: 'sessions', reads: 'sesi admin dan tautan berkas bertanda tangan' },
  { name: 'APP_KEYS', role: 'sessions', reads: 'cookie sesi' },
  { name: 'JWT_SECRET', role: 'sessions', reads: 'token pengguna situs' },
];

export interface KeyEntry {
  name: string;
  role: KeyRole;
  /** Fingerprint of the value, or null when the key was not set. */
  fingerprint: string | null;
}

export interface FileEntry {
  name: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  app: { name: string; version: string; strapi: string };
  database: {
    client: 'sqlite' | 'postgres';
    /** File inside the backup directory. */
    file: string;
    sha256: string;
    size: number;
    /** PostgreSQL: server and pg_dump versions, and the schema dumped. */
    serverVersion?: string;
    dumpVersion?: string;
    schema?: string;
  };
  uploads: { storage: 'local' | 's3'; bucket?: string; directory: string; files: FileEntry[] };
  keys: KeyEntry[];
  /** Audit keys (current and retired) by their public id (first 8 hex of SHA-256, as in each event). */
  auditKeyIds: string[];
}

/**
 * A fingerprint of a secret value that reveals nothing usable about it: HMAC-SHA256 keyed by the
 * value over a fixed label and the variable's name, first 16 bytes. Same value → same fingerprint.
 */
export function fingerprint(name: string, value: string): string {
  return crypto.createHmac('sha256', value).update(`ppid-backup-fingerprint-v1\n${name}`).digest('hex').slice(0, 32);
}

export function keyEntries(env: NodeJS.ProcessEnv): KeyEntry[] {
  return BACKUP_KEYS.map(({ name, role }) => {
    const value = (env[name] ?? '').trim();
    return { name, role, fingerprint: value ? fingerprint(name, value) : null };
  });
}

export interface KeyComparison {
  /** Required keys that differ or are missing where restore runs: restore refuses. */
  refused: string[];
  /** Session keys that differ: restore goes on and says users must sign in again. */
  warnings: string[];
}

/**
 * Compares the manifest's keys with the configured ones. The audit key may have been rotated
 * since the backup: it passes when every audit key id of the backup is still configured (current
 * or in PPID_AUDIT_KEYS_OLD).
 */
export function compareKeys(manifest: Pick<Manifest, 'keys' | 'auditKeyIds'>, configured: KeyEntry[], configuredAuditIds: readonly string[]): KeyComparison {
  const refused: string[] = [];
  const warnings: string[] = [];
  for (const saved of manifest.keys) {
    const now = configured.find((k) => k.name === saved.name);
    const same = (now?.fingerprint ?? null) === saved.fingerprint;
    if (same) continue;
    if (saved.name === 'PPID_AUDIT_KEY' && manifest.auditKeyIds.length > 0 && manifest.auditKeyIds.every((id) => configuredAuditIds.includes(id))) continue;
    if (saved.role === 'required') {
      if (saved.fingerprint === null) continue; // not set at backup time: nothing in the data depends on it
      refused.push(now?.fingerprint ? `${saved.name} berbeda dengan kunci saat cadangan dibuat` : `${saved.name} tidak diatur`);
    } else if (saved.fingerprint !== null) {
      warnings.push(saved.name);
    }
  }
  return { refused, warnings };
}

export function refusalMessage(refused: string[]): string {
  const reads = refused.map((r) => {
    const name = r.split(' ')[0];
    const entry = BACKUP_KEYS.find((k) => k.name === name);
    return `  - ${r}${entry ? ` (dibutuhkan untuk: ${entry.reads})` : ''}`;
  });
  return [
    'Pemulihan DITOLAK: kunci konfigurasi di sini tidak cocok dengan kunci saat cadangan dibuat, sehingga data tidak dapat dibaca:',
    ...reads,
    'Atur variabel lingkungan itu dengan nilai yang sama seperti di server asal (lihat manifest.json: nama dan sidik jari kuncinya), lalu ulangi. Tidak ada yang diubah.',
  ].join('\n');
}

/** Problems with a manifest read from disk (shape and format), in Indonesian; empty when fine. */
export function manifestProblems(raw: unknown): string[] {
  const m = raw as Partial<Manifest> | null;
  if (!m || typeof m !== 'object') return ['manifest.json bukan objek JSON'];
  const problems: string[] = [];
  if (m.format !== MANIFEST_FORMAT) problems.push(`format manifest "${String(m.format)}" tidak dikenal (yang dikenal: ${MANIFEST_FORMAT})`);
  if (!m.database || (m.database.client !== 'sqlite' && m.database.client !== 'postgres') || typeof m.database.file !== 'string' || !/^[\w.-]+$/.test(m.database.file)) {
    problems.push('bagian database manifest tidak lengkap');
  }
  if (!m.uploads || !Array.isArray(m.uploads.files) || m.uploads.files.some((f) => !f || typeof f.name !== 'string' || !safeName(f.name) || typeof f.sha256 !== 'string')) {
    problems.push('daftar berkas unggahan manifest tidak sah');
  }
  if (!Array.isArray(m.keys) || !Array.isArray(m.auditKeyIds)) problems.push('daftar kunci manifest tidak lengkap');
  return problems;
}

/** A stored upload name: one path segment, no traversal. */
export function safeName(name: string): boolean {
  return /^[^/\\\0]+$/.test(name) && name !== '.' && name !== '..';
}

/** PostgreSQL major version from `pg_dump --version` or `SHOW server_version` text. */
export function pgMajor(versionText: string): number | null {
  const m = /(\d+)(?:\.(\d+))?/.exec(versionText.replace(/^[^\d]*/, ''));
  return m ? Number(m[1]) : null;
}

/** pg_dump can dump a server of the same or an older major version only. */
export function pgDumpProblem(dumpVersion: string, serverVersion: string): string | null {
  const dump = pgMajor(dumpVersion);
  const server = pgMajor(serverVersion);
  if (dump === null || server === null) return `versi pg_dump ("${dumpVersion}") atau server ("${serverVersion}") tidak terbaca`;
  if (dump < server) {
    return `pg_dump ${dump} lebih tua daripada server PostgreSQL ${server}: pasang pg_dump ${server} (paket postgresql-client-${server}) dan ulangi`;
  }
  return null;
}
