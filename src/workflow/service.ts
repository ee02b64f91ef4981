import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { appendAuditEvent, AUDIT_UID } from '../audit/trail';
import type { AuditEventInput } from '../audit/chain';
import type { CalendarSource } from './calendar-source';
import { availableTransitions, decide } from './engine';
import { failedGuard } from './guards';
import type { WorkflowRegistry } from './registry';
import { timerStatus } from './sla';
import { closeOpenTimers, findOpenTimer, openTimer, type TimerKey } from './timers';
import type { Actor, WorkflowDefinition } from './types';
import { createVersionReader } from './versions';
import { createTransitionEvents, type TransitionEvent } from './events';
import { hasSlaFields, SLA_AT_RISK_FIELD, SLA_DUE_FIELD } from './sla-fields';

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** An admin user as Strapi's admin auth puts it on ctx.state.user (roles populated). */
export interface AdminUser {
  id: number;
  email: string;
  roles?: { code: string }[];
}

/** The workflow acting on its own (scheduled publishing, sweeps): holds every role. */
export const SYSTEM_ACTOR: Actor & { email: string } = { id: 0, roles: [], isSuperAdmin: false, email: 'sistem' };

export class WorkflowError extends Error {
  constructor(
    public readonly status: 403 | 404 | 409 | 422,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

const STATUS_OF_REFUSAL: Record<string, 403 | 422> = {
  FORBIDDEN_ROLE: 403,
  SEPARATION_OF_DUTIES: 403,
  FORCE_NOT_ALLOWED: 403,
  ILLEGAL_TRANSITION: 422,
  NOTE_REQUIRED: 422,
  FORCE_REASON_REQUIRED: 422,
  UNKNOWN_STATE: 422,
};

function stateChanged(def: WorkflowDefinition, current: string | null) {
  const label = current ? def.states[current]?.label ?? current : 'dihapus';
  return new WorkflowError(409, `Status dokumen sudah berubah menjadi "${label}" oleh pengguna lain. Muat ulang halaman lalu coba lagi.`, {
    code: 'STATE_CHANGED',
    state: current,
  });
}

export function actorOf(user: AdminUser): Actor {
  const codes = (user.roles ?? []).map((r) => r.code);
  return { id: user.id, roles: codes, isSuperAdmin: codes.includes(SUPER_ADMIN_CODE) };
}

interface DocumentRef {
  def: WorkflowDefinition;
  documentId: string;
  locale: string | null;
}

/**
 * Who is responsible for a waiting state of one document, when the definition's roles are too
 * broad (e.g. only the Kabids of a memo's target units, only the person who submitted an entry).
 * Returns role codes and/or `email:` addresses (see notify.ts).
 */
export type ResponsibleResolver = (input: { documentId: string; locale: string | null; state: string; responsible: string[] }) => Promise<string[]>;

/** Extra, type-specific facts the status endpoint shows beside the state (e.g. a memo's receipts). */
export type StatusExtension = (input: { documentId: string; locale: string | null; state: string }) => Promise<Record<string, unknown>>;

export function createWorkflowService(strapi: Core.Strapi, registry: WorkflowRegistry, calendars: CalendarSource) {
  const config = () => strapi.config.get('ppid') as PpidConfig;
  const resolvers = new Map<string, ResponsibleResolver>();
  const extensions = new Map<string, StatusExtension>();
  const versions = createVersionReader(strapi, (def, documentId, locale) => stateRowWhere(refOf(def, documentId, locale)));
  const events = createTransitionEvents(strapi.log);

  /** Listeners hear of a change only once it is committed (after the outermost transaction). */
  async function announce(event: TransitionEvent) {
    if (strapi.db.inTransaction()) {
      // Joins the caller's transaction only to queue the announcement for its commit.
      await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void events.publish(event)));
      return;
    }
    await events.publish(event);
  }

  function definitionByName(name: string): WorkflowDefinition {
    const def = registry.byName.get(name);
    if (!def) throw new WorkflowError(404, `Jenis konten "${name}" tidak memiliki alur kerja.`);
    return def;
  }

  function refOf(def: WorkflowDefinition, documentId: string, locale?: string | null): DocumentRef {
    return { def, documentId, locale: def.perLocale ? locale || 'id' : null };
  }

