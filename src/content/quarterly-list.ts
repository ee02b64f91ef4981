import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LIST_OPEN_STATES } from '../api/daftar-konten/workflow';

const DAFTAR = 'api::daftar-konten.daftar-konten';
const KONTEN = 'api::konten-terjadwal.konten-terjadwal';

/** Pure: why an item may not be in this list (null when it may). */
export function membershipProblem(
  item: { periode: string },
  list: { periode: string; statusAlur: string },
  joined: boolean,
): string | null {
  if (item.periode !== list.periode) {
    return `Periode konten (${item.periode}) berbeda dengan periode Daftar Konten Triwulan (${list.periode}).`;
  }
  if (joined && !LIST_OPEN_STATES.includes(list.statusAlur)) {
    return `Daftar Konten Triwulan ${list.periode} sudah diajukan atau ditandatangani; konten hanya dapat ditambahkan setelah daftar dikembalikan atau dibuka untuk perubahan.`;
  }
  return null;
}

/**
 * SOP seed 001 A1, one document per quarter: one list per `periode` (refused with a clear message
 * before Strapi's own unique check), items join a list of their own period and only while it is
 * open, and a list's period cannot drift from its items'. Checked after the write, inside the
 * write's transaction, so a refusal leaves nothing behind.
 */
export function registerQuarterlyList(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const writes = ['create', 'update', 'clone'];
    if (!writes.includes(ctx.action) || (ctx.uid !== DAFTAR && ctx.uid !== KONTEN)) return next();
    return strapi.db.transaction(async () => {
      if (ctx.uid === DAFTAR) {
        const periode = ctx.params?.data?.periode;
        if (typeof periode === 'string') {
          const others = await strapi.db.query(DAFTAR).count({
            where: { periode, ...(ctx.params.documentId ? { documentId: { $ne: ctx.params.documentId } } : {}) },
          });
          if (others > 0) {
            throw new errors.ApplicationError(`Daftar Konten Triwulan untuk periode ${periode} sudah ada; satu periode hanya punya satu daftar.`, { code: 'PERIOD_TAKEN' });
          }
        }
        const previous = ctx.params?.documentId
          ? await strapi.db.query(DAFTAR).findOne({ where: { documentId: ctx.params.documentId }, populate: { konten: { select: ['id'] } } })
          : null;
        const result = await next();
        if (result?.documentId) {
          const list = await strapi.db.query(DAFTAR).findOne({ where: { documentId: result.documentId }, populate: { konten: { select: ['id', 'judul', 'periode'] } } });
          // Items added or removed from the list's side: only while it is open, as from the item's side.
          const ids = (rows: { id: number }[] | undefined) => (rows ?? []).map((r) => r.id).sort().join(',');
          if (previous && ids(previous.konten) !== ids(list?.konten) && !LIST_OPEN_STATES.includes(previous.statusAlur)) {
            throw new errors.ApplicationError(
              `Daftar Konten Triwulan ${previous.periode} sudah diajukan atau ditandatangani; isinya hanya dapat diubah setelah daftar dikembalikan atau dibuka untuk perubahan.`,
              { code: 'LIST_MEMBERSHIP' },
            );
          }
          const stray = (list?.konten ?? []).filter((k: any) => k.periode !== list.periode);
          if (stray.length) {
            throw new errors.ApplicationError(
              `Periode daftar (${list.periode}) berbeda dengan periode kontennya: ${stray.map((k: any) => `"${k.judul}" (${k.periode})`).join(', ')}.`,
              { code: 'PERIOD_MISMATCH' },
            );
          }
        }
        return result;
      }
      const before = ctx.params?.documentId
        ? await strapi.db.query(KONTEN).findOne({ where: { documentId: ctx.params.documentId }, populate: { daftarKonten: { select: ['id'] } } })
        : null;
      const result = await next();
      const documentIds = [result?.documentId, ...((result?.entries ?? []) as any[]).map((e) => e.documentId)].filter(Boolean);
      for (const documentId of documentIds) {
        const item = await strapi.db.query(KONTEN).findOne({ where: { documentId }, populate: { daftarKonten: { select: ['id', 'periode', 'statusAlur'] } } });
        // Leaving a signed list changes what the Koordinator signed: only while it is open.
        if (before?.daftarKonten && before.daftarKonten.id !== item?.daftarKonten?.id) {
          const left = await strapi.db.query(DAFTAR).findOne({ where: { id: before.daftarKonten.id }, select: ['periode', 'statusAlur'] });
          if (left && !LIST_OPEN_STATES.includes(left.statusAlur)) {
            throw new errors.ApplicationError(`Daftar Konten Triwulan ${left.periode} sudah diajukan atau ditandatangani; konten tidak dapat dikeluarkan darinya sebelum daftar dikembalikan.`, { code: 'LIST_MEMBERSHIP' });
          }
        }
        if (!item?.daftarKonten) continue;
        const joined = ctx.action !== 'update' || before?.daftarKonten?.id !== item.daftarKonten.id;
        const problem = membershipProblem(item, item.daftarKonten, joined);
        if (problem) throw new errors.ApplicationError(problem, { code: 'LIST_MEMBERSHIP' });
      }
      return result;
    });
  });
}
