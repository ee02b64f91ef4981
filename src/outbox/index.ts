import { ensureIndex } from '../db/indexes';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { NOTICE_UID } from './queue';
import { outboxRoutes } from './routes';

const REFUSAL =
  'Notifikasi kotak keluar hanya ditulis oleh sistem. Untuk mengirim ulang notifikasi yang gagal, gunakan "antrekan ulang" (POST /ppid/notifications/:id/retry).';

/**
 * register(): the notice type is read-only in the Content Manager (super admins see it; no SOP role
 * is granted it, and it has no content-API route), and the super admin's HTTP API is mounted.
 * The outbox itself writes through the query engine, below the Document Service.
 */
export function registerOutbox(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const reads = ['findOne', 'findMany', 'findFirst', 'count'];
    if (ctx.uid === NOTICE_UID && !reads.includes(ctx.action)) throw new errors.ForbiddenError(REFUSAL);
    return next();
  });
  // Strapi's public server API for routes of the admin type (admin JWT, admin policies).
  strapi.server.routes(outboxRoutes(strapi) as any);
}

/**
 * bootstrap(): the sender reads due notices by (statusKirim, cobaLagiPada); the idempotency key gets a
 * real unique index (Strapi's `unique` attribute is only checked by the Document Service, and the
 * outbox writes below it). Idempotent; created here because the table exists only after Strapi's
 * schema sync.
 */
export async function bootstrapOutbox(strapi: Core.Strapi): Promise<void> {
  await ensureIndex(strapi, NOTICE_UID, { name: 'kunci_uq', attributes: ['kunciIdempotensi'], unique: true });
  await ensureIndex(strapi, NOTICE_UID, { name: 'due_idx', attributes: ['statusKirim', 'cobaLagiPada'] });
  await restrictToSuperAdmin(strapi);
}

/**
 * Only the super admin reads the outbox (it holds every address the office mails). Strapi gives its
 * default Editor and Author roles every content type on a fresh install, and an admin could grant it
 * to a role in the panel: every start removes such grants. The super admin's own permissions are
 * Strapi's to manage (it always holds all of them).
 */
export async function restrictToSuperAdmin(strapi: Core.Strapi): Promise<void> {
  const grants = await strapi.db.query('admin::permission').findMany({ where: { subject: NOTICE_UID }, populate: ['role'] });
  const foreign = grants.filter((p: any) => p.role?.code !== 'strapi-super-admin').map((p: any) => p.id);
  if (foreign.length > 0) await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: foreign } } });
}
