import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appendAuditEvent, AUDIT_UID } from '../audit/trail';
import { queueNotices, type NoticeInput } from '../outbox/queue';
import type { WorkflowRuntime } from '../workflow';
import { nameOf } from '../workflow/guards';
import { WorkflowError, type AdminUser } from '../workflow/service';
import { pauseTimer, resumeTimer, TIMER_UID } from '../workflow/timers';
import { runSelfChecks } from '../compat/self-check';
import { UNIT_TOUCH_POINTS } from './touch-points';
import { confirmableUnits, limitedToOwnUnits, narrowResponsible, RECEIPT_EVENT, receiptNote, receiptsOf, type TargetUnit } from './rules';

const BIDANG = 'api::bidang.bidang';
const NOTA = 'api::nota-permintaan.nota-permintaan';
const DIP = 'api::dip-document.dip-document';

/** RBAC condition (Strapi's condition provider, Community Edition): a row whose `unit` the user heads or staffs. */
export const OWN_UNIT_CONDITION = 'unit-kerja-sendiri';
export const OWN_UNIT_CONDITION_ID = `api::${OWN_UNIT_CONDITION}`;

/** States of a memo from distribution on: its target units have it. */
const DISTRIBUTED = ['menunggu_dip', 'menunggu_unggah', 'selesai'];

const hashOf = (s: string) => crypto.createHash('sha256').update(s.toLowerCase()).digest('hex').slice(0, 16);

/** Ids of the units the user heads (Kepala Bidang) or, with `staff`, works in. */
export async function unitIdsOf(strapi: Core.Strapi, userId: number, staff = true): Promise<number[]> {
  const or: Record<string, unknown>[] = [{ kepalaBidang: { id: userId } }];
  if (staff) or.push({ staf: { id: userId } });
  const rows = await strapi.db.query(BIDANG).findMany({ where: { $or: or }, select: ['id'] });
  return rows.map((r: { id: number }) => Number(r.id));
}

/** A memo's target units with their active Kabids. */
export async function targetUnitsOf(strapi: Core.Strapi, memoDocumentId: string): Promise<TargetUnit[]> {
  const memo = await strapi.db.query(NOTA).findOne({
    where: { documentId: memoDocumentId },
    populate: { tujuan: { populate: { kepalaBidang: { select: ['id', 'email', 'isActive', 'blocked'] } } } },
  });
  return ((memo?.tujuan ?? []) as any[]).map((u) => ({
    documentId: u.documentId,
    nama: u.nama,
    kepalaBidang: ((u.kepalaBidang ?? []) as any[]).filter((k) => k.isActive !== false && !k.blocked).map((k) => ({ id: Number(k.id), email: k.email })),
  }));
}

async function receiptEvents(strapi: Core.Strapi, memoDocumentId: string) {
  return strapi.db.query(AUDIT_UID).findMany({
    where: { jenisKonten: NOTA, dokumenId: memoDocumentId, peristiwa: RECEIPT_EVENT },
    orderBy: { seq: 'asc' },
  });
}

/** The person who last submitted this entry's locale for approval (the audit trail knows). */
async function submitterOf(strapi: Core.Strapi, documentId: string, locale: string | null): Promise<string | null> {
  const event = await strapi.db.query(AUDIT_UID).findOne({
    where: { jenisKonten: DIP, dokumenId: documentId, ...(locale ? { locale } : {}), ke: 'menunggu_persetujuan', peristiwa: { $in: ['transisi', 'transisi_paksa'] } },
    orderBy: { seq: 'desc' },
  });
  return event?.aktorEmail && event.aktorEmail.includes('@') ? event.aktorEmail : null;
}

/**
 * register(): the Kepala Bidang's limits that the RBAC condition cannot express (a created or
 * re-assigned DIP entry must belong to their unit), per-document recipients of workflow notices,
 * the memo's receipts by unit, and the Operator's clock that stops while DIP entries wait for the
 * Koordinator.
 */
