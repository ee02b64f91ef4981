/**
 * Temporary account lockout after repeated failed logins (throttling per NIST SP 800-63B
 * §5.2.2). Pure state transitions: the caller stores LockoutState on the user.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LockoutState {
  failures: number;
  lockedUntil: string | null;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

function lockEnd(state: LockoutState): number | null {
  if (!state.lockedUntil) return null;
  const t = Date.parse(state.lockedUntil);
  // An unparsable value must not lock a user out forever.
  return Number.isFinite(t) ? t : null;
}

export function isLocked(state: LockoutState, now: Date): { locked: boolean; minutesLeft: number } {
  const end = lockEnd(state);
  if (end === null || now.getTime() >= end) return { locked: false, minutesLeft: 0 };
  // Round up so the message never says "0 menit" while still locked.
  return { locked: true, minutesLeft: Math.max(1, Math.ceil((end - now.getTime()) / 60_000)) };
}

export function registerFailure(state: LockoutState, now: Date, policy: LockoutPolicy): { state: LockoutState; justLocked: boolean } {
  // Attempts during a lock are refused before the password is checked; they neither count nor extend the lock.
  if (isLocked(state, now).locked) return { state: { ...state }, justLocked: false };
  // An expired lock starts a fresh count, otherwise one more typo would lock again at once.
  const previous = lockEnd(state) !== null ? 0 : Math.max(0, Math.floor(Number(state.failures) || 0));
  const failures = previous + 1;
  if (failures >= policy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
    return { state: { failures, lockedUntil }, justLocked: true };
  }
  return { state: { failures, lockedUntil: null }, justLocked: false };
}

export function registerSuccess(): LockoutState {
  return { failures: 0, lockedUntil: null };
}

export function lockedMessage(minutesLeft: number): string {
  const minutes = Math.max(1, Math.ceil(minutesLeft));
  return `Akun Anda dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${minutes} menit.`;
}
