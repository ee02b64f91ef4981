import type { Core } from '@strapi/strapi';
import type { WorkflowService, AdminUser } from './service';
import type { WorkflowDefinition } from './types';
import type { WorkflowRegistry } from './registry';
import { WorkflowError } from './service';

/** Strapi's error body, so the admin panel and scripts read refusals the usual way. */
function fail(ctx: any, status: number, message: string, details: Record<string, unknown> = {}) {
  const names: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 422: 'UnprocessableEntityError' };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'ApplicationError', message, details } };
}

async function respond(ctx: any, work: () => Promise<unknown>) {
  try {
    ctx.body = { data: await work() };
  } catch (error) {
    if (error instanceof WorkflowError) return fail(ctx, error.status, error.message, error.details);
    throw error;
  }
}

function canRead(ctx: any, uid: string): boolean {
  return Boolean(ctx.state.userAbility?.can('plugin::content-manager.explorer.read', uid));
}

const READ_ACTION = 'plugin::content-manager.explorer.read';

/**
 * Row-level access: when the user's read grant carries RBAC conditions (a Kepala Bidang's own
 * unit), the document itself must satisfy them, checked the way the Content Manager does (its
 * relations populated to ids, tested with the user's ability). A document the user cannot open in
 * the Content Manager has no workflow for them either.
 */
async function canReadDocument(strapi: Core.Strapi, service: WorkflowService, ctx: any, def: WorkflowDefinition, documentId: string, locale: string | null): Promise<boolean> {
  const ability = ctx.state.userAbility;
  if (!ability?.can(READ_ACTION, def.uid)) return false;
  const rules: any[] = typeof ability.rulesFor === 'function' ? ability.rulesFor(READ_ACTION, def.uid) : [];
  if (!rules.some((r) => r.conditions && Object.keys(r.conditions).length > 0)) return true;
  const ref = service.refOf(def, documentId, locale);
  const attributes = (strapi.contentType(def.uid as any) as any).attributes as Record<string, any>;
  const populate = Object.fromEntries(
    Object.entries(attributes).filter(([, a]) => a.type === 'relation' && a.target !== 'admin::user').map(([name]) => [name, { select: ['id'] }]),
  );
  const row = await strapi.db.query(def.uid as any).findOne({ where: { documentId, ...(ref.locale ? { locale: ref.locale } : {}) }, populate });
  if (!row) return true; // the service answers 404
  const manager = (strapi.service('admin::permission') as any).createPermissionsManager({ ability, model: def.uid });
  return Boolean(ability.can(READ_ACTION, manager.toSubject(row, def.uid)));
}

/**
 * Admin API (admin JWT): GET the workflow of one document, POST a transition.
 * `:type` is the singular name (e.g. nota-permintaan); `?locale=` selects the translation of
 * localized types (default id).
 */
export function workflowRoutes(service: WorkflowService, registry: WorkflowRegistry, strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  return {
    type: 'admin',
    prefix: '/ppid',
    routes: [
      {
        // The admin panel learns from here which types have a workflow and what their states are
        // called: the definitions stay the one source.
        method: 'GET',
        path: '/workflow-types',
        config: { policies },
        handler: async (ctx: any) => {
          ctx.body = {
            data: [...registry.byUid.values()]
              .filter((def) => canRead(ctx, def.uid))
              .map((def) => ({
                uid: def.uid,
                name: def.name,
                perLocale: Boolean(def.perLocale),
                field: def.field,
                states: Object.entries(def.states).map(([name, state]) => ({ name, label: state.label, final: Boolean(state.final) })),
              })),
          };
        },
      },
      {
        method: 'GET',
        path: '/workflow/:type/:documentId',
        config: { policies },
        handler: async (ctx: any) => {
          const user = ctx.state.user as AdminUser;
          await respond(ctx, async () => {
            const def = service.definitionByName(ctx.params.type);
            if (!canRead(ctx, def.uid)) throw new WorkflowError(403, 'Anda tidak memiliki akses baca ke jenis konten ini.');
            if (!(await canReadDocument(strapi, service, ctx, def, ctx.params.documentId, ctx.query.locale ?? null))) {
              throw new WorkflowError(403, 'Dokumen ini di luar unit kerja Anda.', { code: 'OUTSIDE_OWN_UNIT' });
            }
            return service.status(ctx.params.type, ctx.params.documentId, ctx.query.locale ?? null, user);
          });
        },
      },
      {
        method: 'POST',
        path: '/workflow/:type/:documentId/transitions',
        config: { policies },
        handler: async (ctx: any) => {
          const user = ctx.state.user as AdminUser;
          const body = ctx.request.body ?? {};
          const problems: string[] = [];
          if (typeof body.to !== 'string' || body.to.trim() === '') problems.push('"to" (status tujuan) wajib diisi.');
          if (body.note !== undefined && body.note !== null && (typeof body.note !== 'string' || body.note.length > 5000)) {
            problems.push('"note" harus berupa teks paling banyak 5000 karakter.');
          }
          if (body.force !== undefined && typeof body.force !== 'boolean') problems.push('"force" harus true atau false.');
          if (body.from !== undefined && body.from !== null && typeof body.from !== 'string') problems.push('"from" harus berupa nama status.');
          if (problems.length) return fail(ctx, 400, `Permintaan tidak valid: ${problems.join(' ')}`);
          await respond(ctx, async () => {
            const def = service.definitionByName(ctx.params.type);
            if (!canRead(ctx, def.uid)) throw new WorkflowError(403, 'Anda tidak memiliki akses ke jenis konten ini.');
            if (!(await canReadDocument(strapi, service, ctx, def, ctx.params.documentId, ctx.query.locale ?? null))) {
              throw new WorkflowError(403, 'Dokumen ini di luar unit kerja Anda.', { code: 'OUTSIDE_OWN_UNIT' });
            }
            return service.transition(ctx.params.type, ctx.params.documentId, ctx.query.locale ?? null, { user }, {
              to: body.to.trim(),
              from: body.from ?? null,
              note: body.note ?? null,
              force: body.force === true,
              ip: ctx.request.ip,
            });
          });
        },
      },
    ],
  };
}
