import { checkSignature, deriveUrlKey, expiryFor, signUrl } from '../../src/uploads/signed-url';

const key = deriveUrlKey('rahasia-admin-jwt');
const now = Date.parse('2026-03-02T03:00:00Z');
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://cms').searchParams);

test('a signed URL is valid for its path until it expires', () => {
  const exp = expiryFor(now, 1800);
  expect(exp * 1000).toBeGreaterThanOrEqual(now + 1800_000);
  const url = signUrl('/uploads/foto_cd34.png', '/uploads/foto_cd34.png', key, exp);
  expect(url).toMatch(/^\/uploads\/foto_cd34\.png\?ppid_exp=\d+&ppid_sig=[\w-]+$/);
  expect(checkSignature('/uploads/foto_cd34.png', queryOf(url), key, now)).toBe('valid');
  // The panel appends a cache buster; other parameters do not matter.
  expect(checkSignature('/uploads/foto_cd34.png', { ...queryOf(url), updatedAt: '2026' }, key, now)).toBe('valid');
  expect(checkSignature('/uploads/foto_cd34.png', queryOf(url), key, exp * 1000 + 1)).toBe('expired');
});

test('a signature does not transfer to another file, another expiry or another key', () => {
  const exp = expiryFor(now, 1800);
  const q = queryOf(signUrl('/uploads/a.png', '/uploads/a.png', key, exp));
  expect(checkSignature('/uploads/b.png', q, key, now)).toBe('invalid');
  expect(checkSignature('/uploads/a.png', { ...q, ppid_exp: String(exp + 3600) }, key, now)).toBe('invalid');
  expect(checkSignature('/uploads/a.png', q, deriveUrlKey('lain'), now)).toBe('invalid');
  expect(checkSignature('/uploads/a.png', { ppid_exp: ['1', '2'], ppid_sig: 'x' }, key, now)).toBe('invalid');
  expect(checkSignature('/uploads/a.png', {}, key, now)).toBe('absent');
});

test('expiries are rounded to a bucket, so a listing yields the same URL for a while', () => {
  expect(expiryFor(now + 1000, 1800)).toBe(expiryFor(now + 60_000, 1800));
  expect(() => deriveUrlKey('')).toThrow();
});
