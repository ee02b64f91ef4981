import { consumeRecoveryCode, generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_BITS } from '../../src/security/recovery-codes';

const FORMAT = /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/;

describe('generateRecoveryCodes', () => {
  it('gives ten distinct, readable codes by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
  });

  it('never uses characters that are easy to misread on paper (0/o, 1/l/i)', () => {
    const all = generateRecoveryCodes(100).join('');
    expect(all).not.toMatch(/[01ilo]/);
  });

  it('has at least 50 bits of entropy per code and does not repeat across batches', () => {
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(50);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) for (const c of generateRecoveryCodes(10)) seen.add(c);
    expect(seen.size).toBe(200);
  });

  it('honours the requested count and refuses nonsense', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(() => generateRecoveryCodes(0)).toThrow();
    expect(() => generateRecoveryCodes(2.5)).toThrow();
  });
});

describe('hashRecoveryCode', () => {
  it('is a sha256 hex digest that does not contain the code', () => {
    const hash = hashRecoveryCode('k7q4-9xm2-p3fd');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('k7q4');
  });

  it('ignores case, spaces and dashes the way people type codes', () => {
    const h = hashRecoveryCode('k7q4-9xm2-p3fd');
    expect(hashRecoveryCode('K7Q4-9XM2-P3FD')).toBe(h);
    expect(hashRecoveryCode(' k7q4 9xm2 p3fd ')).toBe(h);
    expect(hashRecoveryCode('k7q49xm2p3fd')).toBe(h);
    expect(hashRecoveryCode('k7q4-9xm2-p3fe')).not.toBe(h);
  });
});

describe('consumeRecoveryCode', () => {
  const codes = generateRecoveryCodes(5);
  const stored = codes.map(hashRecoveryCode);

  it('accepts a valid code once and removes exactly that code', () => {
    const result = consumeRecoveryCode(codes[2], stored);
    expect(result.ok).toBe(true);
    const remaining = (result as { ok: true; remaining: string[] }).remaining;
    expect(remaining).toHaveLength(4);
    expect(remaining).not.toContain(stored[2]);
    expect(remaining).toEqual([stored[0], stored[1], stored[3], stored[4]]);
    // The caller stores `remaining`; the same code then fails.
    expect(consumeRecoveryCode(codes[2], remaining)).toEqual({ ok: false });
    // Other codes still work.
    expect(consumeRecoveryCode(codes[4], remaining).ok).toBe(true);
  });

  it('accepts a code typed in upper case with spaces instead of dashes', () => {
    const typed = codes[0].toUpperCase().replace(/-/g, ' ');
    expect(consumeRecoveryCode(typed, stored).ok).toBe(true);
  });

  it('refuses wrong, empty and hash-as-input codes, leaving the stored list untouched', () => {
    const before = [...stored];
    expect(consumeRecoveryCode('aaaa-bbbb-cccc', stored)).toEqual({ ok: false });
    expect(consumeRecoveryCode('', stored)).toEqual({ ok: false });
    expect(consumeRecoveryCode(' - - ', stored)).toEqual({ ok: false });
    expect(consumeRecoveryCode(stored[0], stored)).toEqual({ ok: false });
    expect(stored).toEqual(before);
  });

  it('refuses everything when no codes are left', () => {
    expect(consumeRecoveryCode(codes[0], [])).toEqual({ ok: false });
  });
});
