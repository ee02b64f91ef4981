/**
 * A small static server for the built site (any web server or CDN can do its job; see README):
 * GET/HEAD only, content types, the site's 404 pages (English under /en/), no way out of the
 * root, and the security headers the pages expect, CSP without 'unsafe-inline' included.
 * The root may be a symlink that the rebuild service swaps: it is resolved on every request, so
 * a request sees either the old or the new build, whole.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { CSP_HEADER, cspHeaderFor } from '../src/lib/csp.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // Pagefind's index and fragments (compressed by Pagefind itself, served as bytes).
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
});

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
});

/** Text worth compressing (Pagefind's files are compressed already). */
export function compressible(file: string): boolean {
  return /\.(html|css|js|mjs|json|svg|txt|xml)$/i.test(file);
}

/** Hashed assets never change; everything else is revalidated (a rebuild may change it). */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Map a request path to a file inside root, or null. Refuses anything that, after decoding,
 * would leave root (including through a symlink inside it), and names with NUL or backslashes.
 */
export async function resolveFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const candidates = decoded.endsWith('/') ? [path.join(target, 'index.html')] : [target];
  for (const candidate of candidates) {
    if (candidate !== root && !candidate.startsWith(root + path.sep)) continue;
    if (!(await isFile(candidate))) continue;
    const real = await realpath(candidate);
    if (real.startsWith(root + path.sep)) return real;
  }
  return null;
}

/** '/informasi' → '/informasi/' when that directory has a page (Astro's trailing-slash URLs). */
async function directoryRedirect(root: string, pathname: string): Promise<string | null> {
  if (pathname.endsWith('/') || path.posix.extname(pathname)) return null;
  return (await resolveFile(root, `${pathname}/`)) ? `${pathname}/` : null;
}

export interface SiteServerOptions {
  /** the built site, or a symlink to it */
  root: string;
  log?: (line: string) => void;
  /** the CMS's origin, which the request form and tracking page call (added to connect-src) */
  cmsOrigin?: string | null;
}

export function createSiteServer({ root, log = () => {}, cmsOrigin = null }: SiteServerOptions): http.Server {
  const headers = cmsOrigin ? { ...SECURITY_HEADERS, 'Content-Security-Policy': cspHeaderFor(cmsOrigin) } : SECURITY_HEADERS;
  return http.createServer(async (req, res) => {
    const send = (status: number, extra: Record<string, string | number>, body: string | Buffer) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${req.method} ${req.url} ${status}`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
        return;
      }
      const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
      if (!rawPath.startsWith('/')) {
        send(400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
        return;
      }
      const realRoot = await realpath(path.resolve(root)).catch(() => null);
      if (!realRoot) {
        // No build is live yet (the rebuild service is building the first one).
        send(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' }, 'Situs sedang dibangun, coba lagi sebentar lagi.\nThe site is being built, please try again shortly.\n');
        return;
      }
      const file = await resolveFile(realRoot, rawPath);
      if (!file) {
        const redirect = await directoryRedirect(realRoot, rawPath);
        if (redirect) {
          const query = (req.url ?? '').includes('?') ? `?${(req.url ?? '').split('?')[1]}` : '';
          send(301, { Location: `${redirect}${query}`, 'Content-Type': 'text/plain; charset=utf-8' }, '');
          return;
        }
        const notFound = rawPath === '/en' || rawPath.startsWith('/en/') ? 'en/404/index.html' : '404.html';
        const body = await readFile(path.join(realRoot, notFound)).catch(() => Buffer.from('Not Found\n'));
        send(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Length': body.length }, body);
        return;
      }
      const info = await stat(file);
      const gzip = compressible(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        ...headers,
        'Content-Type': contentType(file),
        ...(gzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': info.size }),
        Vary: 'Accept-Encoding',
        'Cache-Control': cacheControl(rawPath),
        'Last-Modified': info.mtime.toUTCString(),
      });
      log(`${req.method} ${req.url} 200`);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      if (gzip) stream.pipe(zlib.createGzip()).pipe(res);
      else stream.pipe(res);
    } catch (error) {
      if (!res.headersSent) send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal Server Error\n');
      else res.destroy();
      log(`error: ${error instanceof Error ? error.message : error}`);
    }
  });
}
