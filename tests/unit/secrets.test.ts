import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSecrets, MissingSecretsError, REQUIRED_SECRETS } from '../../src/config/secrets';

const tmpEnvFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-env-')), '.env');

test('development: every missing secret is generated once into .env and reused next time', () => {
  const envFile = tmpEnvFile();
  const env: NodeJS.ProcessEnv = {};
  expect(ensureSecrets({ env, envFile, production: false }).sort()).toEqual(Object.keys(REQUIRED_SECRETS).sort());
  expect(env.APP_KEYS!.split(',')).toHaveLength(4);
  const written = fs.readFileSync(envFile, 'utf8');
  expect(written).toContain(`ADMIN_JWT_SECRET=${env.ADMIN_JWT_SECRET}`);
  expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);

  // Second start: Strapi has loaded .env into the environment, nothing is generated.
  const reloaded: NodeJS.ProcessEnv = Object.fromEntries(
    written.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  expect(ensureSecrets({ env: reloaded, envFile, production: false })).toEqual([]);
  expect(fs.readFileSync(envFile, 'utf8')).toBe(written);
});

test('development: existing values and other lines in .env are kept', () => {
  const envFile = tmpEnvFile();
  fs.writeFileSync(envFile, 'PORT=1400');
  const env: NodeJS.ProcessEnv = { JWT_SECRET: 'mine' };
  const generated = ensureSecrets({ env, envFile, production: false });
  expect(generated).not.toContain('JWT_SECRET');
  expect(env.JWT_SECRET).toBe('mine');
  expect(fs.readFileSync(envFile, 'utf8').startsWith('PORT=1400\n')).toBe(true);
});

test('production: start-up stops naming every missing variable, and writes nothing', () => {
  const envFile = tmpEnvFile();
  const env: NodeJS.ProcessEnv = { APP_KEYS: 'a,b', JWT_SECRET: '  ' };
  let error: unknown;
  try {
    ensureSecrets({ env, envFile, production: true });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MissingSecretsError);
  const message = (error as Error).message;
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'PPID_MFA_KEY', 'PPID_AUDIT_KEY']) {
    expect(message).toContain(name);
  }
  expect(message).not.toMatch(/APP_KEYS,/);
  expect(fs.existsSync(envFile)).toBe(false);
});

describe('demo password', () => {
  const { demoPassword } = jest.requireActual('../../src/seed/demo-admins') as typeof import('../../src/seed/demo-admins');
  const cfg = {
    password: { minLength: 12, historySize: 5, maxAgeDays: 90, warnDays: 14 },
    mfa: { issuer: 'PPID' } as any,
  };

  test('a generated demo password passes the password policy for every demo account', () => {
    const envFile = tmpEnvFile();
    const previous = process.env.PPID_DEMO_PASSWORD;
    jest.spyOn(require('../../src/config/app-root'), 'findAppRoot').mockReturnValue(path.dirname(envFile));
    try {
      for (let i = 0; i < 50; i += 1) {
        delete process.env.PPID_DEMO_PASSWORD;
        const password = demoPassword(() => {}, cfg);
        expect(password).toMatch(/^Ppid-[A-Za-z0-9_-]{16}$/);
        expect(password).not.toMatch(/sub|web|dinas|bidang|operator|admin/i);
      }
      expect(fs.readFileSync(envFile, 'utf8')).toMatch(/^PPID_DEMO_PASSWORD=Ppid-/m);
    } finally {
      if (previous === undefined) delete process.env.PPID_DEMO_PASSWORD;
      else process.env.PPID_DEMO_PASSWORD = previous;
    }
  });
});
