import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE_LABELS } from './engine';
import type { WorkflowRegistry } from './registry';
import { actorOf, type AdminUser, type WorkflowService } from './service';
import { systemReason } from './system-context';
import type { WorkflowDefinition } from './types';
import { afterItemsSaved, planItemSteps, type ItemStep } from './items';
import { localDateOf } from './calendar';
import type { CalendarSource } from './calendar-source';
import type { PpidConfig } from '../config/ppid-config';

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
/** Attributes whose change is not an edit of the content itself. */
const NOT_CONTENT = new Set(['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations']);

function currentAdmin(strapi: Core.Strapi): AdminUser | null {
  const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
  // Content-API users (users-permissions) carry no admin roles; only admins act in workflows.
  return user && Array.isArray(user.roles) ? user : null;
}

function allowedStepsText(def: WorkflowDefinition, state: string): string {
  const steps = def.transitions
    .filter((t) => (Array.isArray(t.from) ? t.from : [t.from]).includes(state))
    .map((t) => `"${t.label}" (${t.roles.map((r) => ROLE_LABELS[r] ?? r).join(' atau ')})`);
  return steps.length ? `Langkah yang mungkin: ${steps.join(', ')}.` : 'Tidak ada langkah lanjutan dari status ini.';
}

function directStateChangeRefusal(def: WorkflowDefinition, current: string) {
  const label = def.states[current]?.label ?? current;
  return new errors.ApplicationError(
    `Status alur tidak dapat diubah langsung; gunakan tombol langkah alur kerja. Status saat ini: "${label}". ${allowedStepsText(def, current)}`,
    { code: 'WORKFLOW_STATE_READONLY', state: current },
  );
}

/** Scalar and media values as comparable strings; relation operations count as a change when they do something. */
function normalise(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => (v && typeof v === 'object' && 'id' in v ? (v as any).id : v)));
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('connect' in v || 'disconnect' in v || 'set' in v) {
      const ops = ['connect', 'disconnect', 'set'].map((k) => (Array.isArray(v[k]) ? (v[k] as unknown[]).length : 0));
      return ops.some((n) => n > 0) ? 'relation-change' : '';
    }
    if ('id' in v) return String(v.id);
    return JSON.stringify(value);
  }
  return String(value);
}

/** True when the write changes the content (not just re-saves it as the Publish button does). */
function changesContent(current: Record<string, any>, data: Record<string, any>, field: string): boolean {
  return Object.entries(data).some(([key, value]) => {
    if (key === field || NOT_CONTENT.has(key)) return false;
    if (!(key in current)) return normalise(value) !== '';
    const before = current[key];
    // Datetimes arrive as strings and are stored as dates: compare instants, not spellings.
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && before) {
      return new Date(value).getTime() !== new Date(before).getTime();
    }
    return normalise(value) !== normalise(before);
  });
}

/**
 * The workflow's enforcement point for every write, whatever the caller (Content Manager, REST,
 * scripts): the state field is set only by the workflow service; a new document starts in its
 * initial state; editing an approved document sends it back; publishing needs an approved state.
 */