  function timerKey(ref: DocumentRef): TimerKey {
    return { jenisKonten: ref.def.uid, dokumenId: ref.documentId, locale: ref.locale };
  }

  /**
   * The row that carries the state: the draft row for Draft & Publish types. The published row
   * keeps the state its version was published in, so discarding a draft restores both.
   */
  function stateRowWhere(ref: DocumentRef): Record<string, unknown> {
    const where: Record<string, unknown> = { documentId: ref.documentId };
    if (ref.locale) where.locale = ref.locale;
    if ((strapi.contentType(ref.def.uid as any) as any).options?.draftAndPublish) where.publishedAt = null;
    return where;
  }

  async function loadRow(ref: DocumentRef) {
    return strapi.db.query(ref.def.uid as any).findOne({ where: stateRowWhere(ref), populate: ['createdBy'] });
  }

  async function requireRow(ref: DocumentRef) {
    const row = await loadRow(ref);
    if (!row) {
      throw new WorkflowError(404, `Dokumen ${ref.documentId}${ref.locale ? ` (${ref.locale})` : ''} tidak ditemukan.`);
    }
    return row;
  }

  async function startState(ref: DocumentRef, state: string, at: Date) {
    const stateDef = ref.def.states[state];
    if (!stateDef?.sla) return;
    const resolver = resolvers.get(ref.def.name);
    const responsible = resolver
      ? await resolver({ documentId: ref.documentId, locale: ref.locale, state, responsible: stateDef.responsible ?? [] })
      : stateDef.responsible ?? [];
    await openTimer(
      strapi,
      timerKey(ref),
      { name: state, label: stateDef.label, sla: stateDef.sla, responsible },
      at,
      await calendars.get(),
      config().sla.atRiskShare,
    );
  }

  /** Copies the running timer's instants onto the state row (list-view sort and filter), in the caller's transaction. */
  async function syncSlaFields(ref: DocumentRef) {
    if (!hasSlaFields(strapi, ref.def.uid)) return;
    const timer = await findOpenTimer(strapi, timerKey(ref));
    await strapi.db.query(ref.def.uid as any).updateMany({
      where: stateRowWhere(ref),
      data: { [SLA_DUE_FIELD]: timer ? new Date(timer.jatuhTempo) : null, [SLA_AT_RISK_FIELD]: timer ? new Date(timer.berisikoPada) : null },
    });
  }

  /**
   * The bookkeeping of a state change: stop the timer of the state left (met or breached, business
   * minutes), start the next one, and append the event that says so.
   */
  async function enterState(
    ref: DocumentRef,
    from: string | null,
    to: string,
    now: Date,
    event: Pick<AuditEventInput, 'peristiwa' | 'aktorId' | 'aktorEmail'> & Partial<Pick<AuditEventInput, 'catatan' | 'ip' | 'dipaksa'>>,
  ) {
    // A new document (from = null) has no timer yet to stop.
    const closed = from === null ? null : await closeOpenTimers(strapi, timerKey(ref), now, await calendars.get());
    await startState(ref, to, now);
    await syncSlaFields(ref);
    // Entering a state that may go online records exactly which version was approved.
    const sidikKonten = ref.def.publishableStates?.includes(to)
      ? await versions.draftFingerprint(ref.def, ref.documentId, ref.locale)
      : null;
    await appendAuditEvent(strapi, {
      kategori: 'transisi',
      jenisKonten: ref.def.uid,
      dokumenId: ref.documentId,
      locale: ref.locale,
      dari: from,
      ke: to,
      waktu: now.toISOString(),
      ...event,
      slaJatuhTempo: closed ? closed.dueAt.toISOString() : null,
      slaTerpenuhi: closed ? closed.met : null,
      menitKerja: closed ? closed.businessMinutes : null,
      sidikKonten,
    });
  }

  /** Records a document entering its initial state (creation): audit event and first timer. */
  async function recordCreated(def: WorkflowDefinition, documentId: string, locale: string | null, state: string, actor: { id: number; email: string } | null) {
    await enterState(refOf(def, documentId, locale), null, state, new Date(), {
      peristiwa: 'dibuat',
      aktorId: actor?.id || null,
      aktorEmail: actor?.email ?? SYSTEM_ACTOR.email,
    });
  }

