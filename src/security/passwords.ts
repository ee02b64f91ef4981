/**
 * The password policy wired into Strapi: every way an admin password is set goes through
 * `assertPasswordAllowed` (route pre-checks give the error before Strapi touches anything, the
 * wrapped admin user service is the backstop), and every change is recorded (hashed history,
 * passwordChangedAt, audit event).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkPassword, formatProblems, isReused, reusedProblem, type PasswordProblem } from './password-policy';
import { historyToCheck, nextHistory, passwordExpiry, policyContext, type PasswordExpiry } from './account-rules';
import { getAccount, settings, updateAccount, type Account } from './store';
import { auditSecurity } from './audit';
import { runInScope, scopeField } from '../context/store';

const MAX_LENGTH = 128;

// The scope field `prechecked` is set while a request's new password has already passed the policy
// (avoids a second round of bcrypt compares).

export interface PasswordOwner {
  id?: number | null;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  /** Current bcrypt hash, for the reuse check. */
  password?: string | null;
}

export function passwordError(problems: PasswordProblem[]): errors.ValidationError {
  return new errors.ValidationError(formatProblems(problems), {
    errors: problems.map((p) => ({ path: ['password'], message: p.message, name: 'ValidationError', code: p.code })),
  });
}

/** All problems with `password` for this user; the reuse check runs only when nothing else is wrong. */
export async function passwordProblems(strapi: Core.Strapi, password: unknown, owner: PasswordOwner): Promise<PasswordProblem[]> {
  const cfg = settings(strapi);
  const plain = typeof password === 'string' ? password : '';
  const problems = checkPassword(plain, policyContext(owner, cfg.mfa.issuer), {
    minLength: cfg.password.minLength,
    maxLength: MAX_LENGTH,
    historySize: cfg.password.historySize,
  });
  if (problems.length === 0 && owner.id && cfg.password.historySize > 0) {
    const account = await getAccount(strapi, owner.id);
    const hashes = historyToCheck(owner.password, account.passwordHistory, cfg.password.historySize);
    const auth = strapi.service('admin::auth');
    if (await isReused(plain, hashes, (p, h) => auth.validatePassword(p, h))) problems.push(reusedProblem(cfg.password.historySize));
  }
  return problems;
}

export async function assertPasswordAllowed(strapi: Core.Strapi, password: unknown, owner: PasswordOwner): Promise<void> {
  if (typeof password === 'string' && scopeField('prechecked') === password) return;
  const problems = await passwordProblems(strapi, password, owner);
  if (problems.length > 0) throw passwordError(problems);
}

/** Runs `fn` with `password` marked as already checked for this request. */
export function withPrechecked<T>(password: string, fn: () => Promise<T>): Promise<T> {
  return runInScope({ prechecked: password }, fn);
}

export async function findUserWithPassword(strapi: Core.Strapi, id: number | string): Promise<any> {
  return strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] });
}

/** History, passwordChangedAt and (for changes, not first passwords) the audit event. */
export async function recordPasswordChange(
  strapi: Core.Strapi,
  user: { id: number; email?: string; password?: string },
  previousHash: string | null,
  kind: 'set' | 'changed',
): Promise<void> {
  const cfg = settings(strapi);
  const fresh = user.password ? user : await findUserWithPassword(strapi, user.id);
  const account = await getAccount(strapi, user.id);
  await updateAccount(strapi, account.id, {
    passwordHistory: nextHistory(fresh.password, previousHash, account.passwordHistory, cfg.password.historySize),
    passwordChangedAt: new Date().toISOString(),
  });
  if (kind === 'changed') {
    const actor = strapi.requestContext.get()?.state?.user;
    const byOther = actor && Number(actor.id) !== Number(user.id);
    await auditSecurity(strapi, {
      peristiwa: 'kata_sandi_diubah',
      aktorId: actor?.id ?? user.id,
      aktorEmail: actor?.email ?? user.email ?? null,
      catatan: byOther ? `kata sandi ${user.email} (id ${user.id}) diubah oleh admin lain` : `kata sandi ${user.email ?? user.id} diubah`,
    });
  }
}

