/**
 * The editors' workspace, Strapi glue: GET /ppid/my-work, GET /ppid/compliance, the SLA columns
 * of the list views (GET /ppid/sla/:type) and the notification centre (GET /ppid/my-notices,
 * POST /ppid/my-notices/:id/read). Reads rows and timers, hands them to src/workspace/rules.ts.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { AUDIT_UID } from '../audit/trail';
import { BERKALA_REFRESH, OBLIGATIONS } from '../obligations/catalogue';
import { NOTICE_UID, queueNotices, type NoticeInput } from '../outbox/queue';
import type { WorkflowRuntime } from '../workflow';
import { actorOf, type AdminUser } from '../workflow/service';
import { TIMER_UID } from '../workflow/timers';
import type { WorkflowDefinition } from '../workflow/types';
import {
  aggregateObligation,
  breachesThisMonth,
  collectWork,
  countByProcedure,
  mayReadCompliance,
  obligationStatus,
  paginate,
  readPaging,
  slaStatusAt,
  startOfLocalMonth,
  type OpenTimer,
  type WaitingDocument,
} from './rules';

const TITLE_ATTRIBUTES = ['perihal', 'judul', 'nomorRegistrasi', 'nama', 'nomor'];

function fail(ctx: any, status: number, message: string) {
  const names: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError' };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'ApplicationError', message, details: {} } };
}

const canRead = (ctx: any, uid: string) => Boolean(ctx.state.userAbility?.can('plugin::content-manager.explorer.read', uid));

export function createWorkspace(strapi: Core.Strapi, runtime: WorkflowRuntime) {
  const config = () => strapi.config.get('ppid') as PpidConfig;
  const definitions = () => [...runtime.registry.byUid.values()];
  const procedureOf = (uid: string) => String((strapi.contentType(uid as any) as any)?.info?.displayName ?? uid);
  const titleAttribute = (uid: string) => {
    const attributes = (strapi.contentType(uid as any) as any)?.attributes ?? {};
    return TITLE_ATTRIBUTES.find((name) => attributes[name] && ['string', 'text'].includes(attributes[name].type)) ?? null;
  };
  const isDraftAndPublish = (uid: string) => Boolean((strapi.contentType(uid as any) as any)?.options?.draftAndPublish);

  /** The state rows of a type waiting in one of `states` (the draft row of Draft & Publish types). */
  async function waitingRows(def: WorkflowDefinition, states: string[], extra: Record<string, unknown> = {}) {
    if (states.length === 0) return [];
    const title = titleAttribute(def.uid);
    const where: Record<string, unknown> = { [def.field]: { $in: states }, ...extra };
    if (isDraftAndPublish(def.uid)) where.publishedAt = null;
    const select = ['documentId', def.field, ...(def.perLocale ? ['locale'] : []), ...(title ? [title] : [])];
    const rows = await strapi.db.query(def.uid as any).findMany({ where, select, limit: 5000 });
    return rows.map(
      (row: any): WaitingDocument => ({
        uid: def.uid,
        type: def.name,
        procedure: procedureOf(def.uid),
        documentId: row.documentId,
        locale: def.perLocale ? row.locale ?? 'id' : null,
        state: row[def.field],
        stateLabel: def.states[row[def.field]]?.label ?? row[def.field],
        title: (title && row[title]) || row.documentId,
        responsible: def.states[row[def.field]]?.responsible ?? [],
      }),
    );
  }

  const openTimers = (where: Record<string, unknown> = {}): Promise<OpenTimer[]> =>
    strapi.db.query(TIMER_UID).findMany({ where: { ditutupPada: null, ...where }, limit: 20000 });

  async function myWork(user: AdminUser, readable: (uid: string) => boolean, now = new Date()) {
    const actor = actorOf(user);
    const defs = definitions().filter((def) => readable(def.uid));
    const documents: WaitingDocument[] = [];
    for (const def of defs) {
      const states = Object.entries(def.states)
        .filter(([, state]) => !state.final && (state.responsible ?? []).some((r) => actor.roles.includes(r)))
        .map(([name]) => name);
      documents.push(...(await waitingRows(def, states)));
    }
    const itemTypes = new Map<string, { uid: string; type: string; procedure: string; itemLabel: string }>();
    for (const def of defs) {
      for (const items of def.items ?? []) itemTypes.set(`${def.uid}#${items.field}`, { uid: def.uid, type: def.name, procedure: procedureOf(def.uid), itemLabel: items.itemLabel });
    }
    const kinds = [...defs.map((d) => d.uid), ...itemTypes.keys()];
    const timers = kinds.length ? await openTimers({ jenisKonten: { $in: kinds } }) : [];
    return collectWork(documents, timers, { email: user.email, roles: actor.roles }, now, itemTypes);
  }

  /** Names a timer kind's procedure and state for the breach counts (null: not a workflow step). */
  function describeStep(kind: string, state: string) {
    const [uid, field] = kind.split('#');
    const def = runtime.registry.byUid.get(uid);
    if (!def) return null;
    if (field) {
      const items = def.items?.find((i) => i.field === field);
      if (!items) return null;
      const itemState = state.includes(':') ? state.slice(state.indexOf(':') + 1) : state;
      return { type: `${def.name}#${field}`, procedure: `${procedureOf(uid)} — ${items.itemLabel}`, stateLabel: items.definition.states[itemState]?.label ?? itemState };
    }
    return { type: def.name, procedure: procedureOf(uid), stateLabel: def.states[state]?.label ?? state };
  }

  async function compliance(now = new Date()) {
    const rows = await strapi.db.query(TIMER_UID).findMany({
      where: { jenisKonten: 'kewajiban' },
      select: ['dokumenId', 'mulai', 'berisikoPada', 'jatuhTempo', 'ditutupPada'],
      limit: 50000,
    });
    const obligations = [
      ...OBLIGATIONS.map((o) => obligationStatus(o.name, o.label, rows, now)),
      aggregateObligation(BERKALA_REFRESH.name, BERKALA_REFRESH.label, rows, now),
    ];
    const monthStart = startOfLocalMonth(now, config().calendar.utcOffsetMinutes);
    const late = await strapi.db.query(AUDIT_UID).findMany({
      where: { slaTerpenuhi: false, waktu: { $gte: monthStart } },
      select: ['jenisKonten', 'dari', 'waktu'],
      limit: 50000,
    });
    const open = await strapi.db.query(TIMER_UID).findMany({
      where: { ditutupPada: null, jatuhTempo: { $gte: monthStart, $lt: now }, jenisKonten: { $ne: 'kewajiban' } },
      select: ['jenisKonten', 'keadaan', 'jatuhTempo'],
      limit: 50000,
    });
    return { obligations, breaches: breachesThisMonth(late, open, monthStart, now, describeStep), monthStart: monthStart.toISOString() };
  }

  /** Open timers of some documents of one type (list-view columns), or the documents in a status. */
  async function slaOf(def: WorkflowDefinition, documentIds: string[] | null, status: string | null, now = new Date()) {
    const where: Record<string, unknown> = { jenisKonten: def.uid };
    if (documentIds) where.dokumenId = { $in: documentIds };
    const timers = await openTimers(where);
    const rows = timers.map((t) => ({
      documentId: t.dokumenId,
      locale: t.locale ?? null,
      state: t.keadaan,
      dueAt: new Date(t.jatuhTempo).toISOString(),
      atRiskAt: new Date(t.berisikoPada).toISOString(),
      status: slaStatusAt(now, t),
    }));
    return status ? rows.filter((r) => r.status === status) : rows;
  }

  return { myWork, compliance, slaOf };
}

