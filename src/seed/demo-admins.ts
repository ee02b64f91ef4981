import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { findAppRoot } from '../config/app-root';
import { SOP_ROLES } from '../roles/definitions';

export const DEMO_DOMAIN = 'ppid.test';

/**
 * The demo password: PPID_DEMO_PASSWORD, or a fresh random one written to `.env` (so it is the
 * same next time) and printed once. Development only.
 */
export function demoPassword(log: (line: string) => void): string {
  const given = process.env.PPID_DEMO_PASSWORD?.trim();
  if (given) return given;
  const generated = `Ppid-${crypto.randomBytes(12).toString('base64url')}`;
  process.env.PPID_DEMO_PASSWORD = generated;
  const envFile = path.join(findAppRoot(), '.env');
  fs.appendFileSync(envFile, `PPID_DEMO_PASSWORD=${generated}\n`, { mode: 0o600 });
  log(`demo admin password generated (saved in .env as PPID_DEMO_PASSWORD): ${generated}`);
  return generated;
}

/** One admin per SOP role (`<role-code>@ppid.test`) plus `admin@ppid.test` as super admin. */
export async function ensureDemoAdmins(strapi: Core.Strapi, log: (line: string) => void): Promise<string[]> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Demo admin accounts are never created when NODE_ENV=production.');
  }
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const superAdmin = await roles.getSuperAdmin();
  const wanted = [
    { email: `admin@${DEMO_DOMAIN}`, firstname: 'Admin', lastname: 'PPID', roleId: superAdmin.id },
    ...(await Promise.all(
      SOP_ROLES.map(async (role) => ({
        email: `${role.code}@${DEMO_DOMAIN}`,
        firstname: role.name,
        lastname: 'Demo',
        roleId: (await strapi.db.query('admin::role').findOne({ where: { code: role.code } })).id,
      })),
    )),
  ];
  const created: string[] = [];
  let password: string | null = null;
  for (const account of wanted) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: account.email } })) continue;
    password ??= demoPassword(log);
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
