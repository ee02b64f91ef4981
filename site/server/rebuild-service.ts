/**
 * The rebuild service: receives the CMS's webhook, debounces, rebuilds the site, switches the
 * live site only when the build succeeded, and reports every build to the CMS (shown to editors
 * as "Status Situs Publik"). Optionally serves the live site too (server/static-server.ts).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { BuildError, SITE_DIR, buildAndSwitch, currentTarget } from './builder.ts';
import { createScheduler, describeTrigger, shouldRebuild } from './rebuild-logic.ts';
import { createSiteServer } from './static-server.ts';
import { listen } from './net.ts';
import { apiOrigin } from '../src/lib/requests.ts';

export interface RebuildOptions {
  /** the CMS (a function when it is only known later, e.g. in tests) */
  apiUrl: string | (() => string);
  /** shared with the CMS: checked on the webhook, sent with status reports; '' = no check, no reports */
  token: string;
  buildsDir?: string;
  liveLink?: string;
  debounceMs?: number;
  maxWaitMs?: number;
  log?: (line: string) => void;
  /** keep webhook requests until resume() (the demo waits for the CMS to answer first) */
  paused?: boolean;
  /** extra environment for the build (benchmarks) */
  buildEnv?: Record<string, string>;
}

export interface BuildStatus {
  status: 'idle' | 'berjalan' | 'berhasil' | 'gagal';
  builds: number;
  failures: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastSeconds: number | null;
  lastPages: number | null;
  live: string | null;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)$/i.exec((header ?? '').trim());
  if (!match) return false;
  const a = Buffer.from(match[1]);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

async function readJson(req: http.IncomingMessage, limit = 1_000_000): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

export function createRebuildService(opts: RebuildOptions) {
  const buildsDir = opts.buildsDir ?? path.join(SITE_DIR, 'builds');
  const liveLink = opts.liveLink ?? path.join(SITE_DIR, 'live');
  const log = opts.log ?? ((line: string) => console.log(`[situs] ${line}`));
  const apiUrl = () => (typeof opts.apiUrl === 'function' ? opts.apiUrl() : opts.apiUrl).replace(/\/+$/, '');
  const state: BuildStatus = { status: 'idle', builds: 0, failures: 0, lastSuccessAt: null, lastError: null, lastSeconds: null, lastPages: null, live: null };

  async function report(body: Record<string, unknown>) {
    if (!opts.token) return;
    try {
      const res = await fetch(`${apiUrl()}/ppid/situs/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${opts.token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10000),
      });
      if (!res.ok) log(`status report refused by the CMS: ${res.status}`);
    } catch (error) {
      log(`status report failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  async function build(triggers: string[]) {
    const pemicu = triggers.length > 1 ? `${triggers[0]} (+${triggers.length - 1} perubahan lain)` : (triggers[0] ?? 'manual');
    const mulai = new Date().toISOString();
    state.status = 'berjalan';
    log(`building (${pemicu})`);
    await report({ status: 'berjalan', pemicu, mulai, terakhirBerhasil: state.lastSuccessAt });
    try {
      const result = await buildAndSwitch({ apiUrl: apiUrl(), buildsDir, liveLink, extraEnv: opts.buildEnv });
      const selesai = new Date().toISOString();
      Object.assign(state, { status: 'berhasil', builds: state.builds + 1, lastSuccessAt: selesai, lastError: null, lastSeconds: result.seconds, lastPages: result.pages, live: result.dir });
      log(`built ${result.pages} pages in ${result.seconds.toFixed(1)} s, live: ${path.basename(result.dir)}`);
      await report({ status: 'berhasil', pemicu, mulai, selesai, durasiDetik: result.seconds, jumlahHalaman: result.pages, terakhirBerhasil: selesai, pesan: `${result.pages} halaman` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const tail = error instanceof BuildError && error.log ? `${message}\n${error.log.trim().split('\n').slice(-25).join('\n')}` : message;
      Object.assign(state, { status: 'gagal', failures: state.failures + 1, lastError: tail });
      log(`build failed, the last good site stays live: ${message}`);
      await report({ status: 'gagal', pemicu, mulai, selesai: new Date().toISOString(), pesan: `Situs terakhir yang berhasil tetap tayang. ${tail}`, terakhirBerhasil: state.lastSuccessAt });
    }
  }

  const scheduler = createScheduler({ delayMs: opts.debounceMs ?? 2000, maxWaitMs: opts.maxWaitMs ?? 15000, run: build, paused: opts.paused });

  const hookServer = http.createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/status') return reply(200, { ...state, pending: scheduler.busy });
      if (req.method !== 'POST' || (url.pathname !== '/hooks/strapi' && url.pathname !== '/rebuild')) return reply(404, { error: 'not found' });
      if (!tokenMatches(req.headers.authorization, opts.token)) return reply(401, { error: 'invalid token' });
      if (url.pathname === '/rebuild') {
        scheduler.request('manual');
        return reply(202, { scheduled: true });
      }
      const payload = (await readJson(req)) as Record<string, unknown>;
      const relevant = shouldRebuild(payload);
      if (relevant) scheduler.request(describeTrigger(payload));
      return reply(202, { scheduled: relevant });
    } catch {
      return reply(400, { error: 'bad request' });
    }
  });

  return {
    state,
    liveLink,
    requestBuild: (trigger = 'manual') => scheduler.request(trigger),
    resume: () => scheduler.resume(),
    idle: () => scheduler.idle(),
    async listen(host: string, port: string | number): Promise<string> {
      state.live = await currentTarget(liveLink);
      return listen(hookServer, host, port);
    },
    /** A static server for the live site (resolves the symlink on every request). */
    siteServer: () => createSiteServer({ root: liveLink, cmsOrigin: apiOrigin(process.env.PPID_PUBLIC_API_URL || apiUrl()) }),
    close: () => new Promise<void>((resolve) => hookServer.close(() => resolve())),
  };
}
