import type { Core } from '@strapi/strapi';

/**
 * The people a timer concerns: active admin users holding any of the role codes, plus direct
 * addresses written as `email:someone@example.org` (an item's assignee).
 */
export async function recipientsFor(strapi: Core.Strapi, responsible: string[]): Promise<string[]> {
  const direct = responsible.filter((r) => r.startsWith('email:')).map((r) => r.slice('email:'.length)).filter(Boolean);
  const roleCodes = responsible.filter((r) => !r.startsWith('email:'));
  const users = roleCodes.length
    ? await strapi.db.query('admin::user').findMany({
        where: { isActive: true, blocked: false, roles: { code: { $in: roleCodes } } },
        select: ['email'],
      })
    : [];
  return [...new Set([...direct, ...users.map((u: { email: string }) => u.email)])].sort();
}

const WIB = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export function formatWib(d: Date): string {
  return `${WIB.format(d)} WIB`;
}

export async function sendMail(strapi: Core.Strapi, to: string, subject: string, text: string): Promise<void> {
  await strapi.plugin('email').service('email').send({ to, subject, text });
}
