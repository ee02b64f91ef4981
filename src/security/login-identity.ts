/**
 * Route middlewares placed in front of Strapi's own on the admin's session routes (glue around
 * src/security/email.ts and the least-exposure rules).
 */
import { normalizeEmail, NON_ASCII_EMAIL_MESSAGE } from './email';

function answer(ctx: any, status: number, name: string, message: string, details: Record<string, unknown>): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}

/**
 * Normalises `body.email` before anything reads it: Strapi's login rate limit (keyed on the e-mail
 * it finds in the body, then the IP), the credential check, the 2FA lock and the audit record all
 * see one identity per account. An address with non-ASCII letters left after NFKC (look-alikes from
 * other alphabets) is refused here, before it is counted or checked.
 */
export async function normalizeLoginEmail(ctx: any, next: () => Promise<unknown>) {
  const body = ctx.request?.body;
  if (body && typeof body === 'object' && 'email' in body) {
    const result = normalizeEmail(body.email);
    if (!result.ok && result.reason === 'non_ascii') {
      return answer(ctx, 400, 'ValidationError', NON_ASCII_EMAIL_MESSAGE, {
        code: 'EMAIL_NOT_ASCII',
        errors: [{ path: ['email'], message: NON_ASCII_EMAIL_MESSAGE, name: 'ValidationError' }],
      });
    }
    if (result.email) body.email = result.email;
  }
  return next();
}

const SUPER_ADMIN = 'strapi-super-admin';

/** GET /admin/information (environment, versions, dependencies, project id): super admins only. */
export async function superAdminOnly(ctx: any, next: () => Promise<unknown>) {
  const roles: Array<{ code?: string }> = ctx.state?.user?.roles ?? [];
  if (!roles.some((r) => r?.code === SUPER_ADMIN)) {
    return answer(ctx, 403, 'ForbiddenError', 'Informasi sistem hanya dapat dilihat oleh super admin.', { code: 'SUPER_ADMIN_ONLY' });
  }
  return next();
}