export function workflowMiddleware(strapi: Core.Strapi, registry: WorkflowRegistry, service: WorkflowService, calendars: CalendarSource) {
  const config = () => strapi.config.get('ppid') as PpidConfig;

  /** Checks item steps before the write; returns what to record after it. */
  async function planItems(def: WorkflowDefinition, documentId: string | null, data: Record<string, any>, user: AdminUser | null, system: boolean) {
    const plans: { items: NonNullable<WorkflowDefinition['items']>[number]; steps: ItemStep[] }[] = [];
    for (const items of def.items ?? []) {
      if (!Array.isArray(data[items.field])) continue;
      const before = documentId
        ? ((await strapi.db.query(def.uid as any).findOne({ where: { documentId }, populate: [items.field] }))?.[items.field] ?? [])
        : [];
      const calendar = await calendars.get();
      const today = localDateOf(new Date(), calendar);
      const steps = system ? [] : planItemSteps(items, before, data[items.field], user ? actorOf(user) : null, today);
      plans.push({ items, steps });
    }
    return plans;
  }

  async function recordItems(def: WorkflowDefinition, documentId: string, plans: Awaited<ReturnType<typeof planItems>>, actor: { id: number; email: string } | null) {
    for (const { items, steps } of plans) {
      await afterItemsSaved(strapi, def, items, documentId, steps, actor, await calendars.get(), {
        utcOffsetMinutes: config().calendar.utcOffsetMinutes,
        atRiskShare: config().sla.atRiskShare,
      });
    }
  }

  return async (ctx: any, next: () => Promise<any>) => {
    const def = registry.byUid.get(ctx.uid);
    if (!def || READ_ACTIONS.has(ctx.action)) return next();
    const system = systemReason() !== null;
    const params = ctx.params ?? {};
    const data: Record<string, any> = params.data ?? {};
    const user = currentAdmin(strapi);
    const actor = user ? { id: user.id, email: user.email } : null;

    const startNew = async () => {
      if (!system && data[def.field] !== undefined && data[def.field] !== def.initial) {
        throw directStateChangeRefusal(def, def.initial);
      }
      const initial = system && data[def.field] ? data[def.field] : def.initial;
      const itemPlans = await planItems(def, null, data, user, system);
      params.data = { ...data, [def.field]: initial };
      const result = await next();
      if (result?.documentId) {
        await service.recordCreated(def, result.documentId, result.locale ?? null, initial, actor);
        await recordItems(def, result.documentId, itemPlans, actor);
      }
      return result;
    };

    switch (ctx.action) {
      case 'create':
        return startNew();

      case 'update': {
        const current = await service.loadRow(def, params.documentId, params.locale);
        // Updating a locale that does not exist yet creates that translation: it starts its own workflow.
        if (!current) return def.perLocale ? startNew() : next();
        const state: string = current[def.field];
        if (!system && data[def.field] !== undefined && data[def.field] !== state) throw directStateChangeRefusal(def, state);
        if (!system) delete data[def.field];
        const sendBackTo = def.onEditFrom?.[state];
        const sendBack = !system && sendBackTo && changesContent(current, data, def.field);
        const itemPlans = await planItems(def, params.documentId, data, user, system);
        const result = await next();
        await recordItems(def, params.documentId, itemPlans, actor);
        if (sendBack) {
          await service.transition(def.name, params.documentId, params.locale, user ? { user } : { system: 'edit' }, {
            to: sendBackTo,
            note: 'Isi diubah setelah disetujui; perlu persetujuan ulang.',
            force: false,
          }).catch((error: Error) => {
            throw new errors.ApplicationError(error.message);
          });
        }
        return result;
      }

      case 'publish': {
        if (!def.publishableStates || system) return next();
        const locales: (string | undefined)[] =
          params.locale === '*' || Array.isArray(params.locale) ? await localesOf(def, params.documentId, params.locale) : [params.locale];
        for (const locale of locales) {
          const row = await service.loadRow(def, params.documentId, locale);
          if (!row) continue;
          const state: string = row[def.field];
          if (!def.publishableStates.includes(state)) {
            const label = def.states[state]?.label ?? state;
            throw new errors.ApplicationError(
              `Dokumen belum disetujui Koordinator sehingga tidak dapat diterbitkan${locale ? ` (bahasa ${locale})` : ''}. Status saat ini: "${label}". ${allowedStepsText(def, state)}`,
              { code: 'WORKFLOW_NOT_APPROVED', state, actor: user ? actorOf(user).roles : [] },
            );
          }
        }
        return next();
      }

      case 'discardDraft': {
        const locales = def.perLocale ? [params.locale ?? 'id'] : [null];
        const before = await Promise.all(locales.map(async (l) => (await service.loadRow(def, params.documentId, l))?.[def.field]));
        const result = await next();
        for (const [i, locale] of locales.entries()) {
          const after = (await service.loadRow(def, params.documentId, locale))?.[def.field];
          if (before[i] && after && before[i] !== after) {
            await service.recordRestoredState(def, params.documentId, locale, before[i], after, actor);
          }
        }
        return result;
      }

      case 'delete': {
        const result = await next();
        const locales = def.perLocale ? [params.locale ?? 'id'] : [null];
        for (const locale of locales) await service.documentDeleted(def, params.documentId, locale);
        return result;
      }

      default:
        return next();
    }
  };

  async function localesOf(def: WorkflowDefinition, documentId: string, requested: unknown): Promise<string[]> {
    if (Array.isArray(requested)) return requested as string[];
    const rows = await strapi.db.query(def.uid as any).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
    return rows.map((r: { locale: string }) => r.locale);
  }
}
