import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code that runs as the system itself (the workflow engine's own writes, the seed, the
 * sweeper), so the enforcement middleware lets it set workflow fields. Nothing reachable over
 * HTTP can enter this context: only server code calls `runAsSystem`.
 */
const KEY = Symbol.for('ppid.systemContext');
// One store per process, even when this module is loaded twice (compiled and source, in tests).
const storage: AsyncLocalStorage<{ reason: string }> = ((globalThis as any)[KEY] ??= new AsyncLocalStorage());

export function runAsSystem<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ reason }, fn);
}

export function systemReason(): string | null {
  return storage.getStore()?.reason ?? null;
}
