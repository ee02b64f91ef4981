/**
 * Admin API of the registers and the annual report: JSON lists and XLSX files (exceljs).
 * Personal data leaves the system only through the request-handling roles (REGISTER_ROLES);
 * the annual report holds aggregates only and is open to every admin.
 */
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import type { PpidConfig } from '../config/ppid-config';
import { appendAuditEvent } from '../audit/trail';
import { publishAsDipHandler } from './publish-dip';
import { OBJECTION_UID, REQUEST_UID, requestStatistics } from '.';
import {
  OBJECTION_REGISTER_COLUMNS,
  REQUEST_REGISTER_COLUMNS,
  annualReportRows,
  objectionRegisterRow,
  requestRegisterRow,
  type Cell,
} from './registers';

/** Roles that handle requests (and so may export requesters' data); the super admin too. */
export const REGISTER_ROLES = {
  permohonan: ['operator', 'sub-koordinator', 'koordinator', 'strapi-super-admin'],
  keberatan: ['operator', 'sub-koordinator', 'koordinator', 'atasan-ppid', 'strapi-super-admin'],
} as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(title: string, columns: readonly string[] | null, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PPID CMS';
  const ws = wb.addWorksheet(title.slice(0, 31));
  if (columns) {
    ws.addRow([...columns]).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function yearOf(ctx: any): number | null {
  const now = new Date().getUTCFullYear();
  const raw = ctx.query?.tahun ?? String(now);
  const year = /^\d{4}$/.test(String(raw)) ? Number(raw) : NaN;
  return year >= 2008 && year <= now + 1 ? year : null;
}

function fail(ctx: any, status: number, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : 'ValidationError', message, details: {} } };
}

const roleCodes = (ctx: any): string[] => (ctx.state?.user?.roles ?? []).map((r: any) => r.code);

async function requestRows(strapi: Core.Strapi, year: number) {
  const offset = (strapi.config.get('ppid') as PpidConfig).calendar.utcOffsetMinutes;
  const rows = await strapi.db.query(REQUEST_UID as any).findMany({
    where: { tahun: year },
    orderBy: { urutan: 'asc' },
    populate: { dasarPengecualian: { select: ['nomor', 'dasarHukumPengecualian'] } },
  });
  return rows.map((r: any) => requestRegisterRow(r, offset));
}

async function objectionRows(strapi: Core.Strapi, year: number) {
  const offset = (strapi.config.get('ppid') as PpidConfig).calendar.utcOffsetMinutes;
  const rows = await strapi.db.query(OBJECTION_UID as any).findMany({
    where: { tahun: year },
    orderBy: { urutan: 'asc' },
    populate: { permohonan: { select: ['nomorRegistrasi', 'nama'] } },
  });
  return rows.map((r: any) => objectionRegisterRow(r, offset));
}

export function registerRoutes(strapi: Core.Strapi) {
  const policies = ['admin::isAuthenticatedAdmin'];
  const register = (kind: 'permohonan' | 'keberatan', format: 'json' | 'xlsx') => async (ctx: any) => {
    if (!roleCodes(ctx).some((c) => (REGISTER_ROLES[kind] as readonly string[]).includes(c))) {
      return fail(ctx, 403, `Buku register ${kind} memuat data pribadi dan hanya dapat dibuka oleh petugas yang menangani permohonan.`);
    }
    const year = yearOf(ctx);
    if (year === null) return fail(ctx, 400, 'Tahun tidak valid.');
    const rows = kind === 'permohonan' ? await requestRows(strapi, year) : await objectionRows(strapi, year);
    const columns = kind === 'permohonan' ? REQUEST_REGISTER_COLUMNS : OBJECTION_REGISTER_COLUMNS;
    if (format === 'json') {
      ctx.body = { data: { tahun: year, columns, rows } };
      return;
    }
    // Who took personal data out, and when, is on the audit trail.
    await appendAuditEvent(strapi, {
      kategori: 'keamanan',
      peristiwa: 'ekspor_register',
      aktorId: ctx.state.user.id,
      aktorEmail: ctx.state.user.email,
      ip: ctx.request.ip ?? null,
      catatan: `Buku register ${kind} ${year} (${rows.length} baris)`,
    });
    ctx.set('Content-Disposition', `attachment; filename="register-${kind}-${year}.xlsx"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = XLSX;
    ctx.body = await workbook(`Register ${kind} ${year}`, columns, rows);
  };
  const report = (format: 'json' | 'xlsx') => async (ctx: any) => {
    const year = yearOf(ctx);
    if (year === null) return fail(ctx, 400, 'Tahun tidak valid.');
    const stats = await requestStatistics(strapi, year);
    if (format === 'json') {
      ctx.body = { data: stats };
      return;
    }
    ctx.set('Content-Disposition', `attachment; filename="laporan-layanan-informasi-${year}.xlsx"`);
    ctx.type = XLSX;
    ctx.body = await workbook(`Laporan ${year}`, null, annualReportRows(stats));
  };
  return {
    type: 'admin',
    prefix: '/ppid',
    routes: [
      { method: 'GET', path: '/register/permohonan', handler: register('permohonan', 'json'), config: { policies } },
      { method: 'GET', path: '/register/permohonan.xlsx', handler: register('permohonan', 'xlsx'), config: { policies } },
      { method: 'GET', path: '/register/keberatan', handler: register('keberatan', 'json'), config: { policies } },
      { method: 'GET', path: '/register/keberatan.xlsx', handler: register('keberatan', 'xlsx'), config: { policies } },
      { method: 'GET', path: '/laporan-layanan-informasi', handler: report('json'), config: { policies } },
      { method: 'GET', path: '/laporan-layanan-informasi.xlsx', handler: report('xlsx'), config: { policies } },
      { method: 'POST', path: '/permohonan/:documentId/terbitkan-dip', handler: publishAsDipHandler(strapi), config: { policies } },
    ],
  };
}
