/**
 * Global middleware (after strapi::body): every file of every multipart request is checked against
 * the upload allow-list before any route sees it (admin and content-API upload and replace routes,
 * and any other route that would receive files). One refused file refuses the whole request; the
 * temporary files are deleted and nothing is stored. See src/uploads/service-guard.ts.
 */
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { inspectFile, inspectOptions, stampVerifiedType, type IncomingFile } from '../uploads/inspect';
import { markVerified, refusal } from '../uploads/service-guard';

function allFiles(files: unknown): IncomingFile[] {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, IncomingFile | IncomingFile[]>).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(Boolean);
}

function removeTemporary(files: IncomingFile[]): void {
  for (const f of files) {
    const p = f.filepath ?? f.path;
    if (p) fs.rm(p, { force: true }, () => {});
  }
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const files = allFiles(ctx.request?.files);
    if (files.length === 0) return next();
    const options = inspectOptions(strapi);
    for (const file of files) {
      const result = await inspectFile(file, options);
      if (!result.ok) {
        removeTemporary(files);
        delete ctx.request.files;
        throw refusal(result.message, result.code, result.fileName);
      }
      stampVerifiedType(file, result.type);
      markVerified(file);
    }
    try {
      return await next();
    } finally {
      // strapi::body removes the temporary files of the `files` field only; a file sent under
      // another field name (which no route reads) would stay in the temp directory.
      removeTemporary(files);
    }
  };
