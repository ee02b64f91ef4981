import { createHmac } from 'node:crypto';
import { createEnrollment, currentStep, verifyTotp } from '../../src/security/totp';

/* ---- Independent reference implementation (RFC 4226 §5.3 / RFC 6238), not speakeasy ---- */

function referenceCode(key: Buffer, unixSeconds: number, digits = 6, stepSeconds = 30): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / stepSeconds)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function base32Decode(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`bad base32 char ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function codeAt(secretBase32: string, date: Date): string {
  return referenceCode(base32Decode(secretBase32), date.getTime() / 1000);
}

describe('reference TOTP used by these tests', () => {
  it('reproduces the RFC 6238 Appendix B SHA-1 test vectors', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    const vectors: Array<[number, string]> = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [t, expected] of vectors) expect(referenceCode(key, t, 8)).toBe(expected);
  });

  it('decodes base32 (RFC 4648 test vector)', () => {
    expect(base32Decode('MZXW6YTBOI======').toString('ascii')).toBe('foobar');
  });
});

describe('TOTP verification', () => {
  // "12345678901234567890" in base32 — the RFC key, so the module is checked against the RFC too.
  const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  // Mid-step instant so ±30 s lands squarely in the neighbouring steps.
  const now = new Date('2025-03-17T02:03:15.000Z');
  const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);

  it('agrees with the RFC vector at T=59 when the step code is truncated to 6 digits', () => {
    const result = verifyTotp(SECRET, '287082', new Date(59_000), null);
    expect(result).toEqual({ ok: true, step: 1 });
  });

  it('accepts the code shown on the phone now, and reports its absolute step', () => {
    const result = verifyTotp(SECRET, codeAt(SECRET, now), now, null);
    expect(result).toEqual({ ok: true, step: currentStep(now) });
    expect(currentStep(now)).toBe(Math.floor(now.getTime() / 1000 / 30));
  });

  it('tolerates one step of clock drift either way', () => {
    expect(verifyTotp(SECRET, codeAt(SECRET, at(-30)), now, null)).toEqual({ ok: true, step: currentStep(now) - 1 });
    expect(verifyTotp(SECRET, codeAt(SECRET, at(30)), now, null)).toEqual({ ok: true, step: currentStep(now) + 1 });
  });

  it('allows no more than one step of drift: codes two steps away are refused', () => {
    expect(verifyTotp(SECRET, codeAt(SECRET, at(-60)), now, null)).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyTotp(SECRET, codeAt(SECRET, at(60)), now, null)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses codes 90 seconds old or 90 seconds in the future', () => {
    expect(verifyTotp(SECRET, codeAt(SECRET, at(-90)), now, null)).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyTotp(SECRET, codeAt(SECRET, at(90)), now, null)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses a wrong code and a code from another secret', () => {
    const window = [-30, 0, 30].map((o) => codeAt(SECRET, at(o)));
    let wrong = codeAt(SECRET, now);
    while (window.includes(wrong)) wrong = String((Number(wrong) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(SECRET, wrong, now, null)).toEqual({ ok: false, reason: 'INVALID' });

    const other = createEnrollment('lain@dinas.go.id').secret;
    const otherCode = codeAt(other, now);
    if (!window.includes(otherCode)) {
      expect(verifyTotp(SECRET, otherCode, now, null)).toEqual({ ok: false, reason: 'INVALID' });
    }
  });

  it('refuses replay of the same code, even later within the same step', () => {
    const code = codeAt(SECRET, now);
    const first = verifyTotp(SECRET, code, now, null);
    expect(first.ok).toBe(true);
    const step = (first as { ok: true; step: number }).step;
    expect(verifyTotp(SECRET, code, now, step)).toEqual({ ok: false, reason: 'REPLAYED' });
    expect(verifyTotp(SECRET, code, at(14), step)).toEqual({ ok: false, reason: 'REPLAYED' });
  });

  it('refuses an older code still inside the window once a newer one was used, but accepts the next one', () => {
    const used = currentStep(now);
    expect(verifyTotp(SECRET, codeAt(SECRET, at(-30)), now, used)).toEqual({ ok: false, reason: 'REPLAYED' });
    expect(verifyTotp(SECRET, codeAt(SECRET, at(30)), now, used)).toEqual({ ok: true, step: used + 1 });
    expect(verifyTotp(SECRET, codeAt(SECRET, at(30)), at(30), used)).toEqual({ ok: true, step: used + 1 });
  });

  it('accepts codes typed with spaces', () => {
    const code = codeAt(SECRET, now);
    expect(verifyTotp(SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null)).toEqual({ ok: true, step: currentStep(now) });
  });

  it.each(['', '12345', '1234567', 'abcdef', '123-456', '12345a', '１２３４５６'])('calls %p MALFORMED instead of checking it', (input) => {
    expect(verifyTotp(SECRET, input, now, null)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('throws on a corrupt stored secret rather than pretending the code was wrong', () => {
    expect(() => verifyTotp('not base32!', '123456', now, null)).toThrow(/base32/);
    expect(() => verifyTotp('', '123456', now, null)).toThrow(/base32/);
  });
});

describe('TOTP enrollment', () => {
  it('creates a fresh 160-bit base32 secret each time', () => {
    const a = createEnrollment('budi@dinas.go.id');
    const b = createEnrollment('budi@dinas.go.id');
    expect(a.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a.secret)).toHaveLength(20);
    expect(a.secret).not.toBe(b.secret);
  });

  it('builds an otpauth URL that an authenticator app labels "PPID:<email>"', () => {
    const { secret, otpauthUrl } = createEnrollment('budi.santoso+ppid@dinas.go.id');
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(url.pathname).toBe('/PPID%3Abudi.santoso%2Bppid%40dinas.go.id');
    expect(decodeURIComponent(url.pathname.slice(1))).toBe('PPID:budi.santoso+ppid@dinas.go.id');
    expect(url.searchParams.get('issuer')).toBe('PPID');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
  });

  it('a code computed from the enrolled secret by an independent implementation verifies', () => {
    const { secret } = createEnrollment('operator@dinas.go.id');
    const now = new Date('2026-01-05T08:00:10Z');
    expect(verifyTotp(secret, codeAt(secret, now), now, null)).toEqual({ ok: true, step: currentStep(now) });
  });

  it('refuses to enroll without an email', () => {
    expect(() => createEnrollment('  ')).toThrow(/email/);
  });
});

describe('the tests\' reference TOTP helper', () => {
  const { codeForKey, referenceTotp } = jest.requireActual('../helpers/reference-totp') as typeof import('../helpers/reference-totp');
  test('matches the RFC 6238 Appendix B SHA-1 vectors, so integration tests send true RFC codes', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    // 8-digit vectors truncated to the 6 digits in use: 94287082 → 287082, 07081804 → 081804, 89005924 → 005924.
    expect(codeForKey(key, Math.floor(59 / 30))).toBe('287082');
    expect(codeForKey(key, Math.floor(1111111109 / 30))).toBe('081804');
    expect(codeForKey(key, Math.floor(1234567890 / 30))).toBe('005924');
    expect(referenceTotp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1)).toBe('287082');
  });
});
