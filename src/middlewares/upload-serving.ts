/**
 * Global middleware in front of Strapi's static /uploads serving (upload plugin route and
 * strapi::public): who may fetch a stored file, and response headers under which it cannot act.
 *
 * Every path that resolves into public/uploads is caught, however it is spelled
 * (`/%75ploads/…`, `//uploads/…`, `/x/../uploads/…`). Anonymous requests reach only public files
 * (see src/uploads/access.ts); everything else is 404. Responses carry
 * `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox; default-src 'none'` (a
 * document opened from here has an opaque origin, no script, no plugin, no requests) and a
 * Content-Type fixed by the extension; only PDF and JPEG/PNG/WebP are shown inline, anything else
 * (files stored before the allow-list existed) is `application/octet-stream` as an attachment.
 * With S3 storage (PPID_UPLOAD_STORAGE=s3) the file is streamed from the private bucket instead of
 * public/uploads, after the same decision (src/uploads/s3-serving.ts).
 */
import type { Core } from '@strapi/strapi';
import { accessFor } from '../uploads/access';
import { servingTypeFor } from '../uploads/file-types';
import { uploadsTarget } from '../uploads/public-files';
import { s3Backend, serveFromBucket } from '../uploads/s3-serving';

export const UPLOAD_CSP = "sandbox; default-src 'none'";

function harden(ctx: any): void {
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', UPLOAD_CSP);
}

function refuse(ctx: any, status: number, message: string): void {
  harden(ctx);
  ctx.set('Cache-Control', 'no-store');
  ctx.status = status;
  const name = status === 404 ? 'NotFoundError' : status === 403 ? 'ForbiddenError' : 'BadRequestError';
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const target = uploadsTarget(ctx.path);
    if (target.kind === 'none') return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return refuse(ctx, 405, 'Metode tidak diizinkan.');
    if (target.kind === 'invalid') return refuse(ctx, 400, 'Alamat berkas tidak sah.');

    const access = await accessFor(strapi, ctx, target.name, target.canonicalPath);
    if (access === 'expired') return refuse(ctx, 403, 'Tautan berkas ini sudah kedaluwarsa. Muat ulang halaman di panel admin untuk mendapatkan tautan baru.');
    if (access === 'denied') return refuse(ctx, 404, 'Berkas tidak ditemukan.');

    // Same decision on both backends; with S3 the private bucket is read by the CMS itself.
    const bucket = s3Backend(strapi);
    if (bucket) {
      await serveFromBucket(bucket, ctx, target.name);
      if (ctx.status === 404) return refuse(ctx, 404, 'Berkas tidak ditemukan.');
    } else {
      await next();
    }
    harden(ctx);
    if (ctx.status === 200 || ctx.status === 206 || ctx.status === 304) {
      const { contentType, inline } = servingTypeFor(target.name);
      if (ctx.status !== 304) ctx.type = contentType;
      ctx.set('Content-Disposition', inline ? 'inline' : 'attachment');
      // Private files are never kept by shared caches; a signed URL may be cached by the browser.
      if (access === 'admin') ctx.set('Cache-Control', 'private, no-store');
      else if (access === 'signed') ctx.set('Cache-Control', 'private, max-age=300');
    }
  };
