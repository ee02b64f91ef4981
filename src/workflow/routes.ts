import type { WorkflowService, AdminUser } from './service';
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

/**
 * Admin API (admin JWT): GET the workflow of one document, POST a transition.
 * `:type` is the singular name (e.g. nota-permintaan); `?locale=` selects the translation of
 * localized types (default id).
 */
export function workflowRoutes(service: WorkflowService, registry: WorkflowRegistry) {
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
