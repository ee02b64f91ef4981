/**
 * Who may fetch a stored file (glue around src/uploads/public-files.ts and signed-url.ts).
 *
 * - anyone, when the file is public (attached to a published, non-exempt DIP entry);
 * - a signed-in admin: `Authorization: Bearer <admin access token>` (scripts, downloads), or a
 *   signed URL (`?ppid_exp=…&ppid_sig=…`), which every file URL in an admin answer carries;
 * - nobody else (404, whether the file exists or not).
 *
 * The public decision is two indexed lookups (files.hash, the morph table's file id + the DIP
 * row by id) remembered for a few seconds per instance; any write to a DIP entry and any change to
 * a file row clears the memory on this instance.
 */
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { candidateHashes, isPublicFile, PRIVATE_MEDIA_FIELDS, PUBLIC_MEDIA_SOURCES, rowServing, type Attachment, type StoredFileRow } from './public-files';
import { checkSignature, deriveUrlKey, expiryFor, signUrl, type SignatureCheck } from './signed-url';

const FILE_UID = 'plugin::upload.file';

export type Access = 'public' | 'admin' | 'signed' | 'expired' | 'denied';

/* ------------------------------------------------------------------ public decision + cache */

class PublicCache {
  private entries = new Map<string, { isPublic: boolean; until: number }>();
  constructor(private readonly max = 5000) {}
  get(name: string, now: number): boolean | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(name);
      return undefined;
    }
    return e.isPublic;
  }
  set(name: string, isPublic: boolean, until: number): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(name, { isPublic, until });
  }
  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<object, PublicCache>();
export function publicCache(strapi: Core.Strapi): PublicCache {
  let c = caches.get(strapi);
  if (!c) caches.set(strapi, (c = new PublicCache()));
  return c;
}

/** The file row serving /uploads/<name> (itself or one of its formats), or null. */
export async function findStoredFile(strapi: Core.Strapi, name: string, canonicalPath: string): Promise<StoredFileRow | null> {
  const hashes = candidateHashes(name);
  if (hashes.length === 0) return null;
  const rows = (await strapi.db.query(FILE_UID).findMany({ where: { hash: { $in: hashes } }, select: ['id', 'url', 'formats'] })) as StoredFileRow[];
  return rowServing(rows, canonicalPath);
}

export interface MorphTable {
  table: string;
  fileColumn: string;
  idColumn: string;
  typeColumn: string;
}

/**
 * Touch point: the join table Strapi keeps for media fields (`files_related_mph`), read from the
 * database metadata of plugin::upload.file's `related` attribute (Strapi 5.54). The lookup goes
 * from the file id (indexed `files_related_mph_fk`) to the entry row by primary key; the query
 * engine's own filter on a media field scans the entries table instead.
 */
export function morphTableOf(strapi: Core.Strapi): MorphTable {
  const related = (strapi.db.metadata.get(FILE_UID) as any)?.attributes?.related;
  const join = related?.joinTable;
  const table = join?.name;
  const fileColumn = join?.joinColumn?.name;
  const idColumn = join?.morphColumn?.idColumn?.name;
  const typeColumn = join?.morphColumn?.typeColumn?.name;
  if (related?.relation !== 'morphToMany' || ![table, fileColumn, idColumn, typeColumn].every((v) => typeof v === 'string' && v)) {
    throw new Error('the media join table of plugin::upload.file (attribute "related") has an unexpected shape');
  }
  return { table, fileColumn, idColumn, typeColumn };
}

/** Published rows this file is attached to through a PUBLIC_MEDIA_SOURCES field. */
export async function publishedAttachments(strapi: Core.Strapi, fileId: number): Promise<Attachment[]> {
  const morph = morphTableOf(strapi);
  const knex = strapi.db.connection;
  const found: Attachment[] = [];
  for (const source of PUBLIC_MEDIA_SOURCES) {
    const meta = strapi.db.metadata.get(source.uid as any) as any;
    const column = (attribute: string) => meta.attributes[attribute]?.columnName ?? attribute;
    const rows = await knex(`${morph.table} as m`)
      .join(`${meta.tableName} as d`, 'd.id', `m.${morph.idColumn}`)
      .where(`m.${morph.fileColumn}`, fileId)
      .andWhere(`m.${morph.typeColumn}`, source.uid)
      .andWhere('m.field', source.field)
      .whereNotNull(`d.${column('publishedAt')}`)
      .select(`d.${column('publishedAt')} as publishedAt`, ...source.attributes.map((a) => `d.${column(a)} as ${a}`))
      .limit(50);
    for (const row of rows as Record<string, unknown>[]) found.push({ uid: source.uid, field: source.field, row });
  }
  return found;
}

