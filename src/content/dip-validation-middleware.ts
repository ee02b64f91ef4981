import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PpidConfig } from '../config/ppid-config';
import { checkDipEntry, type AttachedFile } from './dip-rules';

const DIP_UID = 'api::dip-document.dip-document';

/** Media ids can arrive as a number, a string, {id}, or [{id}] depending on the caller. */
function mediaId(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return value.length ? mediaId(value[0]) : null;
  if (typeof value === 'object') return mediaId((value as { id?: unknown }).id);
  const id = Number(value);
  return Number.isFinite(id) ? id : null;
}

/**
 * Document Service middleware: validates every create/update of a DIP entry, whatever the caller
 * (Content Manager, REST, seed, scripts). A refusal throws before anything is written.
 */
export function dipValidationMiddleware(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== DIP_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = (ctx.params?.data ?? {}) as Record<string, any>;

    let current: Record<string, any> = {};
    if (ctx.action === 'update' && ctx.params.documentId) {
      current =
        (await strapi.documents(DIP_UID as any).findOne({
          documentId: ctx.params.documentId,
          locale: ctx.params.locale,
          status: 'draft',
          populate: ['berkas'],
        } as any)) ?? {};
    }
    const merged = { ...current, ...data };

    const requestedFile = mediaId(data.berkas);
    const fileId = requestedFile === undefined ? mediaId(current.berkas) : requestedFile;
    let file: AttachedFile | null = null;
    if (fileId) {
      const row = await strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } });
      if (!row) {
        throw new errors.ValidationError('Berkas yang dipilih tidak ditemukan di pustaka media.', {
          errors: [{ path: ['berkas'], message: 'Berkas tidak ditemukan', name: 'ValidationError' }],
        });
      }
      file = { name: row.name, mime: row.mime, ext: row.ext, sizeKb: Number(row.size) };
    }

    const { upload } = strapi.config.get('ppid') as PpidConfig;
    const problems = checkDipEntry(merged, file, upload.maxPdfMb);
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
      });
    }
    return next();
  };
}