  /**
   * Takes a transition. The engine decides; the write is conditional on the state still being
   * `from`, inside one transaction with the timers and the audit event, so of two concurrent
   * approvals exactly one succeeds and the other gets 409.
   */
  async function transition(
    name: string,
    documentId: string,
    locale: string | null | undefined,
    who: { user: AdminUser } | { system: string },
    request: { to: string; from?: string | null; note?: string | null; force?: boolean; ip?: string | null },
  ) {
    const def = definitionByName(name);
    const ref = refOf(def, documentId, locale);
    const row = await requireRow(ref);
    const from: string = row[def.field];
    // The caller acted on a state that is no longer current (another user moved the document first).
    if ((request.from && request.from !== from) || (request.to === from && !request.force)) {
      throw stateChanged(def, from);
    }
    const isSystem = 'system' in who;
    const actor: Actor = isSystem
      ? { ...SYSTEM_ACTOR, roles: def.transitions.filter((t) => t.to === request.to).flatMap((t) => t.roles) }
      : actorOf(who.user);

    const decision = decide(def, {
      state: from,
      to: request.to,
      actor,
      note: request.note,
      authorId: row.createdBy?.id ?? null,
      separationOfDuties: !isSystem && config().separationOfDuties,
      force: request.force,
    });
    if (!decision.ok) {
      throw new WorkflowError(STATUS_OF_REFUSAL[decision.code] ?? 422, decision.message, { code: decision.code, allowed: decision.allowed });
    }
    if (!decision.forced) {
      const guardMessage = await failedGuard(strapi, def, decision.transition?.guards ?? [], documentId, ref.locale);
      if (guardMessage) throw new WorkflowError(422, guardMessage, { code: 'GUARD_FAILED' });
    }

    const now = new Date();
    await strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(def.uid as any).updateMany({
        where: { ...stateRowWhere(ref), [def.field]: from },
        data: { [def.field]: request.to },
      });
      if (count === 0) {
        const current = await loadRow(ref);
        throw stateChanged(def, current?.[def.field] ?? null);
      }
      await enterState(ref, from, request.to, now, {
        peristiwa: decision.forced ? 'transisi_paksa' : 'transisi',
        aktorId: isSystem ? null : who.user.id,
        aktorEmail: isSystem ? `${SYSTEM_ACTOR.email}:${who.system}` : who.user.email,
        ip: request.ip ?? null,
        catatan: request.note?.trim() || null,
        dipaksa: decision.forced,
      });
    });
    await announce({ def, documentId, locale: ref.locale, from, to: request.to, at: now, kind: 'step' });
    return status(name, documentId, locale, isSystem ? null : who.user);
  }

  /** What the panel shows: state, the steps this user may take now, the running timer, history. */
  async function status(name: string, documentId: string, locale: string | null | undefined, user: AdminUser | null) {
    const def = definitionByName(name);
    const ref = refOf(def, documentId, locale);
    const row = await requireRow(ref);
    const state: string = row[def.field];
    const transitions = user
      ? availableTransitions(def, state, actorOf(user), {
          authorId: row.createdBy?.id ?? null,
          separationOfDuties: config().separationOfDuties,
        }).map((t) => ({ to: t.to, label: t.label, noteRequired: Boolean(t.noteRequired) }))
      : [];
    const timer = await findOpenTimer(strapi, timerKey(ref));
    const now = new Date();
    const where: Record<string, unknown> = { jenisKonten: def.uid, dokumenId: documentId };
    if (ref.locale) where.locale = ref.locale;
    const events = await strapi.db.query(AUDIT_UID).findMany({ where, orderBy: { seq: 'asc' }, limit: 500 });
    const extension = extensions.get(def.name);
    const extra = extension ? await extension({ documentId, locale: ref.locale, state }) : null;
    return {
      type: def.name,
      documentId,
      locale: ref.locale,
      state,
      stateLabel: def.states[state]?.label ?? state,
      final: Boolean(def.states[state]?.final),
      transitions,
      timer: timer
        ? {
            state: timer.keadaan,
            startedAt: new Date(timer.mulai).toISOString(),
            atRiskAt: new Date(timer.berisikoPada).toISOString(),
            dueAt: new Date(timer.jatuhTempo).toISOString(),
            status: timer.dijedaPada ? 'paused' : timerStatus(now, new Date(timer.berisikoPada), new Date(timer.jatuhTempo)),
            // Time this step's clock stood still, waiting on someone else (see timers.ts pauseTimer).
            pausedSince: timer.dijedaPada ? new Date(timer.dijedaPada).toISOString() : null,
            pausedMinutes: Number(timer.menitJeda ?? 0),
          }
        : null,
      ...(extra ? { extra } : {}),
      history: events.map((e: any) => ({
        seq: Number(e.seq),
        event: e.peristiwa,
        from: e.dari,
        to: e.ke,
        fromLabel: e.dari ? def.states[e.dari]?.label ?? e.dari : null,
        toLabel: e.ke ? def.states[e.ke]?.label ?? e.ke : null,
        actor: e.aktorEmail,
        at: new Date(e.waktu).toISOString(),
        note: e.catatan,
        forced: Boolean(e.dipaksa),
        slaDueAt: e.slaJatuhTempo ? new Date(e.slaJatuhTempo).toISOString() : null,
        slaMet: e.slaTerpenuhi ?? null,
        businessMinutes: e.menitKerja ?? null,
      })),
    };
  }

  /**
   * A state change Strapi made itself (discarding a draft restores the published version and its
   * approved state): the trail and the timers follow it, so nothing changes unrecorded.
   */
  async function recordRestoredState(def: WorkflowDefinition, documentId: string, locale: string | null, from: string, to: string, actor: { id: number; email: string } | null) {
    await enterState(refOf(def, documentId, locale), from, to, new Date(), {
      peristiwa: 'draf_dibuang',
      aktorId: actor?.id ?? null,
      aktorEmail: actor?.email ?? SYSTEM_ACTOR.email,
      catatan: 'Perubahan draf dibuang; kembali ke versi terbit.',
    });
  }

  /**
   * A change to approved content sends that locale back for approval as a consequence of the
   * edit, whoever made it (the super admin included): not a step anyone takes, so no role check,
   * but the editor is recorded as the actor. Conditional on the state, inside the caller's
   * transaction; false when the state had already moved.
   */
  async function sendBackForApproval(def: WorkflowDefinition, documentId: string, locale: string | null, from: string, to: string, actor: { id: number; email: string } | null, note: string) {
    const ref = refOf(def, documentId, locale);
    return strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(def.uid as any).updateMany({
        where: { ...stateRowWhere(ref), [def.field]: from },
        data: { [def.field]: to },
      });
      if (count === 0) return false;
      await enterState(ref, from, to, new Date(), {
        peristiwa: 'perlu_persetujuan_ulang',
        aktorId: actor?.id || null,
        aktorEmail: actor?.email ?? SYSTEM_ACTOR.email,
        catatan: note,
      });
      await announce({ def, documentId, locale: ref.locale, from, to, at: new Date(), kind: 'send-back' });
      return true;
    });
  }

  /** Timers of a deleted document stop counting (nobody can act on it any more). */
  async function documentDeleted(def: WorkflowDefinition, documentId: string, locale: string | null) {
    const ref = refOf(def, documentId, locale);
    await closeOpenTimers(strapi, timerKey(ref), new Date(), await calendars.get());
  }

  return {
    /** Narrows who is responsible for a waiting state, per document (one resolver per workflow). */
    resolveResponsible: (name: string, resolver: ResponsibleResolver) => void resolvers.set(name, resolver),
    /** Adds type-specific facts to the status endpoint (one extension per workflow). */
    extendStatus: (name: string, extension: StatusExtension) => void extensions.set(name, extension),
    timerKey: (def: WorkflowDefinition, documentId: string, locale?: string | null) => timerKey(refOf(def, documentId, locale)),
    syncSlaFields: (def: WorkflowDefinition, documentId: string, locale: string | null) => syncSlaFields(refOf(def, documentId, locale)),
    transition, status, recordCreated, recordRestoredState, sendBackForApproval, versions, documentDeleted, loadRow: (def: WorkflowDefinition, documentId: string, locale?: string | null) => loadRow(refOf(def, documentId, locale)), refOf, events, definitionByName };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