/* ------------------------------------------------------------------------------------------------
 * Notices for the notification centre: "returned to you" and "new follow-up item" join the SLA
 * notices the sweeper writes; all of them go through the outbox (e-mail) and are listed per user.
 * --------------------------------------------------------------------------------------------- */

const hash = (to: string) => crypto.createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 16);

/** A document sent back for revision: its author is told (e-mail and notification centre). */
export function registerWorkspaceNotices(strapi: Core.Strapi, runtime: WorkflowRuntime) {
  runtime.service.events.subscribe('ruang-kerja', async (event) => {
    const state = event.def.states[event.to];
    if (!state || !/dikembalikan/.test(event.to)) return;
    // A returned DIP entry goes to whoever submitted it (SOP; src/units sends that notice).
    if (event.def.name === 'dip-document') return;
    const row = await runtime.service.loadRow(event.def, event.documentId, event.locale);
    const author = row?.createdBy?.email as string | undefined;
    if (!author) return;
    const title = TITLE_ATTRIBUTES.map((a) => row?.[a]).find((v) => typeof v === 'string' && v) ?? event.documentId;
    const procedure = String((strapi.contentType(event.def.uid as any) as any)?.info?.displayName ?? event.def.name);
    const notice: NoticeInput = {
      kunciIdempotensi: `dikembalikan:${event.def.uid}:${event.documentId}:${event.locale ?? ''}:${event.at.getTime()}:${hash(author)}`,
      jenis: 'dikembalikan',
      penerima: author,
      subjek: `[PPID] Dikembalikan kepada Anda: ${title}`.slice(0, 255),
      isi: `${procedure} "${title}" dikembalikan kepada Anda (${state.label}).\nBuka dokumen di panel admin untuk melihat catatan dan memperbaikinya.`,
      jenisKonten: event.def.uid,
      dokumenId: event.documentId,
      locale: event.locale,
    };
    await queueNotices(strapi, [notice]);
  });
}

