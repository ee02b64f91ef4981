/**
 * Exports made in the background: a request writes a job row (`ekspor-laporan`) and returns at
 * once; a worker claims the row with a conditional update and a lease, reports progress on it,
 * and stores the file in it. The requesting instance starts the worker right away; the cron task
 * picks up anything left (another instance's crash, a restart) once the lease has run out.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { OfficeConfig, PpidConfig } from '../config/ppid-config';
import { readLogo } from './documents/pdf';
import {
  contentListPdf,
  contentListXlsx,
  dipPdf,
  dipXlsx,
  evaluationPdf,
  type ContentList,
  type DipEntry,
  type EvaluationReport,
} from './documents/builders';
import { REPORT_UID } from './drafts';
import { daftarKontenWorkflow } from '../api/daftar-konten/workflow';

export const EXPORT_UID = 'api::ekspor-laporan.ekspor-laporan';
export const CONTENT_LIST_UID = 'api::daftar-konten.daftar-konten';
const SCHEDULED_UID = 'api::konten-terjadwal.konten-terjadwal';
const DIP_UID = 'api::dip-document.dip-document';
export const EXPORT_KINDS = ['laporan_evaluasi_pdf', 'daftar_konten_pdf', 'daftar_konten_xlsx', 'dip_pdf', 'dip_xlsx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
const LEASE_MS = 10 * 60_000;
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const DEFAULT_OFFICE: OfficeConfig = {
  government: 'PEMERINTAH PROVINSI SUMATERA BARAT',
  name: 'PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI',
  address: '',
  city: 'Padang',
  logo: '',
};
export const officeConfig = (strapi: Core.Strapi): OfficeConfig => ({ ...DEFAULT_OFFICE, ...((strapi.config.get('ppid') as PpidConfig).office ?? {}) });

export interface ExportParams {
  laporan?: string;
  periode?: string;
  tahun?: number;
}

/** Checks a request; returns an Indonesian message for a bad one (nothing is queued then). */
export async function validateExport(strapi: Core.Strapi, jenis: unknown, params: ExportParams): Promise<{ status: number; message: string } | null> {
  if (!EXPORT_KINDS.includes(jenis as ExportKind)) return { status: 400, message: `Jenis ekspor tidak dikenal. Pilihan: ${EXPORT_KINDS.join(', ')}.` };
  if (jenis === 'laporan_evaluasi_pdf') {
    if (typeof params.laporan !== 'string' || !params.laporan) return { status: 400, message: 'Sebutkan laporan evaluasi yang diekspor (laporan).' };
    const found = await strapi.db.query(REPORT_UID).findOne({ where: { documentId: params.laporan }, select: ['id'] });
    if (!found) return { status: 404, message: 'Laporan evaluasi tidak ditemukan.' };
  }
  if (String(jenis).startsWith('daftar_konten') && !/^\d{4}-Q[1-4]$/.test(String(params.periode ?? ''))) {
    return { status: 400, message: 'Periode daftar konten harus berbentuk TAHUN-Qn, misalnya 2026-Q1.' };
  }
  if (String(jenis).startsWith('dip_')) {
    const y = Number(params.tahun);
    if (!Number.isInteger(y) || y < 2008 || y > new Date().getUTCFullYear() + 1) return { status: 400, message: 'Tahun Daftar Informasi Publik tidak valid.' };
  }
  return null;
}

export async function enqueueExport(strapi: Core.Strapi, jenis: ExportKind, params: ExportParams, user: { id: number; email: string }) {
  const clean: ExportParams = {};
  if (params.laporan) clean.laporan = String(params.laporan);
  if (params.periode) clean.periode = String(params.periode);
  if (params.tahun) clean.tahun = Number(params.tahun);
  return strapi.db.query(EXPORT_UID).create({
    data: { jenis, parameter: clean, status: 'menunggu', kemajuan: 0, percobaan: 0, pemintaId: user.id, pemintaEmail: user.email },
  });
}

// ------------------------------------------------------------------------------------------------
// Data

async function loadEvaluation(strapi: Core.Strapi, documentId: string): Promise<EvaluationReport> {
  const r = await strapi.db.query(REPORT_UID).findOne({ where: { documentId } });
  if (!r) throw new Error('Laporan evaluasi tidak ditemukan.');
  return {
    judul: r.judul,
    jenis: r.jenis,
    periodeMulai: String(r.periodeMulai).slice(0, 10),
    periodeSelesai: String(r.periodeSelesai).slice(0, 10),
    statusAlur: r.statusAlur,
    angka: r.angka ?? null,
    angkaDihitungPada: r.angkaDihitungPada ? new Date(r.angkaDihitungPada).toISOString() : null,
    temuan: r.temuan ?? null,
    rekomendasi: r.rekomendasi ?? null,
  };
}

