/**
 * Reads an incoming upload (a multipart temp file, a file fetched from a URL, or a file object
 * server code passes to the upload service) and applies the pure checks to its bytes.
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { decideUpload, type AllowedType } from './file-types';
import { decidePdf, type PdfPolicy } from './pdf-scan';

/** The shapes Strapi and formidable use for an incoming file. */
export interface IncomingFile {
  filepath?: string;
  path?: string;
  tempFilePath?: string;
  buffer?: Buffer;
  originalFilename?: string | null;
  name?: string | null;
  filename?: string | null;
  mimetype?: string | null;
  type?: string | null;
  size?: number;
  detectedMimeType?: string;
}

export type Inspection = { ok: true; type: AllowedType } | { ok: false; code: string; message: string; fileName: string };

export interface InspectOptions {
  pdf: PdfPolicy;
  /** Largest accepted file in bytes (the upload plugin's sizeLimit). */
  maxBytes: number;
  /** The stored MIME type of the file being replaced, if this is a replace. */
  replacingMime?: string | null;
}

export function inspectOptions(strapi: Core.Strapi, replacingMime?: string | null): InspectOptions {
  const { upload } = strapi.config.get('ppid') as PpidConfig;
  const sizeLimit = Number(strapi.config.get('plugin::upload.sizeLimit')) || upload.maxPdfMb * 1024 * 1024;
  return { pdf: { allowScripts: upload.pdfAllowScripts, allowAttachments: upload.pdfAllowAttachments }, maxBytes: sizeLimit, replacingMime };
}

export const fileNameOf = (file: IncomingFile): string => String(file.originalFilename ?? file.name ?? file.filename ?? '');
const declaredOf = (file: IncomingFile): string => String(file.mimetype ?? file.type ?? '');
const pathOf = (file: IncomingFile): string | undefined => file.filepath ?? file.path ?? file.tempFilePath;

async function readBytes(file: IncomingFile, maxBytes: number): Promise<Buffer | 'too_big' | null> {
  const p = pathOf(file);
  if (p) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat || !stat.isFile()) return null;
    if (stat.size > maxBytes) return 'too_big';
    return fs.readFile(p);
  }
  if (Buffer.isBuffer(file.buffer)) return file.buffer.length > maxBytes ? 'too_big' : file.buffer;
  return null;
}

/** Every check on one file; nothing is written. */
export async function inspectFile(file: IncomingFile, opts: InspectOptions): Promise<Inspection> {
  const fileName = fileNameOf(file);
  const q = `"${fileName.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80)}"`;
  const bytes = await readBytes(file, opts.maxBytes);
  if (bytes === 'too_big') {
    return { ok: false, code: 'FILE_TOO_LARGE', fileName, message: `Berkas ${q} terlalu besar; batasnya ${Math.floor(opts.maxBytes / (1024 * 1024))} MB.` };
  }
  if (bytes === null) return { ok: false, code: 'FILE_UNREADABLE', fileName, message: `Berkas ${q} tidak dapat dibaca. Unggah ulang.` };
  const decision = decideUpload({
    fileName,
    declaredType: declaredOf(file),
    size: bytes.length,
    head: bytes.subarray(0, 4096),
    whole: bytes,
    replacingMime: opts.replacingMime,
  });
  if (!decision.ok) return { ok: false, code: decision.code, message: decision.message, fileName };
  if (decision.type.kind === 'pdf') {
    const pdf = decidePdf(bytes, opts.pdf, fileName);
    if (!pdf.ok) return { ok: false, code: pdf.code, message: pdf.message, fileName };
  }
  return { ok: true, type: decision.type };
}

/**
 * Records the verified type on the file object, so the stored row says what the bytes are (the
 * declared type may have been generic, or an alias such as image/jpg).
 */
export function stampVerifiedType(file: IncomingFile, type: AllowedType): void {
  if ('mimetype' in file || !('type' in file)) file.mimetype = type.mime;
  if ('type' in file) file.type = type.mime;
  // Read by the upload service before the declared type (Strapi 5.54, services/upload.js).
  file.detectedMimeType = type.mime;
}
