import crypto from 'node:crypto';
import fs from 'node:fs';

/** Secrets Strapi and this project cannot start without, and how to make a fresh one. */
export const REQUIRED_SECRETS: Record<string, () => string> = {
  APP_KEYS: () => [1, 2, 3, 4].map(() => randomKey()).join(','),
  API_TOKEN_SALT: () => randomKey(),
  ADMIN_JWT_SECRET: () => randomKey(),
  TRANSFER_TOKEN_SALT: () => randomKey(),
  JWT_SECRET: () => randomKey(),
  ENCRYPTION_KEY: () => randomKey(),
  PPID_MFA_KEY: () => randomKey(32),
  PPID_AUDIT_KEY: () => randomKey(32),
};

function randomKey(bytes = 24): string {
  return crypto.randomBytes(bytes).toString('base64');
}

export class MissingSecretsError extends Error {
  constructor(public readonly missing: string[]) {
    super(
      `Start-up stopped: these environment variables must be set in production: ${missing.join(', ')}. ` +
        'Generate each with `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"` ' +
        '(APP_KEYS takes four, comma-separated).',
    );
    this.name = 'MissingSecretsError';
  }
}

/**
 * Development: generate every missing secret once and append it to `.env`, so a fresh clone
 * starts without manual steps and keeps the same keys across restarts (sessions survive).
 * Production: refuse to start, naming every missing variable at once.
 * Returns the names that were generated.
 */
export function ensureSecrets(opts: {
  env: NodeJS.ProcessEnv;
  envFile: string;
  production: boolean;
}): string[] {
  const missing = Object.keys(REQUIRED_SECRETS).filter((name) => !opts.env[name]?.trim());
  if (missing.length === 0) return [];
  if (opts.production) throw new MissingSecretsError(missing);

  const lines = missing.map((name) => {
    const value = REQUIRED_SECRETS[name]();
    opts.env[name] = value;
    return `${name}=${value}`;
  });
  const existing = fs.existsSync(opts.envFile) ? fs.readFileSync(opts.envFile, 'utf8') : '';
  const prefix = existing && !existing.endsWith('\n') ? '\n' : '';
  const header = existing ? '' : '# Generated for development by ppid-cms. Never commit this file.\n';
  fs.appendFileSync(opts.envFile, `${prefix}${header}${lines.join('\n')}\n`, { mode: 0o600 });
  return missing;
}
