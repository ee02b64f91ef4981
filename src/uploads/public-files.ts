/**
 * Which stored files an anonymous visitor may fetch (pure).
 *
 * Default deny: a file under /uploads is public only while it is attached to at least one
 * *published* row of a content type the public role reads, through a field listed here, and that
 * row is itself public (a DIP entry whose kategori is not `dikecualikan`). A file of a draft, of
 * an unpublished or exempt entry, of a memo or minutes, or attached to nothing, is private:
 * anonymous requests get 404; signed-in admins still fetch it (Bearer or a signed URL).
 *
 * Adding a public media field = one line here (the test in tests/security checks every entry
 * names a real media attribute).
 */
import path from 'node:path';

export interface PublicMediaSource {
  uid: string;
  /** The media attribute through which an attached file becomes public. */
  field: string;
  /** Attributes of the published row that `isPublicRow` reads (besides publishedAt). */
  attributes: readonly string[];
  /** Whether a row (published or not) makes its attached files public. */
  isPublicRow(row: Record<string, unknown>): boolean;
}

export const PUBLIC_MEDIA_SOURCES: readonly PublicMediaSource[] = [
  {
    uid: 'api::dip-document.dip-document',
    field: 'berkas',
    attributes: ['kategori'],
    isPublicRow: (row) => row.publishedAt !== null && row.publishedAt !== undefined && row.kategori !== 'dikecualikan',
  },
];

/**
 * Fields whose files are never public, whatever else they are attached to: the Governor's letter
 * and the signed memo of a DIP request (SOP seed 000 table A, steps 1 and 3) are internal papers.
 * A file attached through one of these is private even if someone also attaches it to a
 * published DIP entry.
 */
export const PRIVATE_MEDIA_FIELDS: readonly { uid: string; field: string }[] = [
  { uid: 'api::nota-permintaan.nota-permintaan', field: 'suratGubernur' },
  { uid: 'api::nota-permintaan.nota-permintaan', field: 'notaTertandatangan' },
];

export interface Attachment {
  uid: string;
  field: string;
  row: Record<string, unknown>;
}

/** True when one of the attachments makes the file public. */
export function isPublicFile(attachments: readonly Attachment[], sources: readonly PublicMediaSource[] = PUBLIC_MEDIA_SOURCES): boolean {
  return attachments.some((a) => sources.some((s) => s.uid === a.uid && s.field === a.field && s.isPublicRow(a.row)));
}

export type UploadsTarget =
  | { kind: 'none' }
  /** A path that decodes badly or smuggles a NUL: refused outright. */
  | { kind: 'invalid' }
  | { kind: 'file'; name: string; canonicalPath: string };

/**
 * What a request path reaches in public/uploads, resolved the way the static file server
 * (koa-send) resolves it: percent-decoded and normalised, so `/%75ploads/x.pdf`, `//uploads/x.pdf`
 * and `/a/../uploads/x.pdf` all name uploads/x.pdf. Case is folded for the prefix (a
 * case-insensitive file system would serve `/UPLOADS/`).
 */
export function uploadsTarget(rawPath: string): UploadsTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return /uploads/i.test(rawPath) || /%/.test(rawPath) ? { kind: 'invalid' } : { kind: 'none' };
  }
  if (decoded.includes('\0')) return { kind: 'invalid' };
  const normalized = path.posix.normalize(decoded.replace(/\\/g, '/'));
  const rel = normalized.replace(/^\/+/, '');
  const lower = rel.toLowerCase();
  if (lower !== 'uploads' && !lower.startsWith('uploads/')) return { kind: 'none' };
  const name = rel.slice('uploads/'.length).replace(/\/+$/, '');
  return { kind: 'file', name, canonicalPath: `/uploads/${name}` };
}

/** Hashes a stored name can belong to: the file itself, or the original of a format (`thumbnail_<hash>`). */
export function candidateHashes(name: string): string[] {
  if (!name || name.includes('/')) return [];
  const ext = path.posix.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  if (!stem) return [];
  const out = [stem];
  const format = /^[a-z0-9]+_(.+)$/i.exec(stem);
  if (format) out.push(format[1]);
  return out;
}

export interface StoredFileRow {
  id: number;
  url?: string | null;
  formats?: Record<string, { url?: string | null } | null> | null;
}

/** The row whose own URL or one of whose formats' URLs is exactly this path. */
export function rowServing(rows: readonly StoredFileRow[], canonicalPath: string): StoredFileRow | null {
  const formatsOf = (r: StoredFileRow) => {
    let f: unknown = r.formats;
    if (typeof f === 'string') {
      try {
        f = JSON.parse(f);
      } catch {
        f = null;
      }
    }
    return f && typeof f === 'object' ? Object.values(f as Record<string, { url?: string | null } | null>) : [];
  };
  return rows.find((r) => r.url === canonicalPath || formatsOf(r).some((f) => f?.url === canonicalPath)) ?? null;
}
