/**
 * The sign-in page's decisions (src/admin-login/logic.ts) without a browser, and the bundle the
 * server serves. The DOM wiring is driven for real by tests/browser/sign-in.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import {
  accessTokenCookie,
  afterCodes,
  describeFailure,
  nextStep,
  pageMode,
  recoveryCodesFileName,
  recoveryCodesText,
  redirectTarget,
} from '../../src/admin-login/logic';
import { readLoginScript } from '../../src/security/login-page';

const answer = (status: number, json: object) => ({ ok: status < 400, status, json });

describe('describeFailure: what a refused sign-in shows', () => {
  test("Strapi's English messages are shown in Indonesian", () => {
    expect(describeFailure(answer(400, { error: { message: 'Invalid credentials' } })).message).toBe('Email atau kata sandi salah.');
    expect(describeFailure(answer(401, { error: { message: 'User not active' } })).message).toBe('Akun Anda tidak aktif. Hubungi super admin.');
  });

  test('a bare 429 from the rate limiter reads as "too many tries"', () => {
    expect(describeFailure(answer(429, {})).message).toMatch(/Terlalu banyak percobaan/);
  });

  test("the gate's own 429 (with a code) keeps the gate's message", () => {
    const view = describeFailure(answer(429, { error: { message: 'Kode salah terlalu sering. Tunggu 15 menit.', details: { code: 'MFA_LOCKED' } } }));
    expect(view.message).toBe('Kode salah terlalu sering. Tunggu 15 menit.');
  });

  test('a server error never shows its internals', () => {
    expect(describeFailure(answer(500, { error: { message: 'relation "x" does not exist' } })).message).toBe('Terjadi kesalahan (500). Silakan coba lagi.');
    expect(describeFailure(answer(502, {})).message).toBe('Terjadi kesalahan (502). Silakan coba lagi.');
  });

  test('several broken password rules are listed one by one', () => {
    const view = describeFailure(
      answer(400, { error: { message: 'Kata sandi belum memenuhi aturan.', details: { errors: [{ message: 'Terlalu pendek' }, { message: 'Memuat nama Anda' }] } } }),
    );
    expect(view).toEqual({ restart: false, message: 'Perbaiki hal berikut:', list: ['Terlalu pendek', 'Memuat nama Anda'] });
  });

  test('one broken rule is the message itself', () => {
    const view = describeFailure(answer(400, { error: { message: 'Terlalu pendek', details: { errors: [{ message: 'Terlalu pendek' }] } } }));
    expect(view).toEqual({ restart: false, message: 'Terlalu pendek', list: null });
  });

  test('an expired challenge sends the user back to the e-mail form', () => {
    const view = describeFailure(answer(401, { error: { message: 'Sesi verifikasi berakhir. Masuk lagi.', details: { code: 'CHALLENGE_INVALID' } } }));
    expect(view).toEqual({ restart: true, message: 'Sesi verifikasi berakhir. Masuk lagi.', list: null });
  });
});

describe('nextStep: the screen after each answer', () => {
  test('a first sign-in enrols 2FA; later ones ask for the code', () => {
    expect(nextStep(answer(200, { data: { mfaRequired: true, enrollmentRequired: true, challengeToken: 'c1' } }))).toEqual({ kind: 'enroll', challengeToken: 'c1' });
    expect(nextStep(answer(200, { data: { mfaRequired: true, challengeToken: 'c2' } }))).toEqual({ kind: 'code', challengeToken: 'c2' });
  });

  test('an overdue password is changed before the session starts, after recovery codes when there are new ones', () => {
    expect(nextStep(answer(200, { data: { passwordChangeRequired: true, challengeToken: 'c3' } }))).toEqual({ kind: 'change', challengeToken: 'c3', recoveryCodes: null });
    expect(nextStep(answer(200, { data: { passwordChangeRequired: true, challengeToken: 'c4', recoveryCodes: ['a', 'b'] } }))).toEqual({
      kind: 'change',
      challengeToken: 'c4',
      recoveryCodes: ['a', 'b'],
    });
  });

  test('a token hands the session to the panel', () => {
    const step = nextStep(answer(200, { data: { token: 'jwt', passwordExpiryWarning: 'Segera ganti' } }));
    expect(step).toEqual({ kind: 'handoff', data: { token: 'jwt', passwordExpiryWarning: 'Segera ganti' } });
  });

  test('a 2FA request without a challenge token, or an empty answer, is not trusted', () => {
    expect(nextStep(answer(200, { data: { mfaRequired: true } })).kind).toBe('unknown');
    expect(nextStep(answer(200, {})).kind).toBe('unknown');
  });

  test('a refusal carries its message', () => {
    const step = nextStep(answer(400, { error: { message: 'Invalid credentials' } }));
    expect(step).toEqual({ kind: 'failure', failure: { restart: false, message: 'Email atau kata sandi salah.', list: null } });
  });
});

describe('afterCodes: what follows the recovery codes screen', () => {
  test('the expiry warning, then the panel', () => {
    const first = afterCodes({ warning: 'Kata sandi berakhir dalam 5 hari.' });
    expect(first).toEqual({ kind: 'warn', text: 'Kata sandi berakhir dalam 5 hari.', pending: { warning: null } });
    expect(afterCodes(first.kind === 'warn' ? first.pending : null)).toEqual({ kind: 'enter' });
  });

  test('few recovery codes left warns once', () => {
    const first = afterCodes({ recoveryLeft: 2 });
    expect(first.kind).toBe('warn');
    expect(first.kind === 'warn' && first.text).toMatch(/sisa 2 kode/);
    expect(afterCodes(first.kind === 'warn' ? first.pending : null)).toEqual({ kind: 'enter' });
    expect(afterCodes({ recoveryLeft: 4 })).toEqual({ kind: 'enter' });
  });

  test('an overdue password change comes first', () => {
    expect(afterCodes({ change: true, warning: 'x' })).toEqual({ kind: 'change' });
    expect(afterCodes(null)).toEqual({ kind: 'enter' });
  });
});

describe('redirectTarget: never leaves the panel', () => {
  test.each([
    ['?redirectTo=/content-manager', '/admin/content-manager'],
    ['', '/admin/'],
    ['?redirectTo=//evil.example/x', '/admin/'],
    ['?redirectTo=/\\evil.example', '/admin/'],
    ['?redirectTo=https://evil.example', '/admin/'],
    ['?redirectTo=javascript:alert(1)', '/admin/'],
  ])('%s → %s', (search, expected) => {
    expect(redirectTarget(search, '/admin')).toBe(expected);
  });
});

test('the access-token cookie is Lax, scoped, and Secure on https only', () => {
  const cfg = { cookieName: 'jwtToken', cookiePath: '/admin', cookieDomain: null };
  expect(accessTokenCookie(cfg, 'a b', false)).toBe('jwtToken=a%20b; Path=/admin; SameSite=Lax');
  expect(accessTokenCookie({ ...cfg, cookieDomain: 'ppid.example.go.id' }, 't', true)).toBe('jwtToken=t; Path=/admin; Domain=ppid.example.go.id; SameSite=Lax; Secure');
});

test('pageMode reads the form from the path', () => {
  expect(pageMode('/admin/auth/login')).toBe('login');
  expect(pageMode('/admin/auth/register-admin/')).toBe('register-admin');
  expect(pageMode('/admin/auth/register')).toBe('register');
  expect(pageMode('/admin/auth/reset-password')).toBe('reset-password');
  expect(pageMode('/admin/auth/forgot-password')).toBe('login');
});

test('the recovery codes file names the office and lists every code', () => {
  expect(recoveryCodesText('PPID Jatim', ['aaaa-bbbb', 'cccc-dddd'])).toBe('Kode pemulihan PPID Jatim (setiap kode berlaku satu kali)\n\naaaa-bbbb\ncccc-dddd\n');
  expect(recoveryCodesFileName('PPID Jatim')).toBe('kode-pemulihan-ppid-jatim.txt');
});

describe('the bundle the server serves', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildLoginClient } = require('../../scripts/build-login-client') as { buildLoginClient: () => string };

  test('is one self-contained browser script with the Indonesian messages', () => {
    const file = buildLoginClient();
    const code = fs.readFileSync(file, 'utf8');
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/\brequire\(|^import\s|^export\s/m);
    expect(code).toContain('Email atau kata sandi salah.');
    expect(readLoginScript(path.resolve(file, '..', '..', '..'))).toBe(code);
  });

  test('a missing bundle stops start-up with the command that makes it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-dist-'));
    expect(() => readLoginScript(empty)).toThrow(/npm run build/);
  });
});
