import { runInScope, scopeField } from '../context/store';

/**
 * Marks code that runs as the system itself (the workflow engine's own writes, the seed, the
 * sweeper), so the enforcement middleware lets it set workflow fields. Nothing reachable over
 * HTTP can enter this context: only server code calls `runAsSystem`.
 */

export function runAsSystem<T>(reason: string, fn: () => Promise<T>): Promise<T> {
  return runInScope({ systemReason: reason }, fn);
}

export function systemReason(): string | null {
  return scopeField('systemReason') ?? null;
}
