import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { findAppRoot } from '../config/app-root';
import type { PpidConfig } from '../config/ppid-config';
import { SOP_ROLES } from '../roles/definitions';
import { checkPassword } from '../security/password-policy';
import { policyContext } from '../security/account-rules';

export const DEMO_DOMAIN = 'ppid.test';

/** The demo admin's address of a role code. */
export function demoEmail(code: string): string {
  return `${code.split('-').filter((word) => word !== 'ppid').join('-') || code}@${DEMO_DOMAIN}`;
}

function demoAccounts() {
  return [
    { email: `admin@${DEMO_DOMAIN}`, firstname: 'Admin', lastname: 'PPID', roleCode: null as string | null },
    // The organisation's name is left out of the address (atasan-ppid → atasan@ppid.test): the
    // password policy refuses a password containing a word of the address, and "Ppid-…" would.
    ...SOP_ROLES.map((role) => ({ email: demoEmail(role.code), firstname: role.name, lastname: 'Demo', roleCode: role.code as string | null })),
  ];
}

/**
 * The demo password: PPID_DEMO_PASSWORD, or a fresh random one written to `.env` (so it is the
 * same next time) and printed once. Development only. A generated one is drawn again until the
 * password policy accepts it for every demo account (a random string can contain "web" or "sub").
 */
export function demoPassword(log: (line: string) => void, cfg?: Pick<PpidConfig, 'password' | 'mfa'>): string {
  const given = process.env.PPID_DEMO_PASSWORD?.trim();
  if (given) return given;
  const acceptable = (candidate: string) =>
    !cfg ||
    demoAccounts().every(
      (account) =>
        checkPassword(candidate, policyContext(account, cfg.mfa.issuer), {
          minLength: cfg.password.minLength,
          maxLength: 128,
          historySize: cfg.password.historySize,
        }).length === 0,
    );
  let generated = '';
  for (let attempt = 0; attempt < 100 && !generated; attempt += 1) {
    const candidate = `Ppid-${crypto.randomBytes(12).toString('base64url')}`;
    if (acceptable(candidate)) generated = candidate;
  }
  if (!generated) throw new Error('Could not generate a demo password the policy accepts; set PPID_DEMO_PASSWORD.');
  process.env.PPID_DEMO_PASSWORD = generated;
  const envFile = path.join(findAppRoot(), '.env');
  fs.appendFileSync(envFile, `PPID_DEMO_PASSWORD=${generated}\n`, { mode: 0o600 });
  log(`demo admin password generated (saved in .env as PPID_DEMO_PASSWORD): ${generated}`);
  return generated;
}

/** One admin per SOP role (`demoEmail(code)`, e.g. `operator@ppid.test`) plus `admin@ppid.test` as super admin. */
export async function ensureDemoAdmins(strapi: Core.Strapi, log: (line: string) => void): Promise<string[]> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Demo admin accounts are never created when NODE_ENV=production.');
  }
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const superAdmin = await roles.getSuperAdmin();
  const wanted = await Promise.all(
    demoAccounts().map(async ({ roleCode, ...account }) => ({
      ...account,
      roleId: roleCode ? (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })).id : superAdmin.id,
    })),
  );
  const created: string[] = [];
  let password: string | null = null;
  for (const account of wanted) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: account.email } })) continue;
    password ??= demoPassword(log, strapi.config.get('ppid') as PpidConfig);
    await users.create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password,
      isActive: true,
      roles: [account.roleId],
    });
    created.push(account.email);
  }
  if (created.length > 0) log(`demo admins created: ${created.join(', ')}`);
  return created;
}
