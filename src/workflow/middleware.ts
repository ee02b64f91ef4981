import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextStepsText, rolesText } from './engine';
import type { WorkflowRegistry } from './registry';
import { appendAuditEvent } from '../audit/trail';
import { actorOf, SYSTEM_ACTOR, type AdminUser, type WorkflowService } from './service';
import { systemReason } from './system-context';
import type { WorkflowDefinition } from './types';
import { afterItemsSaved, planItemSteps, type ItemStep } from './items';
import { localDateOf } from './calendar';
import type { CalendarSource } from './calendar-source';
import { dropSlaFields } from './sla-fields';
import type { PpidConfig } from '../config/ppid-config';

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

function currentAdmin(strapi: Core.Strapi): AdminUser | null {
  const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
  // Content-API users (users-permissions) carry no admin roles; only admins act in workflows.
  return user && Array.isArray(user.roles) ? user : null;
}

function directStateChangeRefusal(def: WorkflowDefinition, current: string) {
  const label = def.states[current]?.label ?? current;
  return new errors.ApplicationError(
    `Status alur tidak dapat diubah langsung; gunakan tombol langkah alur kerja. Status saat ini: "${label}". ${nextStepsText(def, current)}`,
    { code: 'WORKFLOW_STATE_READONLY', state: current },
  );
}

/** " oleh Koordinator": who can approve a version for publication, from the definition. */
function approversText(def: WorkflowDefinition): string {
  const roles = [...new Set(def.transitions.filter((t) => def.publishableStates?.includes(t.to)).flatMap((t) => t.roles))];
  return roles.length ? ` oleh ${rolesText(def, roles)}` : '';
}

/** Document Service params as this middleware reads them. */
interface WriteParams {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, any>;
}

/**
 * The workflow's enforcement point for every write, whatever the caller (Content Manager, REST,
 * API tokens, scripts): the state field is set only by the workflow service; a new or cloned
 * document starts in its initial state; a change to approved content sends every affected locale
 * back for approval; a version goes online only if it is the approved one. Each write and all of
 * its workflow consequences run in one transaction: a refusal anywhere leaves nothing behind.
 */
