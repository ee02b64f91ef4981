/**
 * The refresh cookie set after the 2FA gate is the one Strapi's own login sets, attribute by
 * attribute (the gate opens sessions with Strapi's session-auth helpers, a checked touch point).
 * Strapi's own login controller is mounted on a test route and used by an account whose role does
 * not require 2FA; the gate's cookie comes from an account that does.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { referenceTotp } from '../helpers/reference-totp';
import { createAdmin } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
const PASSWORD = 'rumah-makan-padang-sejati';
const http = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi({ PPID_MFA_REQUIRED_ROLES: 'operator' });
  strapi.config.set('admin.rateLimit', { enabled: false });
  strapi.server.routes([
    { method: 'POST', path: '/uji/login-strapi', handler: (strapi as any).admin.controllers.authentication.login, config: { auth: false } },
  ] as any);
});
afterAll(teardownStrapi);

interface CookieShape {
  name: string;
  attributes: Record<string, string | true>;
  lifetimeMinutes: number | null;
}

function refreshCookie(res: request.Response): CookieShape {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('strapi_admin_refresh='));
  if (!raw) throw new Error(`no refresh cookie (status ${res.status}): ${JSON.stringify(res.body)}`);
  const [pair, ...parts] = raw.split(';').map((p) => p.trim());
  const attributes: Record<string, string | true> = {};
  for (const part of parts) {
    const [key, ...value] = part.split('=');
    attributes[key.toLowerCase()] = value.length ? value.join('=').toLowerCase() : true;
  }
  const expires = typeof attributes.expires === 'string' ? Date.parse(attributes.expires) : null;
  delete attributes.expires;
  return { name: pair.split('=')[0], attributes, lifetimeMinutes: expires ? Math.round((expires - Date.now()) / 60_000) : null };
}

async function strapisOwnLogin(rememberMe: boolean) {
  const user = await createAdmin(strapi, 'sub-koordinator', { password: PASSWORD });
  const res = await http().post('/uji/login-strapi').send({ email: user.email, password: PASSWORD, rememberMe });
  expect(res.status).toBe(200);
  return refreshCookie(res);
}

async function loginThroughTheGate(rememberMe: boolean) {
  const user = await createAdmin(strapi, 'operator', { password: PASSWORD });
  const first = await http().post('/admin/login').send({ email: user.email, password: PASSWORD, rememberMe });
  expect(first.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: true });
  expect(first.headers['set-cookie']).toBeUndefined();
  const setup = await http().post('/admin/mfa/setup').send({ challengeToken: first.body.data.challengeToken });
  const code = referenceTotp(setup.body.data.secret, Math.floor(Date.now() / 30_000));
  const verify = await http().post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code });
  expect(verify.status).toBe(200);
  return refreshCookie(verify);
}

test.each([true, false])('rememberMe %s: the cookie after 2FA equals the one Strapi sets, attribute by attribute', async (rememberMe) => {
  const strapis = await strapisOwnLogin(rememberMe);
  const gated = await loginThroughTheGate(rememberMe);
  expect(gated.name).toBe(strapis.name);
  expect(gated.attributes).toEqual(strapis.attributes);
  if (rememberMe) {
    expect(strapis.lifetimeMinutes).not.toBeNull();
    expect(Math.abs((gated.lifetimeMinutes ?? 0) - (strapis.lifetimeMinutes ?? 0))).toBeLessThanOrEqual(1);
  } else {
    expect(gated.lifetimeMinutes).toBeNull();
    expect(strapis.lifetimeMinutes).toBeNull();
  }
  // What the comparison covers, so a silent change in Strapi's defaults shows here too.
  expect(Object.keys(strapis.attributes).sort()).toEqual(expect.arrayContaining(['httponly', 'path', 'samesite']));
});
