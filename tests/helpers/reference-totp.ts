import crypto from 'node:crypto';

/**
 * An RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s) written with node:crypto only, independent of the
 * speakeasy library the server uses: codes the tests send come from here. Checked against the RFC's
 * test vectors in tests/unit/totp.test.ts.
 */
export function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of input.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 30_000);
}

/** The 6-digit code of a base32 secret at a time step. */
export function referenceTotp(secret: string, step: number = currentStep()): string {
  return codeForKey(base32Decode(secret), step);
}

export function codeForKey(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const o = mac[mac.length - 1] & 0x0f;
  return String((((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3]) % 1_000_000).padStart(6, '0');
}
