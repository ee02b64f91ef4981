/**
 * Admin API of evaluation reports and exports (admin JWT):
 *   GET  /ppid/laporan/evaluasi                       the latest 100 evaluation reports (any admin role)
 *   GET  /ppid/laporan/evaluasi/:documentId           the report with its figures (any admin role)
 *   POST /ppid/laporan/evaluasi/:documentId/angka     recompute the figures (author role, draft only)
 *   POST /ppid/laporan/ekspor {jenis, laporan|periode|tahun}   queue an export → 202 with the job
 *   GET  /ppid/laporan/ekspor                         the caller's recent jobs
 *   GET  /ppid/laporan/ekspor/:id                     one job (progress)
 *   GET  /ppid/laporan/ekspor/:id/berkas              the finished file (its requester or the super admin)
 */
import type { Core } from '@strapi/strapi';
import { ReportError, REPORT_UID, recomputeFigures } from './drafts';
import { figureTables } from './documents/builders';
import { EXPORT_UID, enqueueExport, jobView, kickExports, validateExport, type ExportKind } from './jobs';

const SUPER_ADMIN = 'strapi-super-admin';
const NAMES: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' };

function fail(ctx: any, status: number, message: string, details: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: NAMES[status] ?? 'ApplicationError', message, details } };
}

const roleCodes = (ctx: any): string[] => (ctx.state.user?.roles ?? []).map((r: { code: string }) => r.code);

export function reportRoutes(strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  return {
    type: 'admin',
    prefix: '/ppid/laporan',
    routes: [
      {
        method: 'GET',
        path: '/evaluasi',
        config: { policies },
        handler: async (ctx: any) => {
          const rows = await strapi.db.query(REPORT_UID).findMany({
            select: ['documentId', 'judul', 'jenis', 'periodeMulai', 'periodeSelesai', 'statusAlur', 'angkaDihitungPada'],
            orderBy: [{ periodeSelesai: 'desc' }, { id: 'desc' }],
            limit: 100,
          });
          ctx.body = { data: rows };
        },
      },
      {
        method: 'GET',
        path: '/evaluasi/:documentId',
        config: { policies },
        handler: async (ctx: any) => {
          const r = await strapi.db.query(REPORT_UID).findOne({ where: { documentId: ctx.params.documentId } });
          if (!r) return fail(ctx, 404, 'Laporan evaluasi tidak ditemukan.');
          ctx.body = {
            data: {
              documentId: r.documentId,
              judul: r.judul,
              jenis: r.jenis,
              periodeMulai: r.periodeMulai,
              periodeSelesai: r.periodeSelesai,
              statusAlur: r.statusAlur,
              angka: r.angka ?? null,
              angkaDihitungPada: r.angkaDihitungPada ?? null,
              dapatDihitungUlang: r.statusAlur === 'draf',
              tabel: r.angka ? figureTables(r.angka) : null,
            },
          };
        },
      },
      {
        method: 'POST',
        path: '/evaluasi/:documentId/angka',
        config: { policies },
        handler: async (ctx: any) => {
          try {
            ctx.body = { data: await recomputeFigures(strapi, ctx.params.documentId, ctx.state.user) };
          } catch (error) {
            if (error instanceof ReportError) return fail(ctx, error.status, error.message, { code: error.code });
            throw error;
          }
        },
      },
      {
        method: 'POST',
        path: '/ekspor',
        config: { policies },
        handler: async (ctx: any) => {
          const body = ctx.request.body ?? {};
          const params = { laporan: body.laporan, periode: body.periode, tahun: body.tahun };
          const problem = await validateExport(strapi, body.jenis, params);
          if (problem) return fail(ctx, problem.status, problem.message);
          const job = await enqueueExport(strapi, body.jenis as ExportKind, params, ctx.state.user);
          kickExports(strapi);
          ctx.status = 202;
          ctx.body = { data: jobView(job) };
        },
      },
      {
        method: 'GET',
        path: '/ekspor',
        config: { policies },
        handler: async (ctx: any) => {
          const rows = await strapi.db.query(EXPORT_UID).findMany({
            where: { pemintaId: ctx.state.user.id },
            select: ['id', 'jenis', 'parameter', 'status', 'kemajuan', 'pesan', 'namaBerkas', 'ukuran', 'createdAt', 'selesaiPada'],
            orderBy: { id: 'desc' },
            limit: 20,
          });
          ctx.body = { data: rows.map(jobView) };
        },
      },
      {
        method: 'GET',
        path: '/ekspor/:id',
        config: { policies },
        handler: async (ctx: any) => {
          const id = Number(ctx.params.id);
          const row = Number.isInteger(id)
            ? await strapi.db.query(EXPORT_UID).findOne({
                where: { id },
                select: ['id', 'jenis', 'parameter', 'status', 'kemajuan', 'pesan', 'namaBerkas', 'ukuran', 'createdAt', 'selesaiPada', 'pemintaId'],
              })
            : null;
          if (!row || (row.pemintaId !== ctx.state.user.id && !roleCodes(ctx).includes(SUPER_ADMIN))) return fail(ctx, 404, 'Ekspor tidak ditemukan.');
          ctx.body = { data: jobView(row) };
        },
      },
      {
        method: 'GET',
        path: '/ekspor/:id/berkas',
        config: { policies },
        handler: async (ctx: any) => {
          const id = Number(ctx.params.id);
          const row = Number.isInteger(id) ? await strapi.db.query(EXPORT_UID).findOne({ where: { id } }) : null;
          if (!row || (row.pemintaId !== ctx.state.user.id && !roleCodes(ctx).includes(SUPER_ADMIN))) return fail(ctx, 404, 'Ekspor tidak ditemukan.');
          if (row.status !== 'selesai') return fail(ctx, 409, `Berkas belum siap (status: ${row.status}, ${row.kemajuan}%).`);
          ctx.set('Content-Disposition', `attachment; filename="${row.namaBerkas}"`);
          ctx.set('Cache-Control', 'no-store');
          ctx.type = row.mime;
          ctx.body = Buffer.from(row.isi, 'base64');
        },
      },
    ],
  };
}