/** True when the file is attached through a PRIVATE_MEDIA_FIELDS field (any row, any state). */
export async function hasPrivateAttachment(strapi: Core.Strapi, fileId: number): Promise<boolean> {
  const morph = morphTableOf(strapi);
  const row = await strapi.db
    .connection(morph.table)
    .where(morph.fileColumn, fileId)
    .andWhere((q: any) => {
      for (const f of PRIVATE_MEDIA_FIELDS) q.orWhere((w: any) => w.where(morph.typeColumn, f.uid).andWhere('field', f.field));
    })
    .first();
  return Boolean(row);
}

export async function isPublicName(strapi: Core.Strapi, name: string, canonicalPath: string): Promise<boolean> {
  const now = Date.now();
  const cache = publicCache(strapi);
  const known = cache.get(name, now);
  if (known !== undefined) return known;
  const row = await findStoredFile(strapi, name, canonicalPath);
  // The private-field veto is read only for a file that would otherwise be public (one more indexed lookup).
  const result = row ? isPublicFile(await publishedAttachments(strapi, row.id)) && !(await hasPrivateAttachment(strapi, row.id)) : false;
  const seconds = (strapi.config.get('ppid') as PpidConfig).upload.publicCacheSeconds;
  if (seconds > 0) cache.set(name, result, now + seconds * 1000);
  return result;
}

/* ------------------------------------------------------------------ admin credentials */

/** A valid admin access token of an active session of an active admin. */
export async function adminFromBearer(strapi: Core.Strapi, authorization: string | undefined): Promise<boolean> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m || !strapi.sessionManager) return false;
  const sessions = strapi.sessionManager('admin');
  const result = sessions.validateAccessToken(m[1]) as { isValid: boolean; payload?: { userId: string; sessionId: string } };
  if (!result.isValid || !result.payload) return false;
  if (!(await sessions.isSessionActive(result.payload.sessionId))) return false;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(result.payload.userId) }, select: ['id', 'isActive'] });
  return user?.isActive === true;
}

let keyFor: { secret: string; key: Buffer } | null = null;
export function urlKey(strapi: Core.Strapi): Buffer {
  const secret = String(strapi.config.get('admin.auth.secret') ?? '');
  if (!keyFor || keyFor.secret !== secret) keyFor = { secret, key: deriveUrlKey(secret) };
  return keyFor.key;
}

export function signatureOf(strapi: Core.Strapi, canonicalPath: string, query: Record<string, unknown>): SignatureCheck {
  return checkSignature(canonicalPath, query, urlKey(strapi), Date.now());
}

/** The access a request has to /uploads/<name>. */
export async function accessFor(strapi: Core.Strapi, ctx: any, name: string, canonicalPath: string): Promise<Access> {
  const signature = signatureOf(strapi, canonicalPath, ctx.query ?? {});
  if (signature === 'valid') return 'signed';
  if (ctx.get('authorization') && (await adminFromBearer(strapi, ctx.get('authorization')))) return 'admin';
  if (await isPublicName(strapi, name, canonicalPath)) return 'public';
  return signature === 'expired' ? 'expired' : 'denied';
}

/* ------------------------------------------------------------------ signed URLs in admin answers */

/** Strategies whose callers get signed URLs: the admin panel, admin tokens, content-API tokens. */
const PRIVILEGED_STRATEGIES = new Set(['admin', 'admin-token', 'content-api-token', 'api-token']);

export function isPrivilegedRequest(strapi: Core.Strapi): boolean {
  const ctx: any = strapi.requestContext?.get?.();
  const auth = ctx?.state?.auth;
  return Boolean(auth?.credentials && PRIVILEGED_STRATEGIES.has(auth?.strategy?.name));
}

/**
 * The upload provider's `getSignedUrl`: a local file URL handed to an authenticated caller gets a
 * signature; anonymous (public API) answers keep the plain URL, which works for public files only.
 */
export function signedUrlFor(strapi: Core.Strapi, file: { url?: string | null }): { url: string } {
  const url = String(file.url ?? '');
  if (!url.startsWith('/uploads/') || url.includes('?') || !isPrivilegedRequest(strapi)) return { url };
  const minutes = (strapi.config.get('ppid') as PpidConfig).upload.signedUrlMinutes;
  const exp = expiryFor(Date.now(), minutes * 60);
  let canonical = url;
  try {
    canonical = decodeURIComponent(url);
  } catch {
    return { url };
  }
  return { url: signUrl(url, canonical, urlKey(strapi), exp) };
}