/** The list's state as its workflow names it (src/api/daftar-konten/workflow.ts: one source). */
const listStateLabel = (state: string | null | undefined): string | null =>
  state ? (daftarKontenWorkflow.states[state]?.label ?? state) : null;

/**
 * The quarter's list: the `daftar-konten` document of that period with its items when that type
 * exists (issue "The SOP as written"), otherwise the scheduled items planned for the quarter.
 */
export async function loadContentList(strapi: Core.Strapi, periode: string): Promise<ContentList> {
  const itemOf = (k: any) => ({
    judul: k.judul,
    jenis: k.jenis,
    dokumen: k.dokumen ? `${k.dokumen.nomor} – ${k.dokumen.judul}` : null,
    jadwalTayang: new Date(k.jadwalTayang).toISOString(),
    statusAlur: k.statusAlur,
  });
  const populateItem = { dokumen: { select: ['nomor', 'judul'] } };
  if ((strapi.contentTypes as Record<string, unknown>)[CONTENT_LIST_UID]) {
    const list = await strapi.db.query(CONTENT_LIST_UID as any).findOne({
      where: { periode },
      orderBy: { id: 'desc' },
      populate: { konten: { populate: populateItem, orderBy: { jadwalTayang: 'asc' } } },
    });
    if (list) {
      return {
        periode,
        status: listStateLabel(list.statusAlur),
        catatan: list.catatan ?? null,
        items: ((list.konten ?? []) as any[]).sort((a, b) => String(a.jadwalTayang).localeCompare(String(b.jadwalTayang))).map(itemOf),
      };
    }
  }
  const items = await strapi.db.query(SCHEDULED_UID).findMany({ where: { periode }, orderBy: { jadwalTayang: 'asc' }, populate: populateItem });
  return { periode, status: null, catatan: null, items: items.map(itemOf) };
}

/** The public entries of a year (published in Indonesian; exempted information is not in the list). */
export async function loadDipEntries(strapi: Core.Strapi, year: number): Promise<DipEntry[]> {
  const rows = await strapi.db.query(DIP_UID).findMany({
    where: {
      locale: 'id',
      publishedAt: { $notNull: true },
      kategori: { $ne: 'dikecualikan' },
      $or: [{ tahun: String(year) }, { tahun: { $null: true }, waktuPembuatan: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }],
    },
    populate: { unit: { select: ['nama'] } },
    orderBy: [{ kategori: 'asc' }, { nomor: 'asc' }],
  });
  return rows.map((r: any) => ({
    nomor: r.nomor,
    judul: r.judul,
    ringkasan: r.ringkasan,
    kategori: r.kategori,
    unit: r.unit?.nama ?? null,
    pejabatPenguasa: r.pejabatPenguasa,
    penanggungJawab: r.penanggungJawab,
    waktuPembuatan: r.waktuPembuatan ? String(r.waktuPembuatan).slice(0, 10) : null,
    tempatPembuatan: r.tempatPembuatan ?? null,
    bentukInformasi: r.bentukInformasi,
    jangkaWaktuPenyimpanan: r.jangkaWaktuPenyimpanan,
  }));
}

// ------------------------------------------------------------------------------------------------
// Worker

