/**
 * "Terbitkan sebagai DIP": a request answered granted or partly granted becomes a DIP draft
 * (locale id), prefilled from the request and its answer (src/permohonan/dip-draft.ts), linked
 * both ways (request.dipTerbit ↔ entry.permohonanAsal). The draft is created through the Document
 * Service as the officer, so the DIP workflow puts it in its initial state, records it on the
 * audit trail and makes the officer its author; it goes online only after the normal submission
 * and the Koordinator's approval. Nothing here publishes.
 */
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { runAsSystem } from '../workflow/system-context';
import { planDipDraft, type DraftDefaults } from './dip-draft';
import { REQUEST_UID, latestNote } from '.';

export const DIP_UID = 'api::dip-document.dip-document';

/**
 * Who may turn an answer into a DIP draft: the request handlers who also enter DIP data (seed 000:
 * "pemberian dan penginputan data di web" is the Operator's and the Sub Koordinator's work), and
 * the super admin. The Koordinator decides the request and approves the entry; being its author
 * too would undo the separation of duties of the DIP approval, so the Koordinator is not here.
 */
export const DIP_DRAFT_ROLES = ['operator', 'sub-koordinator', 'strapi-super-admin'] as const;

export const DRAFT_DEFAULTS: Omit<DraftDefaults, 'utcOffsetMinutes'> = {
  pejabatPenguasa: 'PPID Pelaksana',
  penanggungJawab: 'PPID Pelaksana',
  jangkaWaktuPenyimpanan: '5 tahun',
};

class Refusal extends Error {
  constructor(readonly status: number, message: string, readonly errors: { path: string[]; message: string }[] = []) {
    super(message);
  }
}

function fail(ctx: any, status: number, message: string, errors: { path: string[]; message: string }[] = []) {
  const name = status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : status === 409 ? 'ConflictError' : 'ValidationError';
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: errors.length ? { errors } : {} } };
}

/** POST /ppid/permohonan/:documentId/terbitkan-dip  { data?: { nomor?, judul?, ringkasan?, kategori?, … } } */
export function publishAsDipHandler(strapi: Core.Strapi) {
  return async (ctx: any) => {
    const user = ctx.state?.user;
    const roles: string[] = (user?.roles ?? []).map((r: any) => r.code);
    if (!roles.some((c) => (DIP_DRAFT_ROLES as readonly string[]).includes(c))) {
      return fail(ctx, 403, 'Penerbitan jawaban sebagai DIP hanya dapat dilakukan oleh Operator atau Sub Koordinator (penginputan data di web).');
    }
    const documentId = String(ctx.params?.documentId ?? '');
    const body = ctx.request.body;
    const overrides = body && typeof body === 'object' && !Array.isArray(body) ? body.data : body;
    const offset = (strapi.config.get('ppid') as PpidConfig).calendar.utcOffsetMinutes;
    try {
      const result = await strapi.db.transaction(async ({ trx }) => {
        const row = await strapi.db.query(REQUEST_UID as any).findOne({
          where: { documentId },
          select: ['id', 'documentId', 'nomorRegistrasi', 'statusAlur', 'rincianInformasi', 'caraMemperoleh', 'catatanJawaban', 'dijawabPada'],
          populate: { dipTerbit: { select: ['id', 'documentId', 'nomor'] } },
        });
        if (!row) throw new Refusal(404, 'Permohonan informasi tidak ditemukan.');
        // Two clicks at once: the second waits for the first's commit and then sees its link.
        if (String((strapi.db as any).config?.connection?.client ?? '').startsWith('postgres')) {
          await strapi.db.connection('permohonan_informasi').where({ id: row.id }).forUpdate().select('id').transacting(trx);
          const linked = await strapi.db.query(REQUEST_UID as any).findOne({ where: { id: row.id }, populate: { dipTerbit: { select: ['id', 'documentId', 'nomor'] } } });
          row.dipTerbit = linked?.dipTerbit ?? null;
        }
        // The redaction of a partly granted answer is the note of that step, unless written in the answer.
        if (row.statusAlur === 'dikabulkan_sebagian' && !row.catatanJawaban) {
          row.catatanJawaban = await latestNote(strapi, REQUEST_UID, row.documentId, row.statusAlur);
        }
        const plan = planDipDraft(row, overrides, { ...DRAFT_DEFAULTS, utcOffsetMinutes: offset }, new Date());
        if (!plan.ok) throw new Refusal(plan.refusal.status, plan.refusal.message, plan.refusal.errors);
        // As the officer: the workflow sets the initial state and the author; validation applies.
        const entry = await (strapi.documents(DIP_UID as any) as any).create({
          locale: 'id',
          data: { ...plan.data, createdBy: user.id, updatedBy: user.id },
        });
        await runAsSystem('permohonan', async () => {
          await strapi.db.query(REQUEST_UID as any).update({ where: { id: row.id }, data: { dipTerbit: entry.id } });
          await strapi.db.query(DIP_UID as any).update({ where: { id: entry.id }, data: { permohonanAsal: row.id } });
        });
        return { request: row, entry };
      });
      strapi.log.info(`[ppid] permohonan ${result.request.nomorRegistrasi}: draf DIP ${result.entry.nomor} dibuat, menunggu persetujuan`);
      ctx.status = 201;
      ctx.body = {
        data: {
          permohonan: result.request.nomorRegistrasi,
          dip: { documentId: result.entry.documentId, locale: 'id', nomor: result.entry.nomor, judul: result.entry.judul, statusAlur: result.entry.statusAlur },
          pesan: `Draf DIP ${result.entry.nomor} dibuat. Ajukan persetujuan agar Koordinator dapat menyetujuinya sebelum tayang.`,
        },
      };
    } catch (error) {
      if (error instanceof Refusal) return fail(ctx, error.status, error.message, error.errors);
      const e = error as any;
      if (e?.name === 'ValidationError' || e?.name === 'ApplicationError') {
        return fail(ctx, 400, e.message, (e.details?.errors ?? []).map((x: any) => ({ path: x.path, message: x.message })));
      }
      throw error;
    }
  };
}
