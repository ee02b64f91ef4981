/**
 * AES-256-GCM envelope for small secrets at rest (TOTP seeds): a database dump alone
 * must not let anyone generate a user's codes. GCM authenticates, so tampering or a
 * wrong key is detected instead of yielding garbage.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1:';
const IV_BYTES = 12; // 96-bit nonce: the size GCM is specified and fastest for.
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A base64 string that decodes to exactly 32 bytes is used as the key itself; anything
 * else is hashed with SHA-256 so a development passphrase of any form still works.
 */
export function deriveKey(material: string): Buffer {
  if (typeof material !== 'string' || material.trim() === '') {
    throw new Error('secret-box: key material is empty; set an encryption key in the environment');
  }
  const trimmed = material.trim();
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) {
    const raw = Buffer.from(trimmed, 'base64');
    // Round-trip check: Buffer.from(…, 'base64') silently ignores junk, so only accept canonical input.
    if (raw.length === KEY_BYTES && raw.toString('base64').replace(/=+$/, '') === trimmed.replace(/=+$/, '')) return raw;
  }
  return createHash('sha256').update(material, 'utf8').digest();
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(`secret-box: key must be ${KEY_BYTES} bytes (use deriveKey)`);
  }
}

/** Returns 'v1:' + base64(iv | tag | ciphertext); a fresh IV per call, never reuse one with GCM. */
export function seal(plain: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function open(sealed: string, key: Buffer): string {
  assertKey(key);
  if (typeof sealed !== 'string' || !sealed.startsWith(VERSION)) {
    throw new Error('secret-box: sealed value is malformed (expected "v1:" prefix)');
  }
  const body = sealed.slice(VERSION.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new Error('secret-box: sealed value is malformed (not base64)');
  const raw = Buffer.from(body, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('secret-box: sealed value is malformed (too short)');
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('secret-box: cannot decrypt (wrong key or data was tampered with)');
  }
}
