import { isLocked, lockedMessage, LockoutState, registerFailure, registerSuccess } from '../../src/security/lockout';

const policy = { maxFailures: 5, lockMinutes: 15 };
const t0 = new Date('2025-05-02T03:00:00.000Z');
const after = (minutes: number, seconds = 0) => new Date(t0.getTime() + minutes * 60_000 + seconds * 1000);

function failTimes(n: number, start: LockoutState = registerSuccess(), now = t0) {
  let state = start;
  let justLocked = false;
  for (let i = 0; i < n; i++) ({ state, justLocked } = registerFailure(state, now, policy));
  return { state, justLocked };
}

describe('account lockout', () => {
  it('a fresh account is not locked', () => {
    expect(isLocked(registerSuccess(), t0)).toEqual({ locked: false, minutesLeft: 0 });
    expect(registerSuccess()).toEqual({ failures: 0, lockedUntil: null });
  });

  it('four wrong passwords do not lock yet', () => {
    const { state, justLocked } = failTimes(4);
    expect(justLocked).toBe(false);
    expect(state).toEqual({ failures: 4, lockedUntil: null });
    expect(isLocked(state, t0).locked).toBe(false);
  });

  it('the fifth wrong password locks the account for 15 minutes', () => {
    const { state, justLocked } = failTimes(5);
    expect(justLocked).toBe(true);
    expect(state.lockedUntil).toBe(after(15).toISOString());
    expect(isLocked(state, t0)).toEqual({ locked: true, minutesLeft: 15 });
    expect(isLocked(state, after(14, 1))).toEqual({ locked: true, minutesLeft: 1 });
    expect(isLocked(state, after(10, 30))).toEqual({ locked: true, minutesLeft: 5 });
  });

  it('unlocks by itself exactly when the lock time is over', () => {
    const { state } = failTimes(5);
    expect(isLocked(state, after(14, 59)).locked).toBe(true);
    expect(isLocked(state, after(15))).toEqual({ locked: false, minutesLeft: 0 });
  });

  it('attempts during the lock neither extend it nor report a new lock', () => {
    const locked = failTimes(5).state;
    const { state, justLocked } = registerFailure(locked, after(10), policy);
    expect(justLocked).toBe(false);
    expect(state).toEqual(locked);
  });

  it('after the lock expires the count starts over, so one typo does not lock again', () => {
    const locked = failTimes(5).state;
    const { state, justLocked } = registerFailure(locked, after(16), policy);
    expect(justLocked).toBe(false);
    expect(state).toEqual({ failures: 1, lockedUntil: null });
    const again = failTimes(4, state, after(16));
    expect(again.justLocked).toBe(true);
    expect(isLocked(again.state, after(16))).toEqual({ locked: true, minutesLeft: 15 });
  });

  it('a successful login clears the failure count', () => {
    const { state } = failTimes(4);
    expect(state.failures).toBe(4);
    const cleared = registerSuccess();
    const next = registerFailure(cleared, t0, policy);
    expect(next).toEqual({ state: { failures: 1, lockedUntil: null }, justLocked: false });
  });

  it('a corrupt lockedUntil value does not lock the user out forever', () => {
    expect(isLocked({ failures: 5, lockedUntil: 'bukan tanggal' }, t0)).toEqual({ locked: false, minutesLeft: 0 });
  });

  it('follows a stricter policy when configured', () => {
    const strict = { maxFailures: 3, lockMinutes: 60 };
    let state = registerSuccess();
    state = registerFailure(state, t0, strict).state;
    state = registerFailure(state, t0, strict).state;
    const third = registerFailure(state, t0, strict);
    expect(third.justLocked).toBe(true);
    expect(isLocked(third.state, t0).minutesLeft).toBe(60);
  });

  it('tells the user in Indonesian how many minutes to wait', () => {
    expect(lockedMessage(15)).toBe(
      'Akun Anda dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam 15 menit.',
    );
    expect(lockedMessage(0.2)).toContain('dalam 1 menit');
  });
});
