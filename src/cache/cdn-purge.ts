/**
 * Purging the CDN in front of the public API when its content changes (README "Performance and
 * HTTP caching"). Without it a CDN keeps an answer for `s-maxage` seconds: an entry unpublished
 * (or found to be exempt) would stay visible there for that long.
 *
 * One request to the CDN's purge endpoint per burst of writes, after the writes committed (a
 * publish writes several rows; a rolled-back write purges nothing), retried with backoff when
 * the CDN does not answer 2xx. The request is configurable because every CDN has its own API:
 * Cloudflare's `purge_cache` (POST, JSON body `{"purge_everything":true}`, `Authorization:
 * Bearer …`), Fastly's `purge_all` (POST, `Fastly-Key`), a Varnish `PURGE`/`BAN` with a header.
 * The instance that made the write purges; the others have nothing to do, so a purge is sent
 * once whatever the number of instances.
 */

export interface CdnPurgeSettings {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Writes within this window are purged with one request. */
  delayMs: number;
  /** Tries after the first one, with backoff (1 s, 4 s, 16 s, …). */
  retries: number;
}

type Env = {
  (name: string, fallback?: string): string;
  int(name: string, fallback?: number): number;
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The purge request the environment describes, or null without PPID_CDN_PURGE_URL; problems name each bad variable. */
export function readCdnPurgeSettings(env: Env): { settings: CdnPurgeSettings | null; problems: string[] } {
  const url = env('PPID_CDN_PURGE_URL', '').trim();
  if (!url) return { settings: null, problems: [] };
  const problems: string[] = [];
  if (!/^https?:\/\/[^/\s]+/.test(url)) problems.push(`PPID_CDN_PURGE_URL must be an http(s) URL, got "${url}"`);
  const method = env('PPID_CDN_PURGE_METHOD', 'POST').trim().toUpperCase();
  if (!TOKEN.test(method)) problems.push(`PPID_CDN_PURGE_METHOD must be an HTTP method (POST, PURGE, BAN…), got "${method}"`);
  let headers: Record<string, string> = {};
  const rawHeaders = env('PPID_CDN_PURGE_HEADERS', '').trim();
  if (rawHeaders) {
    try {
      const parsed = JSON.parse(rawHeaders);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      for (const [name, value] of Object.entries(parsed)) {
        if (!TOKEN.test(name) || typeof value !== 'string' || /[\r\n]/.test(value)) throw new Error(`header "${name}"`);
      }
      headers = parsed as Record<string, string>;
    } catch (error) {
      // The value may hold a token: never repeat it in the message.
      problems.push(`PPID_CDN_PURGE_HEADERS must be a JSON object of header names to single-line strings (${(error as Error).message})`);
    }
  }
  const body = env('PPID_CDN_PURGE_BODY', '{"purge_everything":true}');
  const delayMs = env.int('PPID_CDN_PURGE_DELAY_MS', 1000);
  const retries = env.int('PPID_CDN_PURGE_RETRIES', 3);
  if (!Number.isInteger(delayMs) || delayMs < 0) problems.push('PPID_CDN_PURGE_DELAY_MS must be a whole number of milliseconds ≥ 0');
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) problems.push('PPID_CDN_PURGE_RETRIES must be a whole number from 0 to 10');
  return { settings: { url, method, headers, body, delayMs, retries }, problems };
}

export interface PurgeAttempt {
  ok: boolean;
  /** HTTP status, or the network error's message. */
  outcome: string;
}

export interface CdnPurger {
  /** Asks for a purge; requests within the delay window share one. */
  request(): void;
  /** Sends a pending purge now (graceful shutdown) and stops the timers. */
  close(): Promise<void>;
}

export interface PurgerDeps {
  send(settings: CdnPurgeSettings): Promise<PurgeAttempt>;
  onFailure(attempt: PurgeAttempt, willRetry: boolean): void;
  backoffMs?: (retry: number) => number;
}

/** 1 s, 4 s, 16 s… */
export const defaultBackoff = (retry: number) => 1000 * 4 ** (retry - 1);

export function createCdnPurger(settings: CdnPurgeSettings, deps: PurgerDeps): CdnPurger {
  const backoff = deps.backoffMs ?? defaultBackoff;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  // Ends a backoff wait early when the process stops (shutdown must not wait 16 s for a retry).
  let wake: (() => void) | null = null;

  const attempt = async () => {
    for (let retry = 0; ; retry++) {
      const result = await deps.send(settings).catch((error: Error): PurgeAttempt => ({ ok: false, outcome: error.message }));
      if (result.ok) return;
      const willRetry = retry < settings.retries && !closed;
      deps.onFailure(result, willRetry);
      if (!willRetry) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, backoff(retry + 1));
        t.unref?.();
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  };

  const fire = () => {
    timer = null;
    if (running) {
      // Writes arrived while a purge was on its way: one more after it.
      again = true;
      return;
    }
    running = attempt().finally(() => {
      running = null;
      if (again && !closed) {
        again = false;
        fire();
      }
    });
  };

  return {
    request() {
      if (closed || timer) return;
      timer = setTimeout(fire, settings.delayMs);
      timer.unref?.();
    },
    async close() {
      const pending = timer !== null || again;
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
      closed = true;
      wake?.();
      if (running) await running;
      if (pending) await attempt();
    },
  };
}

/** The purge request itself (Node's fetch), bounded to 10 s. */
export async function sendPurge(settings: CdnPurgeSettings): Promise<PurgeAttempt> {
  const hasBody = !['GET', 'HEAD'].includes(settings.method) && settings.body !== '';
  const response = await fetch(settings.url, {
    method: settings.method,
    headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...settings.headers },
    body: hasBody ? settings.body : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  return { ok: response.ok, outcome: String(response.status) };
}
