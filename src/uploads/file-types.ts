/**
 * The upload allow-list, decided from the bytes (pure: no Strapi, no file system).
 *
 * Only four kinds of file may enter the Media Library: PDF for documents and JPEG, PNG, WebP for
 * images. Each is recognised by its signature at offset 0 (the same magic numbers `file-type`
 * uses); anything else is named as well as we can (HTML, SVG, XML, Windows/Linux programs,
 * archives, text/script) so the editor learns what the file really is. A file passes only when
 * its content, its extension and the type the client declared all agree, and when no HTML/SVG
 * markup is hidden in it (a polyglot that a browser could be tricked into rendering).
 */

export type AllowedKind = 'pdf' | 'jpeg' | 'png' | 'webp';

export interface AllowedType {
  kind: AllowedKind;
  /** The canonical MIME type stored on the file row and served. */
  mime: string;
  /** Extensions (lower case, with the dot) a file of this kind may carry. */
  extensions: readonly string[];
  label: string;
}

export const ALLOWED_TYPES: Readonly<Record<AllowedKind, AllowedType>> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG' },
  png: { kind: 'png', mime: 'image/png', extensions: ['.png'], label: 'PNG' },
  webp: { kind: 'webp', mime: 'image/webp', extensions: ['.webp'], label: 'WebP' },
};

/** MIME types (as Strapi's upload plugin sees them from `file-type`) that the allow-list admits. */
export const ALLOWED_MIME_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png', 'image/apng', 'image/webp'];

/** Types refused by name even if a future allow-list grew (Strapi's `deniedTypes`). */
export const DENIED_MIME_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/x-msdownload',
  'application/x-dosexec',
  'application/vnd.microsoft.portable-executable',
  'application/x-executable',
  'application/x-elf',
  'application/x-sh',
  'application/x-httpd-php',
  'application/java-archive',
  'application/wasm',
];

/** Declared types a browser or client may send for an allowed kind. */
const DECLARED_ALIASES: Readonly<Record<string, AllowedKind>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/x-png': 'png',
  'image/apng': 'png',
  'image/webp': 'webp',
};

export const ALLOWED_LIST_TEXT = 'PDF untuk dokumen, serta JPEG, PNG, atau WebP untuk gambar';

export type Sniffed = { allowed: true; kind: AllowedKind } | { allowed: false; label: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** The file's real kind from its first bytes (4 KiB are plenty). */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { allowed: true, kind: 'pdf' }; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { allowed: true, kind: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(head, 12, 16) === 'IHDR') return { allowed: true, kind: 'png' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP' && /^VP8[ LX]$/.test(ascii(head, 12, 16))) return { allowed: true, kind: 'webp' };
  return { allowed: false, label: describeOther(head) };
}

/** A human (Indonesian) name for a refused file's content. */
function describeOther(head: Uint8Array): string {
  if (head.length === 0) return 'berkas kosong';
  if (startsWith(head, [0x4d, 0x5a])) return 'program Windows (EXE/DLL)';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'program Linux (ELF)';
  if (startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(head, [0xca, 0xfe, 0xba, 0xbe])) return 'program macOS/Java';
  if (startsWith(head, [0x00, 0x61, 0x73, 0x6d])) return 'program WebAssembly';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'arsip ZIP (termasuk dokumen Office)';
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21]) || startsWith(head, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(head, [0x1f, 0x8b])) return 'arsip terkompresi';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gambar GIF';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'gambar TIFF';
  if (startsWith(head, [0x25, 0x21])) return 'berkas PostScript';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'dokumen Office lama (DOC/XLS)';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'PNG yang rusak';
  const text = lowerAscii(head, 0, 4096).replace(/^(\ufeff|\xef\xbb\xbf|[\s\0])+/, '');
  if (/<svg[\s>/]/.test(text)) return 'gambar SVG (dapat memuat skrip)';
  if (/^<!doctype\s+html|<html[\s>]|<script[\s>]|<body[\s>]|<head[\s>]|<iframe[\s>]/.test(text)) return 'halaman HTML';
  if (/^<\?xml/.test(text)) return 'dokumen XML';
  if (text.startsWith('#!')) return 'skrip';
  if (looksLikeText(head)) return 'teks atau skrip (misalnya JavaScript)';
  return 'jenis yang tidak dikenali';
}

function lowerAscii(b: Uint8Array, from: number, to: number): string {
  const end = Math.min(to, b.length);
  if (from >= end) return '';
  return Buffer.from(b.buffer, b.byteOffset + from, end - from).toString('latin1').toLowerCase();
}

function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 1024);
  if (sample.length === 0) return false;
  let printable = 0;
  for (const c of sample) if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0x7f) || c >= 0x80) printable += 1;
  return printable / sample.length > 0.95 && !sample.includes(0);
}

/**
 * HTML/SVG markup inside a file that is otherwise an allowed kind: a browser sniffing content, an
 * old plugin, or a mistaken `Content-Type` would render it. The first KiB (the region browsers
 * sniff) is checked for every tag a sniffer recognises; the whole file for the unambiguous ones.
 * Patterns are 4+ specific bytes plus a delimiter, so compressed image/PDF data does not trip them
 * by chance (≈10⁻⁶ per 20 MB file).
 */
const HEAD_MARKUP = /<(?:!doctype\s+html|html|head|body|script|iframe|svg|\?xml|object|embed|style|title|table|font|div|meta|link|base|form|!--)[\s>/]/;
const ANYWHERE_MARKUP = /<(?:script|html|iframe|svg|!doctype\s+html|object|embed|body)[\s>/]/;

