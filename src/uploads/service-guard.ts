/**
 * The upload plugin's `upload` service, guarded (installed through src/extensions/upload).
 *
 * Every way a file enters the Media Library ends in `upload()` or `replace()` of this service:
 * the admin routes (`POST /upload`, `POST /upload/files`, `POST /upload?id=` replace,
 * `POST /upload/files/:id/replace`, upload from URLs), the content-API routes (`POST /api/upload`,
 * `POST /api/upload?id=`), and server code (the seed). The checks run here on the bytes before
 * anything is written: a refusal leaves no row and no file. Multipart requests are also checked
 * earlier, as a whole, by the `upload-content` global middleware (same checks, so a request with
 * one bad file among several is refused entirely rather than partly stored).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fileNameOf, inspectFile, inspectOptions, stampVerifiedType, type IncomingFile } from './inspect';

/** Files the multipart middleware already verified (same object, same bytes). */
const verified = new WeakSet<object>();

export function markVerified(file: object): void {
  verified.add(file);
}

export function refusal(message: string, code: string, fileName?: string): InstanceType<typeof errors.ValidationError> {
  return new errors.ValidationError(message, { code, fileName, errors: [{ path: ['files'], message, name: 'ValidationError' }] });
}

export async function assertAcceptable(strapi: Core.Strapi, file: IncomingFile, replacingMime?: string | null): Promise<void> {
  if (!file || typeof file !== 'object') throw refusal('Tidak ada berkas yang diunggah.', 'FILE_MISSING');
  if (verified.has(file) && !replacingMime) return;
  const result = await inspectFile(file, inspectOptions(strapi, replacingMime));
  if (!result.ok) throw refusal(result.message, result.code, result.fileName || fileNameOf(file));
  stampVerifiedType(file, result.type);
  verified.add(file);
}

const ATTACH_KEYS = ['ref', 'refId', 'field'] as const;

/**
 * `ref`/`refId`/`field` attach the new file straight to an entry row through the query layer,
 * past the Document Service (and so past the approval workflow): a file could appear on a
 * published DIP entry without the Koordinator's approval. Files are attached by editing the entry.
 */
function refuseDirectAttach(data: Record<string, unknown> | undefined): void {
  if (!data || typeof data !== 'object') return;
  if (ATTACH_KEYS.some((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')) {
    throw refusal(
      'Berkas tidak dapat dilampirkan langsung ke entri saat diunggah (ref/refId/field). Unggah berkas ke pustaka media, lalu pilih berkas itu di formulir entri.',
      'FILE_DIRECT_ATTACH',
    );
  }
}

export const GUARDED = Symbol.for('ppid.uploadServiceGuarded');

type UploadService = {
  upload(args: { data?: Record<string, unknown>; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: number | string, args: { data?: Record<string, unknown>; file: IncomingFile }, opts?: unknown): Promise<unknown>;
  [key: string | symbol]: unknown;
};

export function guardUploadService(strapi: Core.Strapi, service: UploadService): UploadService {
  const original = { upload: service.upload, replace: service.replace };
  return Object.assign(service, {
    [GUARDED]: true,
    async upload(args: Parameters<UploadService['upload']>[0], opts?: unknown) {
      refuseDirectAttach(args?.data);
      const files = Array.isArray(args?.files) ? args.files : [args?.files];
      if (files.length === 0) throw refusal('Tidak ada berkas yang diunggah.', 'FILE_MISSING');
      // All files are checked before the first one is stored.
      for (const file of files) await assertAcceptable(strapi, file);
      return original.upload(args, opts);
    },
    async replace(id: number | string, args: Parameters<UploadService['replace']>[1], opts?: unknown) {
      const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['id', 'mime'] });
      // An unknown id is Strapi's own 404 (nothing is written).
      if (existing) await assertAcceptable(strapi, args?.file, existing.mime ?? 'application/octet-stream');
      return original.replace(id, args, opts);
    },
  });
}