async function build(strapi: Core.Strapi, job: any, progress: (p: number) => Promise<void>): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const office = officeConfig(strapi);
  const logo = readLogo(office, strapi.dirs?.app?.root ?? process.cwd());
  const now = new Date();
  const p = (job.parameter ?? {}) as ExportParams;
  const scaled = (from: number, span: number) => async (done: number, total: number) => progress(Math.round(from + (total ? (done / total) * span : span)));
  switch (job.jenis as ExportKind) {
    case 'laporan_evaluasi_pdf': {
      const report = await loadEvaluation(strapi, p.laporan!);
      await progress(10);
      const slug = report.periodeMulai.slice(0, 7);
      return { name: `laporan-evaluasi-${report.jenis}-${slug}.pdf`, mime: PDF, bytes: await evaluationPdf(report, office, logo, now, scaled(10, 85)) };
    }
    case 'daftar_konten_pdf':
    case 'daftar_konten_xlsx': {
      const list = await loadContentList(strapi, p.periode!);
      await progress(10);
      const pdf = job.jenis === 'daftar_konten_pdf';
      return pdf
        ? { name: `daftar-konten-${p.periode}.pdf`, mime: PDF, bytes: await contentListPdf(list, office, logo, now, scaled(10, 85)) }
        : { name: `daftar-konten-${p.periode}.xlsx`, mime: XLSX, bytes: await contentListXlsx(list, office, scaled(10, 85)) };
    }
    case 'dip_pdf':
    case 'dip_xlsx': {
      const entries = await loadDipEntries(strapi, Number(p.tahun));
      await progress(10);
      return job.jenis === 'dip_pdf'
        ? { name: `daftar-informasi-publik-${p.tahun}.pdf`, mime: PDF, bytes: await dipPdf(Number(p.tahun), entries, office, logo, now, scaled(10, 85)) }
        : { name: `daftar-informasi-publik-${p.tahun}.xlsx`, mime: XLSX, bytes: await dipXlsx(Number(p.tahun), entries, office, scaled(10, 85)) };
    }
    default:
      throw new Error(`jenis ekspor tidak dikenal: ${job.jenis}`);
  }
}

/**
 * Claims and runs waiting jobs (and jobs whose worker's lease ran out). Of several instances each
 * job is run by the one whose conditional update took it.
 */
export async function processExports(strapi: Core.Strapi, now: Date = new Date(), limit = 5): Promise<number> {
  const q = strapi.db.query(EXPORT_UID);
  const candidates = await q.findMany({
    where: { $or: [{ status: 'menunggu' }, { status: 'diproses', sewaSampai: { $lt: now.toISOString() } }] },
    select: ['id', 'status', 'percobaan'],
    orderBy: { id: 'asc' },
    limit,
  });
  let done = 0;
  for (const c of candidates) {
    const token = crypto.randomBytes(16).toString('hex');
    if (c.percobaan >= 3) {
      await q.updateMany({ where: { id: c.id, status: c.status, percobaan: c.percobaan }, data: { status: 'gagal', pesan: 'Gagal setelah 3 percobaan (proses terhenti di tengah jalan).' } });
      continue;
    }
    const { count } = await q.updateMany({
      where: { id: c.id, status: c.status, percobaan: c.percobaan },
      data: { status: 'diproses', percobaan: c.percobaan + 1, tokenSewa: token, sewaSampai: new Date(Date.now() + LEASE_MS).toISOString(), kemajuan: 0 },
    });
    if (count !== 1) continue;
    const job = await q.findOne({ where: { id: c.id } });
    const mine = { id: c.id, tokenSewa: token };
    let last = -1;
    const progress = async (p: number) => {
      const value = Math.max(0, Math.min(99, p));
      if (value === last) return;
      last = value;
      await q.updateMany({ where: mine, data: { kemajuan: value } });
    };
    try {
      const file = await build(strapi, job, progress);
      await q.updateMany({
        where: mine,
        data: { status: 'selesai', kemajuan: 100, namaBerkas: file.name, mime: file.mime, ukuran: file.bytes.length, isi: file.bytes.toString('base64'), selesaiPada: new Date().toISOString(), sewaSampai: null, pesan: null },
      });
      done++;
    } catch (error) {
      strapi.log.error(`[ppid] ekspor ${c.id}: ${(error as Error).stack ?? error}`);
      await q.updateMany({ where: mine, data: { status: 'gagal', pesan: (error as Error).message.slice(0, 2000), sewaSampai: null } });
    }
  }
  return done;
}

/** Starts the worker in the background of this instance (the request has already returned). */
export function kickExports(strapi: Core.Strapi): void {
  setImmediate(() => {
    processExports(strapi).catch((error) => strapi.log.error(`[ppid] ekspor: ${(error as Error).message}`));
  });
}

export function jobView(row: any) {
  return {
    id: row.id,
    jenis: row.jenis,
    parameter: row.parameter ?? {},
    status: row.status,
    kemajuan: row.kemajuan,
    pesan: row.pesan ?? null,
    namaBerkas: row.namaBerkas ?? null,
    ukuran: row.ukuran ?? null,
    dibuatPada: row.createdAt,
    selesaiPada: row.selesaiPada ?? null,
  };
}