export function workflowMiddleware(strapi: Core.Strapi, registry: WorkflowRegistry, service: WorkflowService, calendars: CalendarSource) {
  const config = () => strapi.config.get('ppid') as PpidConfig;
  const { versions } = service;

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

  const isDraftAndPublish = (def: WorkflowDefinition) => Boolean((strapi.contentType(def.uid as any) as any).options?.draftAndPublish);

  /** Draft rows (one per locale) of a document, with their states. */
  async function draftRows(def: WorkflowDefinition, documentId: string): Promise<{ locale: string | null; state: string }[]> {
    const where: Record<string, unknown> = { documentId };
    if (isDraftAndPublish(def)) where.publishedAt = null;
    const rows = await strapi.db.query(def.uid as any).findMany({ where, select: ['locale', def.field] });
    return rows.map((r: any) => ({ locale: def.perLocale ? r.locale : null, state: r[def.field] }));
  }

  /**
   * After any write: every locale whose state is an approval but whose content is no longer the
   * approved version goes back for approval. Covers a shared field edited from another locale
   * (Strapi copies it into every locale), a discarded draft that re-synced shared fields, and
   * anything else that changed the row, whoever did it.
   */
  async function reconcileApprovals(def: WorkflowDefinition, documentId: string, actor: { id: number; email: string } | null, editedLocale: string | null) {
    if (!def.onEditFrom) return;
    for (const { locale, state } of await draftRows(def, documentId)) {
      const target = def.onEditFrom[state];
      if (!target) continue;
      const [current, approved] = await Promise.all([
        versions.draftFingerprint(def, documentId, locale),
        versions.approvedFingerprint(def, documentId, locale, state),
      ]);
      if (current !== null && current === approved) continue;
      const where = editedLocale && locale && editedLocale !== locale ? ` (melalui data bersama yang diubah dari bahasa ${editedLocale})` : '';
      await service.sendBackForApproval(def, documentId, locale, state, target, actor, `Isi diubah setelah disetujui${where}; perlu persetujuan ulang.`);
    }
  }

  function notApproved(def: WorkflowDefinition, locale: string | null, state: string, reason: 'state' | 'changed', user: AdminUser | null) {
    const label = def.states[state]?.label ?? state;
    const inLocale = locale ? ` (bahasa ${locale})` : '';
    const approver = approversText(def);
    const message =
      reason === 'state'
        ? `Dokumen${inLocale} belum disetujui${approver} sehingga tidak dapat diterbitkan. Status saat ini: "${label}". ${nextStepsText(def, state)}`
        : `Isi dokumen${inLocale} berubah sejak disetujui${approver} sehingga tidak dapat diterbitkan; ajukan persetujuan ulang.`;
    return new errors.ApplicationError(message, {
      code: reason === 'state' ? 'WORKFLOW_NOT_APPROVED' : 'WORKFLOW_VERSION_CHANGED',
      state,
      locale,
      actor: user ? actorOf(user).roles : [],
    });
  }

  /** True when this locale's draft is in a publishable state and is exactly the approved version. */
  async function approvedVersionOf(def: WorkflowDefinition, documentId: string, locale: string | null): Promise<{ ok: true } | { ok: false; state: string; reason: 'state' | 'changed' } | null> {
    const row = await service.loadRow(def, documentId, locale);
    if (!row) return null;
    const state: string = row[def.field];
    if (!def.publishableStates!.includes(state)) return { ok: false, state, reason: 'state' };
    const [current, approved] = await Promise.all([
      versions.draftFingerprint(def, documentId, locale),
      versions.approvedFingerprint(def, documentId, locale, state),
    ]);
    return current !== null && current === approved ? { ok: true } : { ok: false, state, reason: 'changed' };
  }

  /**
   * Publishing a locale copies its shared fields into every other published locale (Strapi's i18n
   * sync). Each published locale whose shared fields would change must be approved with them too;
   * it is then published along with it, so its public version stays one the Koordinator approved.
   */
  async function localesToPublish(def: WorkflowDefinition, documentId: string, requested: string[], user: AdminUser | null): Promise<string[]> {
    const locales = [...requested];
    for (const locale of requested) {
      const check = await approvedVersionOf(def, documentId, locale);
      if (check && !check.ok) throw notApproved(def, locale, check.state, check.reason, user);
    }
    if (!def.perLocale || locales.length === 0) return locales;
    const source = await versions.draftVersion(def, documentId, locales[0]);
    if (!source) return locales;
    const shared = versions.sharedFingerprint(source.version);
    const published = await strapi.db.query(def.uid as any).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] });
    for (const { locale } of published as { locale: string }[]) {
      if (locales.includes(locale)) continue;
      const live = await versions.publishedVersion(def, documentId, locale);
      if (!live || versions.sharedFingerprint(live.version) === shared) continue;
      const check = await approvedVersionOf(def, documentId, locale);
      if (!check || !check.ok) {
        const label = check ? def.states[check.state]?.label ?? check.state : 'tidak ada draf';
        throw new errors.ApplicationError(
          `Data bersama (berlaku untuk semua bahasa) berubah, dan versi bahasa ${locale} yang sudah terbit akan ikut berubah. Setujui juga versi bahasa ${locale} (status saat ini: "${label}"), lalu terbitkan lagi.`,
          { code: 'WORKFLOW_SHARED_NOT_APPROVED', locale },
        );
      }
      locales.push(locale);
    }
    return locales;
  }

  async function requestedLocales(def: WorkflowDefinition, documentId: string, requested: unknown): Promise<string[]> {
    if (!def.perLocale) return [];
    if (Array.isArray(requested)) return requested as string[];
    if (requested === '*') {
      const rows = await draftRows(def, documentId);
      return rows.map((r) => r.locale as string);
    }
    return [typeof requested === 'string' && requested ? requested : defaultLocale()];
  }

  const defaultLocale = () => 'id';

  /** `create`/`update` with `status: 'published'` publish inside the repository, past this middleware: route it through `publish`. */
  async function publishAfterWrite(def: WorkflowDefinition, result: any, locale: unknown) {
    const published = await (strapi.documents(def.uid as any) as any).publish({ documentId: result.documentId, locale: locale ?? result.locale });
    return published?.entries?.[0] ?? result;
  }

  async function handle(def: WorkflowDefinition, ctx: any, next: () => Promise<any>) {
    const system = systemReason() !== null;
    const params: WriteParams = (ctx.params ??= {});
    const data: Record<string, any> = params.data ?? {};
    // The SLA instants on the row are the engine's copy of its timer: never taken from a writer.
    dropSlaFields(data);
    const user = currentAdmin(strapi);
    const actor = user ? { id: user.id, email: user.email } : null;
    const publishRequested = isDraftAndPublish(def) && params.status === 'published';
    if (publishRequested) delete params.status;

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
      return publishRequested && result?.documentId ? publishAfterWrite(def, result, params.locale) : result;
    };

    switch (ctx.action) {
      case 'create':
        return startNew();

      case 'clone': {
        // A copy is a new document: it starts at the beginning, whatever state its source was in.
        params.data = { ...data, [def.field]: def.initial };
        const result = await next();
        for (const entry of result?.entries ?? []) {
          await service.recordCreated(def, entry.documentId, def.perLocale ? entry.locale : null, def.initial, actor);
        }
        return result;
      }

      case 'update': {
        const locale = typeof params.locale === 'string' ? params.locale : null;
        const current = await service.loadRow(def, params.documentId!, locale);
        // Updating a locale that does not exist yet creates that translation: it starts its own workflow.
        if (!current) return def.perLocale ? startNew() : next();
        const state: string = current[def.field];
        if (!system && data[def.field] !== undefined && data[def.field] !== state) throw directStateChangeRefusal(def, state);
        if (!system) delete data[def.field];
        const itemPlans = await planItems(def, params.documentId!, data, user, system);
        const result = await next();
        await recordItems(def, params.documentId!, itemPlans, actor);
        if (!system) await reconcileApprovals(def, params.documentId!, actor, def.perLocale ? locale ?? defaultLocale() : null);
        return publishRequested && result?.documentId ? publishAfterWrite(def, result, params.locale) : result;
      }

      case 'publish': {
        if (!def.publishableStates) return next();
        const requested = await requestedLocales(def, params.documentId!, params.locale);
        if (!def.perLocale) {
          const check = await approvedVersionOf(def, params.documentId!, null);
          if (check && !check.ok) throw notApproved(def, null, check.state, check.reason, user);
          return next();
        }
        const locales = await localesToPublish(def, params.documentId!, requested, user);
        if (locales.length > requested.length) params.locale = locales;
        return next();
      }

      case 'discardDraft': {
        const locales = await requestedLocales(def, params.documentId!, params.locale);
        const scope = def.perLocale ? locales : [null];
        const before = await Promise.all(scope.map(async (l) => (await service.loadRow(def, params.documentId!, l))?.[def.field]));
        const result = await next();
        for (const [i, locale] of scope.entries()) {
          const after = (await service.loadRow(def, params.documentId!, locale))?.[def.field];
          if (!before[i] || !after) continue;
          // The restored draft is the online version, which went online only as an approved one:
          // recorded with its fingerprint, also when the state name did not change.
          const restoredOtherVersion =
            def.publishableStates?.includes(after) &&
            (await versions.draftFingerprint(def, params.documentId!, locale)) !== (await versions.approvedFingerprint(def, params.documentId!, locale, after));
          if (before[i] !== after || restoredOtherVersion) {
            await service.recordRestoredState(def, params.documentId!, locale, before[i], after, actor);
          } else {
            // The restored row brought the SLA instants it was published with: the running timer's again.
            await service.syncSlaFields(def, params.documentId!, locale);
          }
        }
        // Restoring one locale re-copies its shared fields into the others' drafts.
        if (!system) await reconcileApprovals(def, params.documentId!, actor, scope[0]);
        return result;
      }

      case 'unpublish': {
        const locales = await requestedLocales(def, params.documentId!, params.locale);
        const result = await next();
        for (const entry of result?.entries ?? []) {
          await appendAuditEvent(strapi, {
            kategori: 'transisi',
            peristiwa: 'ditarik',
            jenisKonten: def.uid,
            dokumenId: params.documentId!,
            locale: def.perLocale ? entry.locale ?? locales[0] ?? null : null,
            aktorId: actor?.id ?? null,
            aktorEmail: actor?.email ?? SYSTEM_ACTOR.email,
            catatan: 'Versi terbit ditarik dari publik.',
          });
        }
        return result;
      }

      case 'delete': {
        const locales = await requestedLocales(def, params.documentId!, params.locale);
        const result = await next();
        for (const locale of def.perLocale ? locales : [null]) await service.documentDeleted(def, params.documentId!, locale);
        return result;
      }

      default:
        return next();
    }
  }

  return async (ctx: any, next: () => Promise<any>) => {
    const def = registry.byUid.get(ctx.uid);
    if (!def || READ_ACTIONS.has(ctx.action)) return next();
    // Strapi's repository runs each action in a transaction of its own, but the work a middleware
    // does after next() would commit separately: hold the write and its consequences together.
    return strapi.db.transaction(() => handle(def, ctx, next));
  };
}
