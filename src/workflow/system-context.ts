import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code that runs as the system itself (the workflow engine's own writes, the seed, the
 * sweeper), so the enforcement middleware lets it set workflow fields. Nothing reachable over
 * HTTP can enter this context: only server code calls `runAsSystem`.
 */
const storage = new AsyncLocalStorage<{ reason: string }>();

export function runAsSystem<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ reason }, fn);
}

export function systemReason(): string | null {
  return storage.getStore()?.reason ?? null;
}