export function registerUnits(strapi: Core.Strapi, runtime: WorkflowRuntime): void {
  const { service } = runtime;

  // The condition governs what a Kabid reads and which entries he may open for editing; what an
  // entry is saved with is checked here, after the write and inside its transaction.
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== DIP || !['create', 'update', 'clone'].includes(ctx.action)) return next();
    const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
    const roles = Array.isArray(user?.roles) ? user!.roles!.map((r) => r.code) : [];
    if (!user || !limitedToOwnUnits(roles)) return next();
    const result = await next();
    // The version written (its locale's draft row) is the one whose unit must be theirs.
    const written = [result, ...((result?.entries ?? []) as any[])].filter((r) => r?.documentId);
    const own = await unitIdsOf(strapi, user.id);
    for (const { documentId, locale } of written) {
      const row = await strapi.db.query(DIP).findOne({ where: { documentId, ...(locale ? { locale } : {}), publishedAt: null }, populate: { unit: { select: ['id'] } } });
      if (!row?.unit || !own.includes(Number(row.unit.id))) {
        throw new errors.ApplicationError(
          own.length === 0
            ? 'Akun Anda belum ditautkan ke unit kerja mana pun (Bidang → Kepala Bidang); minta Sub Koordinator menautkannya.'
            : 'Kepala Bidang hanya dapat mengisi entri DIP unit kerjanya sendiri: pilih unit Anda pada kolom Unit.',
          { code: 'UNIT_NOT_OWN' },
        );
      }
    }
    return result;
  });

  // A unit's Kepala Bidang link names accounts that hold the Kepala Bidang role: the link is what
  // confirms receipts and scopes access, so it cannot make anyone else a Kabid.
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== BIDANG || !['create', 'update'].includes(ctx.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      if (!result?.documentId) return result;
      const unit = await strapi.db.query(BIDANG).findOne({
        where: { documentId: result.documentId },
        populate: { kepalaBidang: { select: ['email'], populate: { roles: { select: ['code'] } } } },
      });
      const wrong = ((unit?.kepalaBidang ?? []) as any[]).filter((u) => !(u.roles ?? []).some((r: { code: string }) => r.code === 'kepala-bidang'));
      if (wrong.length) {
        throw new errors.ApplicationError(
          `Akun berikut tidak berperan Kepala Bidang sehingga tidak dapat ditautkan sebagai Kepala Bidang unit: ${wrong.map((u) => u.email).join(', ')}.`,
          { code: 'NOT_KABID' },
        );
      }
      return result;
    });
  });

  // The Governor's letter and the signed memo are PDFs (never public: src/uploads/public-files.ts).
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== NOTA || !['create', 'update'].includes(ctx.action)) return next();
    const result = await next();
    if (!result?.documentId) return result;
    const row = await strapi.db.query(NOTA).findOne({ where: { documentId: result.documentId }, populate: { suratGubernur: true, notaTertandatangan: true } });
    for (const [field, label] of [['suratGubernur', 'Surat Gubernur'], ['notaTertandatangan', 'Nota dinas bertanda tangan']]) {
      const file = row?.[field];
      if (file && file.mime !== 'application/pdf') {
        throw new errors.ApplicationError(`${label} harus berupa berkas PDF ("${file.name}" bukan PDF).`, { code: 'NOT_PDF', field });
      }
    }
    return result;
  });

  // Only the Kabids of the memo's target units are waited on; a returned entry goes back to its submitter.
  service.resolveResponsible('nota-permintaan', async ({ documentId, state, responsible }) => {
    if (state !== 'menunggu_dip') return responsible;
    const emails = (await targetUnitsOf(strapi, documentId)).flatMap((u) => u.kepalaBidang.map((k) => k.email));
    return narrowResponsible(responsible, 'kepala-bidang', emails);
  });
  service.resolveResponsible('dip-document', async ({ documentId, locale, state, responsible }) => {
    if (state !== 'dikembalikan') return responsible;
    const submitter = await submitterOf(strapi, documentId, locale);
    return narrowResponsible(responsible, 'operator', submitter ? [submitter] : [], true);
  });

  service.extendStatus('nota-permintaan', async ({ documentId }) => {
    const units = await targetUnitsOf(strapi, documentId);
    const entries = await strapi.db.query(DIP).findMany({
      where: { notaPermintaan: { documentId }, publishedAt: null },
      select: ['documentId', 'locale', 'judul', 'nomor'],
    });
    const waiting = entries.length
      ? await strapi.db.query(TIMER_UID).findMany({
          where: { jenisKonten: DIP, dokumenId: { $in: [...new Set(entries.map((e: any) => e.documentId))] }, keadaan: 'menunggu_persetujuan', ditutupPada: null },
        })
      : [];
    return {
      penerimaan: receiptsOf(units, await receiptEvents(strapi, documentId)),
      // The Koordinator's approval of each entry runs on its own clock, not the Operator's.
      menungguPersetujuan: waiting.map((t: any) => {
        const entry = entries.find((e: any) => e.documentId === t.dokumenId && e.locale === t.locale) ?? entries.find((e: any) => e.documentId === t.dokumenId);
        return {
          entri: entry ? nameOf(entry, ['judul', 'nomor']) : t.dokumenId,
          documentId: t.dokumenId,
          locale: t.locale,
          sejak: new Date(t.mulai).toISOString(),
          jatuhTempo: new Date(t.jatuhTempo).toISOString(),
        };
      }),
    };
  });

  /** The Operator's step-6 clock stands still while any linked public entry waits for the Koordinator. */
  async function syncOperatorClock(memoDocumentId: string, at: Date) {
    const memo = await strapi.db.query(NOTA).findOne({ where: { documentId: memoDocumentId }, select: ['statusAlur'] });
    if (memo?.statusAlur !== 'menunggu_unggah') return;
    const waiting = await strapi.db.query(DIP).count({
      where: { notaPermintaan: { documentId: memoDocumentId }, publishedAt: null, statusAlur: 'menunggu_persetujuan', kategori: { $ne: 'dikecualikan' } },
    });
    const def = service.definitionByName('nota-permintaan');
    const key = service.timerKey(def, memoDocumentId, null);
    if (waiting > 0) await pauseTimer(strapi, key, at);
    else await resumeTimer(strapi, key, at, await runtime.calendars.get());
  }

  service.events.subscribe('unit-kerja', async (event) => {
    if (event.def.name === 'nota-permintaan') {
      if (event.to === 'menunggu_unggah') await syncOperatorClock(event.documentId, event.at);
      if (event.to === 'menunggu_dip' && event.kind === 'step') {
        const memo = await strapi.db.query(NOTA).findOne({ where: { documentId: event.documentId }, select: ['nomor', 'perihal'] });
        const notices: NoticeInput[] = (await targetUnitsOf(strapi, event.documentId)).flatMap((unit) =>
          unit.kepalaBidang.map((k) => ({
            kunciIdempotensi: `nota-distribusi:${event.documentId}:${event.at.getTime()}:${hashOf(k.email)}`,
            jenis: 'nota_distribusi',
            penerima: k.email,
            subjek: `[PPID] Nota permintaan DIP ${memo?.nomor ?? ''} untuk ${unit.nama}`,
            isi:
              `Nota dinas permintaan DIP ${memo?.nomor ?? ''} ("${memo?.perihal ?? ''}") telah didistribusikan ke ${unit.nama}.\n` +
              'Mohon konfirmasi penerimaan di panel admin, lalu siapkan entri DIP beserta PDF-nya.',
            jenisKonten: NOTA,
            dokumenId: event.documentId,
          })),
        );
        await queueNotices(strapi, notices, event.at);
      }
    }
    if (event.def.name === 'dip-document') {
      if (event.to === 'dikembalikan' && event.kind === 'step') {
        const submitter = await submitterOf(strapi, event.documentId, event.locale);
        if (submitter) {
          const entry = await strapi.db.query(DIP).findOne({ where: { documentId: event.documentId, ...(event.locale ? { locale: event.locale } : {}), publishedAt: null }, select: ['judul', 'nomor'] });
          const note = await strapi.db.query(AUDIT_UID).findOne({ where: { jenisKonten: DIP, dokumenId: event.documentId, ke: 'dikembalikan' }, orderBy: { seq: 'desc' }, select: ['catatan'] });
          await queueNotices(strapi, [{
            kunciIdempotensi: `dip-kembali:${event.documentId}:${event.locale ?? ''}:${event.at.getTime()}:${hashOf(submitter)}`,
            jenis: 'dip_dikembalikan',
            penerima: submitter,
            subjek: `[PPID] Entri DIP dikembalikan: ${entry ? nameOf(entry, ['judul', 'nomor']) : event.documentId}`,
            isi: `Entri DIP yang Anda ajukan dikembalikan Koordinator untuk diperbaiki.\nCatatan: ${note?.catatan ?? '-'}`,
            jenisKonten: DIP,
            dokumenId: event.documentId,
            locale: event.locale,
          }], event.at);
        }
      }
      const entry = await strapi.db.query(DIP).findOne({ where: { documentId: event.documentId }, populate: { notaPermintaan: { select: ['documentId'] } } });
      if (entry?.notaPermintaan?.documentId) await syncOperatorClock(entry.notaPermintaan.documentId, event.at);
    }
  });

  strapi.server.routes({
    type: 'admin',
    prefix: '/ppid',
    routes: [
      {
        // Step 4: each target unit's Kabid confirms the memo reached the unit (recorded in the audit trail).
        method: 'POST',
        path: '/nota-permintaan/:documentId/penerimaan',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        handler: async (ctx: any) => {
          const user = ctx.state.user as AdminUser;
          try {
            if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', NOTA)) {
              throw new WorkflowError(403, 'Anda tidak memiliki akses ke nota permintaan.');
            }
            const memo = await strapi.db.query(NOTA).findOne({ where: { documentId: ctx.params.documentId }, select: ['documentId', 'statusAlur'] });
            if (!memo) throw new WorkflowError(404, `Nota ${ctx.params.documentId} tidak ditemukan.`);
            if (!DISTRIBUTED.includes(memo.statusAlur)) {
              throw new WorkflowError(422, 'Nota belum didistribusikan ke unit; penerimaan baru dapat dikonfirmasi setelah langkah distribusi.', { code: 'NOT_DISTRIBUTED' });
            }
            const units = await targetUnitsOf(strapi, memo.documentId);
            const receipts = receiptsOf(units, await receiptEvents(strapi, memo.documentId));
            const holdsKabidRole = (user.roles ?? []).some((r) => r.code === 'kepala-bidang');
            const { units: open, reason } = holdsKabidRole ? confirmableUnits(user.id, units, receipts) : { units: [], reason: 'not-kabid' as const };
            if (reason === 'not-kabid') {
              throw new WorkflowError(403, 'Penerimaan hanya dapat dikonfirmasi oleh Kepala Bidang dari unit tujuan nota ini.', { code: 'NOT_TARGET_KABID' });
            }
            if (reason === 'already') throw new WorkflowError(409, 'Penerimaan nota ini oleh unit Anda sudah tercatat.', { code: 'ALREADY_CONFIRMED' });
            const now = new Date();
            await strapi.db.transaction(async () => {
              for (const unit of open) {
                await appendAuditEvent(strapi, {
                  kategori: 'transisi',
                  peristiwa: RECEIPT_EVENT,
                  jenisKonten: NOTA,
                  dokumenId: memo.documentId,
                  aktorId: user.id,
                  aktorEmail: user.email,
                  ip: ctx.request.ip ?? null,
                  waktu: now.toISOString(),
                  catatan: receiptNote(unit),
                });
              }
            });
            ctx.body = { data: receiptsOf(units, await receiptEvents(strapi, memo.documentId)) };
          } catch (error) {
            if (!(error instanceof WorkflowError)) throw error;
            ctx.status = error.status;
            ctx.body = { data: null, error: { status: error.status, name: 'ApplicationError', message: error.message, details: error.details } };
          }
        },
      },
    ],
  } as any);
}

/** bootstrap(), before the roles get their permissions: the condition the Kepala Bidang's DIP grant uses. */
export async function registerUnitConditions(strapi: Core.Strapi): Promise<void> {
  runSelfChecks(strapi, UNIT_TOUCH_POINTS);
  const provider = (strapi.service('admin::permission') as any).conditionProvider;
  if (provider.has(OWN_UNIT_CONDITION_ID)) return;
  await provider.register({
    displayName: 'Hanya entri unit kerjanya sendiri',
    name: OWN_UNIT_CONDITION,
    category: 'PPID',
    async handler(user: { id: number }) {
      return { 'unit.id': { $in: await unitIdsOf(strapi, user.id) } };
    },
  });
}
