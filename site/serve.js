#!/usr/bin/env node
// A tiny static server for dist/ with no dependencies: GET/HEAD only, correct content types,
// the site's 404 page, no way out of the root directory, and a strict Content-Security-Policy
// whose connect-src allows only the API origin written into dist/config.json by the build.
// Usage: node serve.js   (SITE_HOST=127.0.0.1, SITE_PORT=8080, SITE_ROOT=dist)

import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
});

/** @param {string} file */
export function contentType(file) {
  return CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (path.extname(file).toLowerCase())] ??
    'application/octet-stream';
}

/** The Content-Security-Policy for a given API origin. @param {string} apiOrigin */
export function contentSecurityPolicy(apiOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** @param {string} apiOrigin */
function securityHeaders(apiOrigin) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(apiOrigin),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** @param {string} file */
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Map a request path to a file inside root, or null. Refuses anything that, after decoding,
 * would leave root (including through a symlink), and names with NUL or backslashes.
 * @param {string} root absolute real path of the site root
 * @param {string} pathname URL pathname, still percent-encoded
 */
export async function resolveFile(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidates = [];
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (decoded.endsWith('/')) candidates.push(path.join(target, 'index.html'));
  else candidates.push(target, `${target}.html`, path.join(target, 'index.html'));
  for (const candidate of candidates) {
    if (candidate !== root && !candidate.startsWith(root + path.sep)) continue;
    if (!(await isFile(candidate))) continue;
    const real = await realpath(candidate);
    if (real.startsWith(root + path.sep)) return real;
  }
  return null;
}

/**
 * @param {{ root: string, apiOrigin: string, log?: (line: string) => void }} options
 * @returns {Promise<http.Server>}
 */
export async function createSiteServer({ root, apiOrigin, log = () => {} }) {
  const realRoot = await realpath(path.resolve(root));
  const headers = securityHeaders(apiOrigin);
  const notFoundFile = path.join(realRoot, '404.html');

  return http.createServer(async (req, res) => {
    const send = (/** @type {number} */ status, /** @type {Record<string, string|number>} */ extra, /** @type {string|Buffer} */ body) => {
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
      const file = await resolveFile(realRoot, rawPath);
      if (!file) {
        const body = await readFile(notFoundFile).catch(() => Buffer.from('Not Found\n'));
        send(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Length': body.length }, body);
        return;
      }
      const info = await stat(file);
      res.writeHead(200, {
        ...headers,
        'Content-Type': contentType(file),
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'Last-Modified': info.mtime.toUTCString(),
      });
      log(`${req.method} ${req.url} 200`);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (error) {
      if (!res.headersSent) send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal Server Error\n');
      else res.destroy();
      log(`error: ${error instanceof Error ? error.message : error}`);
    }
  });
}

/** Read the API origin the site was built for. @param {string} root */
export async function readApiOrigin(root) {
  const raw = await readFile(path.join(root, 'config.json'), 'utf8');
  return new URL(JSON.parse(raw).apiUrl).origin;
}

async function main() {
  const root = path.resolve(here, process.env.SITE_ROOT || 'dist');
  const host = process.env.SITE_HOST || '127.0.0.1';
  const port = Number(process.env.SITE_PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SITE_PORT is not a port: ${process.env.SITE_PORT}`);
  let apiOrigin;
  try {
    apiOrigin = await readApiOrigin(root);
  } catch {
    throw new Error(`${path.join(root, 'config.json')} is missing or invalid: run "npm run build" first`);
  }
  const server = await createSiteServer({ root, apiOrigin, log: (line) => console.log(line) });
  server.listen(port, host, () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    console.log(`PPID site: http://${shownHost}:${address.port}/ (serving ${root}; API ${apiOrigin})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`serve failed: ${error.message}`);
    process.exit(1);
  });
}
