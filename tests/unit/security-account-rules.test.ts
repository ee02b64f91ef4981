import {
  expiryWarning,
  formatTanggal,
  groupKey,
  historyToCheck,
  nextHistory,
  passwordExpiry,
  policyContext,
  rolesRequireMfa,
} from '../../src/security/account-rules';
import { checkPassword } from '../../src/security/password-policy';

const DAY = 24 * 60 * 60 * 1000;

describe('rolesRequireMfa', () => {
  test("'all' covers every role, including a user with none", () => {
    expect(rolesRequireMfa([], ['all'])).toBe(true);
    expect(rolesRequireMfa(['operator'], ['all'])).toBe(true);
  });
  test('role codes are matched exactly', () => {
    expect(rolesRequireMfa(['operator'], ['strapi-super-admin'])).toBe(false);
    expect(rolesRequireMfa(['operator', 'strapi-super-admin'], ['strapi-super-admin'])).toBe(true);
    expect(rolesRequireMfa(['operator'], [' operator '])).toBe(true);
  });
});

describe('passwordExpiry', () => {
  const changed = new Date('2025-01-01T00:00:00Z');
  test('90 days, warning from 14 days before', () => {
    expect(passwordExpiry(changed, new Date(changed.getTime() + 70 * DAY), 90, 14)).toMatchObject({ expired: false, warn: false, daysLeft: 20 });
    expect(passwordExpiry(changed, new Date(changed.getTime() + 76 * DAY), 90, 14)).toMatchObject({ expired: false, warn: true, daysLeft: 14 });
    expect(passwordExpiry(changed, new Date(changed.getTime() + 90 * DAY), 90, 14)).toMatchObject({ expired: true, warn: false, daysLeft: 0 });
    expect(passwordExpiry(changed, new Date(), 90, 14).expiresAt?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });
  test('0 = never expires', () => {
    expect(passwordExpiry(changed, new Date(changed.getTime() + 9999 * DAY), 0, 14)).toEqual({ expiresAt: null, expired: false, warn: false, daysLeft: null });
  });
  test('the warning is Indonesian and names the date in WIB', () => {
    const e = passwordExpiry(changed, new Date(changed.getTime() + 85 * DAY), 90, 14);
    expect(expiryWarning(e, 420)).toBe(
      'Kata sandi Anda kedaluwarsa dalam 5 hari (1 April 2025). Gantilah sebelum tanggal itu melalui menu Profil; setelah kedaluwarsa Anda wajib menggantinya saat masuk.',
    );
    expect(expiryWarning(passwordExpiry(changed, new Date(changed.getTime() + 10 * DAY), 90, 14), 420)).toBeNull();
    // 31 Dec 20:00 UTC is already 1 January in Jakarta.
    expect(formatTanggal(new Date('2024-12-31T20:00:00Z'), 420)).toBe('1 Januari 2025');
  });
});

describe('policyContext', () => {
  test('the organisation name is not treated as personal data; real names are', () => {
    const ctx = policyContext({ email: 'admin@ppid.test', firstname: 'Admin', lastname: 'PPID' }, 'PPID');
    expect(ctx.lastname).toBeNull();
    expect(checkPassword('Ppid-AbCdEfGh12345678', ctx)).toEqual([]);
    expect(checkPassword('Admin-AbCdEfGh12345678', ctx).map((p) => p.code)).toContain('CONTAINS_PERSONAL');
    expect(policyContext({ firstname: 'Siti PPID' }, 'PPID').firstname).toBe('Siti');
  });
  test('generic labels of demo accounts are not personal data; the e-mail still is', () => {
    const ctx = policyContext({ email: 'operator@ppid.test', firstname: 'Operator', lastname: 'Demo' }, 'PPID');
    expect(checkPassword('Demo-Ppid-Sumbar-2026', ctx)).toEqual([]);
    expect(checkPassword('Operator-Sumbar-2026', ctx).map((p) => p.code)).toContain('CONTAINS_PERSONAL');
  });
});

describe('password history', () => {
  test('checks the current hash and the history, distinct, up to the size', () => {
    expect(historyToCheck('h0', ['h0', 'h1', 'h2'], 5)).toEqual(['h0', 'h1', 'h2']);
    expect(historyToCheck(null, ['a', 'b', 'c', 'd', 'e', 'f'], 5)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(historyToCheck('x', ['a'], 0)).toEqual([]);
  });
  test('after a change the new hash leads and the previous one is kept even without history', () => {
    expect(nextHistory('new', 'old', [], 5)).toEqual(['new', 'old']);
    expect(nextHistory('n', 'p1', ['p1', 'p2', 'p3', 'p4', 'p5'], 5)).toEqual(['n', 'p1', 'p2', 'p3', 'p4']);
  });
});

test('groupKey splits a base32 key in fours', () => {
  expect(groupKey('ABCDEFGHIJKLMNOPQR')).toBe('ABCD EFGH IJKL MNOP QR');
});
