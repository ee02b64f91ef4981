import type { Core } from '@strapi/strapi';
import { appendAuditEvent } from '../audit/trail';
import { NOTICE_UID } from './queue';
import type { NoticeStatus } from './policy';

const SUPER_ADMIN_CODE = 'strapi-super-admin';
const STATUSES: NoticeStatus[] = ['pending', 'sent', 'failed', 'dead'];
export const STATUS_LABELS: Record<NoticeStatus, string> = {
  pending: 'menunggu dikirim',
  sent: 'terkirim',
  failed: 'gagal, akan dicoba lagi',
  dead: 'mati (tidak dicoba lagi)',
};

function fail(ctx: any, status: number, message: string, details: Record<string, unknown> = {}) {
  const names: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'ApplicationError', message, details } };
}

const isSuperAdmin = (ctx: any) => (ctx.state.user?.roles ?? []).some((r: { code: string }) => r.code === SUPER_ADMIN_CODE);

function view(row: any) {
  return {
    id: row.id,
    documentId: row.documentId,
    status: row.statusKirim,
    statusLabel: STATUS_LABELS[row.statusKirim as NoticeStatus] ?? row.statusKirim,
    jenis: row.jenis,
    penerima: row.penerima,
    subjek: row.subjek,
    percobaan: row.percobaan,
    galatTerakhir: row.galatTerakhir ?? null,
    cobaLagiPada: row.cobaLagiPada ?? null,
    terkirimPada: row.terkirimPada ?? null,
    jenisKonten: row.jenisKonten ?? null,
    dokumenId: row.dokumenId ?? null,
    kunciIdempotensi: row.kunciIdempotensi,
    createdAt: row.createdAt,
  };
}

/** `:id` is the number the Content Manager lists, or the documentId in its URL. */
const whereId = (id: string) => (/^\d+$/.test(id) ? { id: Number(id) } : { documentId: id });

/**
 * Super admin only (admin JWT):
 *   GET  /ppid/notifications?status=failed,dead   failed and dead notices with their last error (default), or any statuses
 *   POST /ppid/notifications/:id/retry {note?}    puts a failed or dead notice back in the queue, audited
 */
export function outboxRoutes(strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  const refuse = (ctx: any) =>
    fail(ctx, 403, 'Hanya super admin yang dapat melihat dan mengantrekan ulang notifikasi kotak keluar.', { code: 'SUPER_ADMIN_ONLY' });
  return {
    type: 'admin',
    prefix: '/ppid',
    routes: [
      {
        method: 'GET',
        path: '/notifications',
        config: { policies },
        handler: async (ctx: any) => {
          if (!isSuperAdmin(ctx)) return refuse(ctx);
          const asked = String(ctx.query.status ?? 'failed,dead').split(',').map((s) => s.trim()).filter(Boolean);
          const unknown = asked.filter((s) => !STATUSES.includes(s as NoticeStatus));
          if (unknown.length > 0 || asked.length === 0) {
            return fail(ctx, 400, `Status tidak dikenal: ${unknown.join(', ') || '(kosong)'}. Pilih dari: ${STATUSES.join(', ')}.`);
          }
          const limit = Math.min(Math.max(Number.parseInt(String(ctx.query.limit ?? '100'), 10) || 100, 1), 500);
          const query = strapi.db.query(NOTICE_UID);
          const rows = await query.findMany({ where: { statusKirim: { $in: asked } }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit });
          const counts: Record<string, number> = {};
          for (const status of STATUSES) counts[status] = await query.count({ where: { statusKirim: status } });
          ctx.body = { data: rows.map(view), meta: { counts } };
        },
      },
      {
        method: 'POST',
        path: '/notifications/:id/retry',
        config: { policies },
        handler: async (ctx: any) => {
          if (!isSuperAdmin(ctx)) return refuse(ctx);
          const note = ctx.request.body?.note;
          if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 1000)) {
            return fail(ctx, 400, 'Permintaan tidak valid: "note" harus berupa teks paling banyak 1000 karakter.');
          }
          const user = ctx.state.user;
          const outcome = await strapi.db.transaction(async () => {
            const query = strapi.db.query(NOTICE_UID);
            const notice = await query.findOne({ where: whereId(String(ctx.params.id)) });
            if (!notice) return { status: 404, message: 'Notifikasi tidak ditemukan.' } as const;
            if (notice.statusKirim !== 'dead' && notice.statusKirim !== 'failed') {
              return {
                status: 409,
                message: `Notifikasi ini berstatus "${STATUS_LABELS[notice.statusKirim as NoticeStatus] ?? notice.statusKirim}"; hanya notifikasi yang gagal atau mati yang dapat diantrekan ulang.`,
              } as const;
            }
            const now = new Date();
            // Compare-and-set: a sender taking the notice at this moment wins, and nothing changes here;
            // so does a delivery that timed out and may still be running (its lease has not expired).
            const { count } = await query.updateMany({
              where: {
                id: notice.id,
                statusKirim: notice.statusKirim,
                percobaan: notice.percobaan,
                $or: [{ sewaSampai: null }, { sewaSampai: { $lte: now } }],
              },
              data: { statusKirim: 'pending', percobaan: 0, cobaLagiPada: now, sewaSampai: null, tokenSewa: null },
            });
            if (count !== 1) {
              return { status: 409, message: 'Notifikasi sedang diproses pengirim. Tunggu beberapa menit, muat ulang, lalu coba lagi.' } as const;
            }
            await appendAuditEvent(strapi, {
              kategori: 'sistem',
              peristiwa: 'notifikasi_diantrekan_ulang',
              jenisKonten: NOTICE_UID,
              dokumenId: notice.documentId,
              dari: notice.statusKirim,
              ke: 'pending',
              aktorId: user.id,
              aktorEmail: user.email,
              ip: ctx.request.ip?.slice(0, 64) ?? null,
              waktu: now.toISOString(),
              catatan: `${notice.penerima}: ${notice.subjek} (${notice.percobaan} percobaan; galat terakhir: ${notice.galatTerakhir ?? '-'})${note ? `. Catatan: ${note}` : ''}`.slice(0, 5000),
            });
            return { status: 200, row: await query.findOne({ where: { id: notice.id } }) } as const;
          });
          if (outcome.status !== 200) return fail(ctx, outcome.status, outcome.message);
          ctx.body = { data: view(outcome.row) };
        },
      },
    ],
  };
}
