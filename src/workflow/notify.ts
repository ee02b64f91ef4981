import type { Core } from '@strapi/strapi';

/** Active admin users holding any of the given role codes: the people a timer concerns. */
export async function recipientsFor(strapi: Core.Strapi, roleCodes: string[]): Promise<string[]> {
  if (roleCodes.length === 0) return [];
  const users = await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false, roles: { code: { $in: roleCodes } } },
    select: ['email'],
  });
  return [...new Set(users.map((u: { email: string }) => u.email))].sort();
}

const WIB = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export function formatWib(d: Date): string {
  return `${WIB.format(d)} WIB`;
}

export async function sendMail(strapi: Core.Strapi, to: string, subject: string, text: string): Promise<void> {
  await strapi.plugin('email').service('email').send({ to, subject, text });
}
