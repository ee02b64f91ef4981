/**
 * `npm run serve`: serve a built site (SITE_ROOT, default dist/) on SITE_HOST:SITE_PORT
 * (default 127.0.0.1:8080; 0 picks a free port).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSiteServer } from './static-server.ts';
import { listen } from './net.ts';
import { apiOrigin } from '../src/lib/requests.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', process.env.SITE_ROOT || 'dist');
const server = createSiteServer({ root, log: (line) => console.log(line), cmsOrigin: apiOrigin(process.env.PPID_PUBLIC_API_URL || process.env.PPID_API_URL) });
const url = await listen(server, process.env.SITE_HOST || '127.0.0.1', process.env.SITE_PORT || '8080');
console.log(`PPID site: ${url} (serving ${root})`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
