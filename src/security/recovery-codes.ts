/**
 * One-time recovery codes for a user who lost the authenticator phone.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/o, 1/l/i: codes are read off paper and typed by hand. 31 symbols ≈ 4.95 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** 12 symbols × log2(31) ≈ 59 bits per code. */
export const RECOVERY_CODE_BITS = Math.floor(GROUPS * GROUP_LENGTH * Math.log2(ALPHABET.length));

export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new Error('generateRecoveryCodes: count must be 1..100');
  const codes = new Set<string>();
  while (codes.size < count) {
    const groups: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      let group = '';
      // randomInt is unbiased (rejection sampling), unlike randomBytes % 31.
      for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
      groups.push(group);
    }
    codes.add(groups.join('-'));
  }
  return [...codes];
}

function normalise(code: string): string {
  return (code ?? '').toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * Plain SHA-256 is enough here: unlike passwords, codes carry ~59 random bits, so a
 * leaked hash cannot be brute-forced and a slow KDF would only add login latency.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalise(code), 'utf8').digest('hex');
}

/** Checks `input` against the stored hashes; a match is removed so each code works once. */
export function consumeRecoveryCode(input: string, storedHashes: string[]): { ok: true; remaining: string[] } | { ok: false } {
  if (normalise(input) === '') return { ok: false };
  const candidate = Buffer.from(hashRecoveryCode(input), 'utf8');
  let matchIndex = -1;
  // Compare against every hash without early exit so timing reveals nothing about the list.
  storedHashes.forEach((stored, index) => {
    const other = Buffer.from(String(stored ?? '').toLowerCase(), 'utf8');
    if (other.length === candidate.length && timingSafeEqual(other, candidate) && matchIndex === -1) matchIndex = index;
  });
  if (matchIndex === -1) return { ok: false };
  return { ok: true, remaining: storedHashes.filter((_, index) => index !== matchIndex) };
}