export const NOTICE_KIND_LABELS: Record<string, string> = {
  sla_berisiko: 'Hampir jatuh tempo',
  sla_terlambat: 'Terlambat',
  dikembalikan: 'Dikembalikan kepada Anda',
  dip_dikembalikan: 'Dikembalikan kepada Anda',
  tindak_lanjut_baru: 'Tindak lanjut baru',
  nota_distribusi: 'Nota dinas untuk unit Anda',
  jadwal_gagal: 'Gagal tayang',
  laporan_draf: 'Draf laporan siap diisi',
};

/* ------------------------------------------------------------------------------------------------
 * Routes
 * --------------------------------------------------------------------------------------------- */

export function workspaceRoutes(strapi: Core.Strapi, runtime: WorkflowRuntime) {
  const workspace = createWorkspace(strapi, runtime);
  const policies = ['admin::isAuthenticatedAdmin'];
  const mine = (user: AdminUser) => ({ penerima: { $eqi: user.email }, jenis: { $in: Object.keys(NOTICE_KIND_LABELS) } });
  const noticeOut = (n: any) => ({
    id: n.id,
    documentId: n.documentId,
    kind: n.jenis,
    kindLabel: NOTICE_KIND_LABELS[n.jenis] ?? n.jenis,
    subject: n.subjek,
    text: n.isi,
    createdAt: new Date(n.createdAt).toISOString(),
    readAt: n.dibacaPada ? new Date(n.dibacaPada).toISOString() : null,
    link: n.jenisKonten && n.dokumenId && runtime.registry.byUid.has(n.jenisKonten)
      ? `/content-manager/collection-types/${n.jenisKonten}/${encodeURIComponent(n.dokumenId)}${n.locale ? `?plugins[i18n][locale]=${n.locale}` : ''}`
      : null,
  });
  return {
    type: 'admin',
    prefix: '/ppid',
    routes: [
      {
        method: 'GET',
        path: '/my-work',
        config: { policies },
        handler: async (ctx: any) => {
          const paging = readPaging(ctx.query ?? {});
          if (!paging) return fail(ctx, 400, 'Parameter halaman tidak valid: page ≥ 1, pageSize 1–100.');
          const work = await workspace.myWork(ctx.state.user, (uid) => canRead(ctx, uid));
          const { data, pagination } = paginate(work, paging.page, paging.pageSize);
          ctx.body = { data, meta: { pagination, procedures: countByProcedure(work), now: new Date().toISOString() } };
        },
      },
      {
        method: 'GET',
        path: '/compliance',
        config: { policies },
        handler: async (ctx: any) => {
          const actor = actorOf(ctx.state.user);
          if (!mayReadCompliance(actor.roles, actor.isSuperAdmin)) {
            return fail(ctx, 403, 'Ringkasan kepatuhan SOP hanya untuk Kepala Dinas, Koordinator dan super admin.');
          }
          ctx.body = { data: await workspace.compliance() };
        },
      },
      {
        method: 'GET',
        path: '/sla/:type',
        config: { policies },
        handler: async (ctx: any) => {
          const def = runtime.registry.byName.get(ctx.params.type);
          if (!def) return fail(ctx, 404, `Jenis konten "${ctx.params.type}" tidak memiliki alur kerja.`);
          if (!canRead(ctx, def.uid)) return fail(ctx, 403, 'Anda tidak memiliki akses baca ke jenis konten ini.');
          const raw = typeof ctx.query.documentIds === 'string' ? ctx.query.documentIds : null;
          const ids = raw === null ? null : raw.split(',').map((s: string) => s.trim()).filter(Boolean);
          if (ids && (ids.length > 200 || ids.some((id: string) => !/^[A-Za-z0-9_-]{1,64}$/.test(id)))) return fail(ctx, 400, 'documentIds tidak valid (paling banyak 200).');
          const status = ctx.query.status ?? null;
          if (status !== null && !['on_track', 'at_risk', 'breached'].includes(status)) return fail(ctx, 400, 'status harus on_track, at_risk atau breached.');
          ctx.body = { data: await workspace.slaOf(def, ids, status) };
        },
      },
      {
        method: 'GET',
        path: '/my-notices',
        config: { policies },
        handler: async (ctx: any) => {
          const paging = readPaging(ctx.query ?? {});
          if (!paging) return fail(ctx, 400, 'Parameter halaman tidak valid: page ≥ 1, pageSize 1–100.');
          const where = mine(ctx.state.user);
          const [rows, total, unread] = await Promise.all([
            strapi.db.query(NOTICE_UID).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (paging.page - 1) * paging.pageSize, limit: paging.pageSize }),
            strapi.db.query(NOTICE_UID).count({ where }),
            strapi.db.query(NOTICE_UID).count({ where: { ...where, dibacaPada: null } }),
          ]);
          ctx.body = {
            data: rows.map(noticeOut),
            meta: { unread, pagination: { ...paging, total, pageCount: Math.max(1, Math.ceil(total / paging.pageSize)) } },
          };
        },
      },
      {
        method: 'POST',
        path: '/my-notices/:id/read',
        config: { policies },
        handler: async (ctx: any) => {
          const id = String(ctx.params.id);
          if (!/^\d{1,12}$/.test(id)) return fail(ctx, 404, 'Notifikasi tidak ditemukan.');
          // Another user's notice answers exactly like a missing one.
          const where = { ...mine(ctx.state.user), id: Number(id) };
          const found = await strapi.db.query(NOTICE_UID).findOne({ where });
          if (!found) return fail(ctx, 404, 'Notifikasi tidak ditemukan.');
          if (!found.dibacaPada) await strapi.db.query(NOTICE_UID).updateMany({ where: { id: found.id, dibacaPada: null }, data: { dibacaPada: new Date() } });
          ctx.body = { data: noticeOut(await strapi.db.query(NOTICE_UID).findOne({ where: { id: found.id } })) };
        },
      },
    ],
  };
}

export function registerWorkspace(strapi: Core.Strapi, runtime: WorkflowRuntime) {
  strapi.server.routes(workspaceRoutes(strapi, runtime) as any);
  registerWorkspaceNotices(strapi, runtime);
}