export function findMarkup(head: Uint8Array, whole?: Uint8Array): string | null {
  const h = lowerAscii(head, 0, 1024).match(HEAD_MARKUP);
  if (h) return h[0];
  if (whole) {
    // Scan in overlapping windows so a pattern across a window edge is still seen.
    const WINDOW = 1 << 20;
    for (let at = 0; at < whole.length; at += WINDOW - 32) {
      const m = lowerAscii(whole, at, at + WINDOW).match(ANYWHERE_MARKUP);
      if (m) return m[0];
    }
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export interface UploadCandidate {
  fileName: string;
  /** The type the client declared (multipart Content-Type); empty or octet-stream = not declared. */
  declaredType?: string | null;
  size: number;
  /** The first bytes (at least 16, ideally 4 KiB). */
  head: Uint8Array;
  /** The whole content when available (for the markup scan). */
  whole?: Uint8Array;
  /** When replacing an existing file: its stored MIME type. */
  replacingMime?: string | null;
}

export type RefusalCode =
  | 'FILE_NAME_INVALID'
  | 'FILE_EMPTY'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_POLYGLOT'
  | 'FILE_EXTENSION_MISMATCH'
  | 'FILE_DECLARED_TYPE_MISMATCH'
  | 'FILE_REPLACE_TYPE_MISMATCH';

export type UploadDecision =
  | { ok: true; type: AllowedType }
  | { ok: false; code: RefusalCode; message: string; detected?: string };

const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);
// Control characters, path separators and the characters Windows forbids (as Strapi's own check).
const BAD_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/;

function quoteName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `"${clean.length > 80 ? `${clean.slice(0, 77)}...` : clean}"`;
}

/** The allow-list decision for one file. Messages are Indonesian and say what to do. */
export function decideUpload(c: UploadCandidate): UploadDecision {
  const name = c.fileName ?? '';
  const q = quoteName(name);
  if (!name.trim() || name.length > 255 || BAD_NAME.test(name) || name === '.' || name === '..') {
    return { ok: false, code: 'FILE_NAME_INVALID', message: `Nama berkas ${q} tidak sah. Ganti nama berkas (tanpa garis miring atau karakter khusus), lalu unggah lagi.` };
  }
  if (!(c.size > 0) || c.head.length === 0) {
    return { ok: false, code: 'FILE_EMPTY', message: `Berkas ${q} kosong.` };
  }
  const sniffed = sniff(c.head);
  if (!sniffed.allowed) {
    return {
      ok: false,
      code: 'FILE_TYPE_NOT_ALLOWED',
      detected: sniffed.label,
      message: `Berkas ${q} ditolak: isinya ${sniffed.label}. Yang boleh diunggah hanya ${ALLOWED_LIST_TEXT}.`,
    };
  }
  const type = ALLOWED_TYPES[sniffed.kind];
  const markup = findMarkup(c.head, c.whole);
  if (markup) {
    return {
      ok: false,
      code: 'FILE_POLYGLOT',
      detected: type.label,
      message: `Berkas ${q} ditolak: berkas ${type.label} ini juga memuat kode HTML/skrip (${markup.trim()}…), sehingga dapat disalahgunakan. Simpan ulang berkas dari aplikasi aslinya, lalu unggah lagi.`,
    };
  }
  const ext = extensionOf(name);
  if (!type.extensions.includes(ext)) {
    return {
      ok: false,
      code: 'FILE_EXTENSION_MISMATCH',
      detected: type.label,
      message: ext
        ? `Berkas ${q} ditolak: isinya ${type.label}, tetapi akhiran namanya "${ext}". Ganti akhiran nama berkas menjadi ${type.extensions.join(' atau ')}.`
        : `Berkas ${q} ditolak: nama berkas tidak berakhiran jenisnya. Beri akhiran ${type.extensions.join(' atau ')} (isinya ${type.label}).`,
    };
  }
  const declared = (c.declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (!GENERIC_DECLARED.has(declared) && DECLARED_ALIASES[declared] !== type.kind) {
    return {
      ok: false,
      code: 'FILE_DECLARED_TYPE_MISMATCH',
      detected: type.label,
      message: `Berkas ${q} ditolak: jenis yang dikirim (${declared.slice(0, 60)}) tidak sesuai dengan isi berkas (${type.label}).`,
    };
  }
  if (c.replacingMime) {
    const previous = DECLARED_ALIASES[c.replacingMime.toLowerCase()];
    if (previous !== type.kind) {
      const was = previous ? ALLOWED_TYPES[previous].label : c.replacingMime;
      return {
        ok: false,
        code: 'FILE_REPLACE_TYPE_MISMATCH',
        detected: type.label,
        message: `Berkas pengganti harus sejenis dengan berkas yang diganti (${was}); berkas ${q} adalah ${type.label}. Unggah sebagai berkas baru.`,
      };
    }
  }
  return { ok: true, type };
}

/** Response headers for a stored file, by its extension: allowed kinds inline, anything else a download. */
export function servingTypeFor(fileName: string): { contentType: string; inline: boolean } {
  const ext = extensionOf(fileName);
  for (const t of Object.values(ALLOWED_TYPES)) if (t.extensions.includes(ext)) return { contentType: t.mime, inline: true };
  return { contentType: 'application/octet-stream', inline: false };
}
