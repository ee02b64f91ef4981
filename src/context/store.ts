import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one AsyncLocalStorage of this project. Node (v20) runs every enabled store's propagation
 * on each new promise, so four separate stores (system context, audit append, 2FA gate, password
 * pre-check) each added a cost to every promise of every request once they had been used. They
 * are fields of one context object instead; entering a scope copies the current one and sets its
 * own field, so nested scopes keep what their callers set.
 */
export interface ScopeFields {
  /** Code running as the system itself (src/workflow/system-context.ts). */
  systemReason?: string;
  /** appendAuditEvent is inserting (src/audit/trail.ts). */
  auditAppending?: true;
  /** An admin session is being opened by the 2FA gate (src/security/session.ts). */
  gatePassed?: true;
  /** This new password already passed the policy (src/security/passwords.ts). */
  prechecked?: string;
}

const KEY = Symbol.for('ppid.contextStore');
// One store per process, even when this module is loaded twice (compiled and source, in tests).
const storage: AsyncLocalStorage<Readonly<ScopeFields>> = ((globalThis as any)[KEY] ??= new AsyncLocalStorage());

/** Runs `fn` with `fields` set on top of the current scope. */
export function runInScope<T>(fields: ScopeFields, fn: () => T): T {
  const current = storage.getStore();
  return storage.run(current ? { ...current, ...fields } : fields, fn);
}

/** One field of the current scope (undefined outside any scope). */
export function scopeField<K extends keyof ScopeFields>(key: K): ScopeFields[K] {
  return storage.getStore()?.[key];
}
