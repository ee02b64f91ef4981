import { createHash, randomBytes } from 'node:crypto';
import { deriveKey, open, seal } from '../../src/security/secret-box';

describe('deriveKey', () => {
  it('uses a base64-encoded 32-byte key as is', () => {
    const raw = randomBytes(32);
    expect(deriveKey(raw.toString('base64')).equals(raw)).toBe(true);
    expect(deriveKey(`  ${raw.toString('base64')}\n`).equals(raw)).toBe(true);
  });

  it('hashes any other material so development keys of any form still give a 32-byte key', () => {
    for (const material of ['dev-secret', 'kunci rahasia lokal', randomBytes(16).toString('base64'), 'a']) {
      const key = deriveKey(material);
      expect(key).toHaveLength(32);
      expect(key.equals(createHash('sha256').update(material, 'utf8').digest())).toBe(true);
    }
  });

  it('is deterministic, so the same configured key opens yesterday’s data', () => {
    expect(deriveKey('dev-secret').equals(deriveKey('dev-secret'))).toBe(true);
    expect(deriveKey('dev-secret').equals(deriveKey('dev-secret2'))).toBe(false);
  });

  it('refuses empty key material instead of encrypting with a guessable key', () => {
    expect(() => deriveKey('')).toThrow(/empty/);
    expect(() => deriveKey('   ')).toThrow(/empty/);
  });
});

describe('seal / open', () => {
  const key = deriveKey('test-key-for-secret-box');
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('round-trips, including non-ASCII text and the empty string', () => {
    expect(open(seal(secret, key), key)).toBe(secret);
    expect(open(seal('rahasia – ñ – 🔐', key), key)).toBe('rahasia – ñ – 🔐');
    expect(open(seal('', key), key)).toBe('');
  });

  it('produces "v1:" + base64(iv | tag | ciphertext) and never shows the plaintext', () => {
    const sealed = seal(secret, key);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain(secret);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    expect(raw).toHaveLength(12 + 16 + Buffer.byteLength(secret));
  });

  it('uses a fresh IV each time, so equal secrets do not look equal in the database', () => {
    const a = seal(secret, key);
    const b = seal(secret, key);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64').subarray(0, 12).equals(Buffer.from(b.slice(3), 'base64').subarray(0, 12))).toBe(false);
  });

  it('refuses to open with the wrong key', () => {
    const sealed = seal(secret, key);
    expect(() => open(sealed, deriveKey('another-key'))).toThrow(/wrong key or data was tampered with/);
  });

  it.each([
    ['iv', 0],
    ['auth tag', 12],
    ['ciphertext', 28],
  ])('detects a flipped bit in the %s', (_part, index) => {
    const raw = Buffer.from(seal(secret, key).slice(3), 'base64');
    raw[index] ^= 0x01;
    expect(() => open(`v1:${raw.toString('base64')}`, key)).toThrow(/wrong key or data was tampered with/);
  });

  it('detects a truncated ciphertext', () => {
    const raw = Buffer.from(seal(secret, key).slice(3), 'base64');
    expect(() => open(`v1:${raw.subarray(0, raw.length - 1).toString('base64')}`, key)).toThrow(/tampered/);
  });

  it.each(['', 'GEZDGNBVGY3TQOJQ', 'v2:AAAA', 'v1:', 'v1:AAAA', 'v1:!!!not-base64!!!'])('calls %p malformed with a clear error', (bad) => {
    expect(() => open(bad, key)).toThrow(/secret-box: (sealed value is malformed|cannot decrypt)/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => seal(secret, Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => open(seal(secret, key), Buffer.alloc(31))).toThrow(/32 bytes/);
  });
});
