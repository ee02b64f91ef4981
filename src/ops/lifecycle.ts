/**
 * Life of one instance behind a load balancer:
 * - requests in flight are counted at the HTTP server;
 * - on SIGTERM/SIGINT Strapi calls destroy(); before it closes the sockets, `drain()` marks the
 *   instance as stopping (readiness answers 503, cron tasks claim nothing new), stops accepting
 *   connections, and waits up to PPID_SHUTDOWN_TIMEOUT_SECONDS for requests in flight and running
 *   cron tasks to finish. Strapi then closes what is left and the database.
 */
import type { Server, IncomingMessage, ServerResponse } from 'node:http';

let stopping = false;
let inFlight = 0;
const tasks = new Set<Promise<unknown>>();
const tracked = new WeakSet<Server>();

export const isStopping = (): boolean => stopping;
export const requestsInFlight = (): number => inFlight;

/** Counts requests of this server until their response is finished or the socket closed. */
export function trackRequests(server: Server): void {
  if (tracked.has(server)) return;
  tracked.add(server);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
    };
    res.once('finish', end);
    res.once('close', end);
    // While draining, keep-alive connections are told to close after their response.
    if (stopping) res.setHeader('Connection', 'close');
  });
}

/** Runs a cron task unless the instance is stopping; shutdown waits for the ones running. */
export async function runTask<T>(work: () => Promise<T>): Promise<T | undefined> {
  if (stopping) return undefined;
  const promise = work();
  tasks.add(promise);
  try {
    return await promise;
  } finally {
    tasks.delete(promise);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DrainResult {
  /** requests still running when the time was up (cut by Strapi's close) */
  abandonedRequests: number;
  abandonedTasks: number;
  waitedMs: number;
}

/** Stops taking work and waits (at most `timeoutMs`) for what is running. */
export async function drain(server: Server | undefined, timeoutMs: number): Promise<DrainResult> {
  stopping = true;
  const started = Date.now();
  // No new connections; idle keep-alive sockets are closed, busy ones finish their request.
  if (server?.listening) server.close(() => undefined);
  (server as { closeIdleConnections?: () => void } | undefined)?.closeIdleConnections?.();
  while ((inFlight > 0 || tasks.size > 0) && Date.now() - started < timeoutMs) {
    await sleep(50);
    (server as { closeIdleConnections?: () => void } | undefined)?.closeIdleConnections?.();
  }
  return { abandonedRequests: inFlight, abandonedTasks: tasks.size, waitedMs: Date.now() - started };
}

/** For tests that boot several Strapi instances in one process, one after another. */
export function resetLifecycle(): void {
  stopping = false;
}