export function expiryFor(strapi: Core.Strapi, account: Account, now = new Date()): PasswordExpiry {
  const cfg = settings(strapi);
  const changed = account.passwordChangedAt ?? account.createdAt ?? now.toISOString();
  return passwordExpiry(new Date(changed), now, cfg.password.maxAgeDays, cfg.password.warnDays);
}

const pickProfile = (src: any) => {
  const out: PasswordOwner = {};
  for (const key of ['email', 'firstname', 'lastname', 'username'] as const) {
    if (src && typeof src[key] === 'string') out[key] = key === 'email' ? src[key].toLowerCase() : src[key];
  }
  return out;
};

/**
 * Wraps the admin user service (the layer every Strapi route and script uses) so no password is
 * stored without the policy and every change is recorded. Query-level writes receive a bcrypt hash,
 * so the policy cannot be checked there; Strapi itself never writes passwords at that level.
 */
export function wrapUserService(strapi: Core.Strapi): void {
  const service = strapi.service('admin::user') as any;
  if (!service || service.__ppidPasswordPolicy) return;
  const original = {
    create: service.create,
    createFirstAdmin: service.createFirstAdmin,
    updateById: service.updateById,
    resetPasswordByEmail: service.resetPasswordByEmail,
  };

  service.create = async (attributes: any) => {
    const hasPassword = attributes && Object.prototype.hasOwnProperty.call(attributes, 'password');
    if (hasPassword) await assertPasswordAllowed(strapi, attributes.password, pickProfile(attributes));
    const user = await original.create(attributes);
    if (hasPassword && user) await recordPasswordChange(strapi, user, null, 'set');
    return user;
  };

  service.createFirstAdmin = async (attributes: any) => {
    await assertPasswordAllowed(strapi, attributes?.password, pickProfile(attributes));
    const user = await original.createFirstAdmin(attributes);
    if (user) await recordPasswordChange(strapi, user, null, 'set');
    return user;
  };

  service.updateById = async (id: any, attributes: any) => {
    if (!attributes || !Object.prototype.hasOwnProperty.call(attributes, 'password')) return original.updateById(id, attributes);
    const current = await findUserWithPassword(strapi, id);
    if (current) await assertPasswordAllowed(strapi, attributes.password, { ...current, ...pickProfile(attributes) });
    const updated = await original.updateById(id, attributes);
    // A first password (accepting an invitation) is "set", not "changed".
    if (updated && current) await recordPasswordChange(strapi, updated, current.password, current.password ? 'changed' : 'set');
    return updated;
  };

  service.resetPasswordByEmail = async (email: string, password: string) => {
    const current = await strapi.db.query('admin::user').findOne({ where: { email } });
    if (current) await assertPasswordAllowed(strapi, password, current);
    await original.resetPasswordByEmail(email, password);
    if (current) await recordPasswordChange(strapi, { id: current.id, email: current.email }, current.password, 'changed');
  };

  service.__ppidPasswordPolicy = true;
}

/**
 * Route middlewares for Strapi's own password routes (PUT /users/me, POST /users, PUT /users/:id):
 * the policy answers before the controller runs, so a refused password changes nothing (Strapi's
 * /users/me would otherwise end every session of the user before the service refuses).
 */
export function passwordPrecheck(strapi: Core.Strapi, target: 'me' | 'create' | 'update') {
  return async (ctx: any, next: () => Promise<unknown>) => {
    const body = ctx.request.body ?? {};
    if (typeof body.password !== 'string' || body.password === '') return next();
    let owner: PasswordOwner;
    if (target === 'create') owner = pickProfile(body);
    else {
      const id = target === 'me' ? ctx.state.user?.id : ctx.params?.id;
      const current = id ? await findUserWithPassword(strapi, id) : null;
      if (!current) return next();
      owner = { ...current, ...pickProfile(body) };
    }
    await assertPasswordAllowed(strapi, body.password, owner);
    return withPrechecked(body.password, () => next() as Promise<unknown>);
  };
}
