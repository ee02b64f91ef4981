import type { Core } from '@strapi/strapi';

let counter = 0;

/**
 * Environment for test files that mint admin tokens directly: 2FA required for no role, so the
 * session gate (which refuses sessions opened outside the 2FA flow) lets them through. The 2FA
 * flow itself is covered by the security tests.
 */
export const TOKENS_WITHOUT_MFA = { PPID_MFA_REQUIRED_ROLES: 'none' };

/**
 * An admin with the given SOP role code (or the super admin role: 'super-admin' or Strapi's own
 * code 'strapi-super-admin'), created through the admin user service.
 */
export async function createAdmin(
  strapi: Core.Strapi,
  roleCode: string,
  overrides: Partial<{ email: string; firstname: string; lastname: string; password: string }> = {},
) {
  counter += 1;
  const role =
    roleCode === 'super-admin' || roleCode === 'strapi-super-admin'
      ? await strapi.service('admin::role').getSuperAdmin()
      : await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role with code ${roleCode}`);
  return strapi.service('admin::user').create({
    email: overrides.email ?? `${roleCode}.${counter}.${process.pid}@test.ppid`,
    firstname: overrides.firstname ?? 'Uji',
    lastname: overrides.lastname ?? `Pengguna${counter}`,
    password: overrides.password ?? "Kx9#vT2m-Qw7z-Lp4s",
    isActive: true,
    roles: [role.id],
  });
}

/**
 * An admin access token minted through Strapi's session manager, as a completed login would.
 * Tests of the workflow and content rules use it so they do not depend on the login flow
 * (which has its own tests).
 */
export async function adminToken(strapi: Core.Strapi, userId: number | string): Promise<string> {
  const sessions = (strapi as any).sessionManager('admin');
  const { token: refreshToken } = await sessions.generateRefreshToken(String(userId), `test-${userId}`, {
    type: 'session',
  });
  const result = await sessions.generateAccessToken(refreshToken);
  if ('error' in result) throw new Error(`could not mint admin token: ${result.error}`);
  return result.token;
}
