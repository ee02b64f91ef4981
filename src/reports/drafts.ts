/**
 * Evaluation report drafts (seed 001 C): created at the end of each month (the Kepala Dinas's
 * evaluation of the Koordinator) and of each semester (the Koordinator's evaluation of website
 * management), with figures computed from the record; figures recomputed on demand until the
 * report is submitted, frozen afterwards.
 */
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { queueNotices } from '../outbox/queue';
import { recipientsFor } from '../workflow/notify';
import { runAsSystem } from '../workflow/system-context';
import { previousMonth, previousSemester, type Period } from './figures';
import { loadFigures } from './load';

export const REPORT_UID = 'api::laporan-evaluasi.laporan-evaluasi';
/** Server-owned fields: never taken from an editor, a token or the Content Manager. */
export const SERVER_FIELDS = ['angka', 'angkaDihitungPada', 'kunciOtomatis'] as const;
/** The report's figures may be recomputed only in this state; from submission on they are frozen. */
export const OPEN_STATE = 'draf';

/**
 * Who writes which kind (issue "The SOP as written", seed 001 C). The workflow definition of
 * laporan-evaluasi is the authority on steps; this map only addresses drafts and gates the
 * recomputation of figures.
 */
export const AUTHOR_ROLES: Record<string, string[]> = {
  evaluasi_koordinator: ['kepala-dinas'],
  evaluasi_pengelolaan: ['koordinator'],
  rencana_konten: ['koordinator', 'sub-koordinator'],
  rekap_tahunan: ['koordinator'],
};

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export interface DraftSpec {
  jenis: 'evaluasi_koordinator' | 'evaluasi_pengelolaan';
  period: Period;
  key: string;
  judul: string;
}

/** The drafts that should exist at `now`: last month's and last semester's. */
export function dueDrafts(now: Date, utcOffsetMinutes: number): DraftSpec[] {
  const month = previousMonth(now, utcOffsetMinutes);
  const semester = previousSemester(now, utcOffsetMinutes);
  const y = month.mulai.slice(0, 4);
  const m = Number(month.mulai.slice(5, 7));
  const sy = semester.mulai.slice(0, 4);
  const s = semester.mulai.slice(5, 7) === '01' ? 1 : 2;
  return [
    {
      jenis: 'evaluasi_koordinator',
      period: month,
      key: `evaluasi_koordinator:${month.mulai.slice(0, 7)}`,
      judul: `Evaluasi Kinerja Koordinator PPID Bulan ${MONTHS[m - 1]} ${y}`,
    },
    {
      jenis: 'evaluasi_pengelolaan',
      period: semester,
      key: `evaluasi_pengelolaan:${sy}-S${s}`,
      judul: `Evaluasi Pengelolaan Website PPID Semester ${s === 1 ? 'I' : 'II'} Tahun ${sy}`,
    },
  ];
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(e.message ?? '');
};

/**
 * Creates the drafts due at `now` that do not exist yet. Idempotent, and exactly once across
 * instances: `kunciOtomatis` has a real unique index, so of two instances inserting the same draft
 * one commits and the other's transaction (draft, creation event, notices) rolls back.
 */
export async function ensureReportDrafts(strapi: Core.Strapi, now: Date = new Date()): Promise<string[]> {
  const offset = (strapi.config.get('ppid') as PpidConfig).calendar.utcOffsetMinutes;
  const created: string[] = [];
  for (const spec of dueDrafts(now, offset)) {
    const existing = await strapi.db.query(REPORT_UID).findOne({ where: { kunciOtomatis: spec.key }, select: ['id'] });
    if (existing) continue;
    const angka = await loadFigures(strapi, spec.period, now);
    try {
      await runAsSystem('laporan-otomatis', () =>
        strapi.db.transaction(async () => {
          const doc = await (strapi.documents(REPORT_UID as any) as any).create({
            data: {
              judul: spec.judul,
              jenis: spec.jenis,
              periodeMulai: spec.period.mulai,
              periodeSelesai: spec.period.selesai,
              angka,
              angkaDihitungPada: now.toISOString(),
              kunciOtomatis: spec.key,
            },
          });
          const recipients = await recipientsFor(strapi, AUTHOR_ROLES[spec.jenis]);
          await queueNotices(
            strapi,
            recipients.map((penerima) => ({
              kunciIdempotensi: `laporan-otomatis:${spec.key}:${penerima}`,
              jenis: 'laporan_draf',
              penerima,
              subjek: `Draf laporan siap diisi: ${spec.judul}`,
              isi: `Draf "${spec.judul}" (periode ${spec.period.mulai} s.d. ${spec.period.selesai}) sudah dibuat dengan angka dari jejak audit. Tambahkan temuan dan rekomendasi, lalu serahkan melalui alur kerjanya.`,
              jenisKonten: REPORT_UID,
              dokumenId: doc.documentId,
            })),
            now,
          );
        }),
      );
      created.push(spec.key);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance created it first
    }
  }
  return created;
}

export class ReportError extends Error {
  constructor(
    public status: number,
    message: string,
    public code: string,
  ) {
    super(message);
  }
}

const roleCodes = (user: any): string[] => (user?.roles ?? []).map((r: { code: string }) => r.code);

/**
 * Recomputes a report's figures now. Allowed to its author role (and the super admin) while the
 * report is a draft; the write is conditional on the state, so a submission racing with it wins
 * and the figures stay as submitted.
 */
export async function recomputeFigures(strapi: Core.Strapi, documentId: string, user: any, now: Date = new Date()) {
  const report = await strapi.db.query(REPORT_UID).findOne({ where: { documentId }, select: ['id', 'jenis', 'periodeMulai', 'periodeSelesai', 'statusAlur'] });
  if (!report) throw new ReportError(404, 'Laporan evaluasi tidak ditemukan.', 'NOT_FOUND');
  const allowed = AUTHOR_ROLES[report.jenis] ?? [];
  const codes = roleCodes(user);
  if (!codes.includes('strapi-super-admin') && !codes.some((c) => allowed.includes(c))) {
    throw new ReportError(403, `Angka laporan ini hanya dapat dihitung ulang oleh penyusunnya (${allowed.join(', ')}).`, 'WRONG_ROLE');
  }
  if (report.statusAlur !== OPEN_STATE) {
    throw new ReportError(409, 'Laporan sudah diserahkan: angkanya dibekukan bersama waktu penghitungannya dan tidak dapat dihitung ulang.', 'FROZEN');
  }
  const period = { mulai: String(report.periodeMulai).slice(0, 10), selesai: String(report.periodeSelesai).slice(0, 10) };
  const angka = await loadFigures(strapi, period, now);
  const { count } = await strapi.db.query(REPORT_UID).updateMany({
    where: { documentId, statusAlur: OPEN_STATE },
    data: { angka, angkaDihitungPada: now.toISOString() },
  });
  if (count === 0) {
    throw new ReportError(409, 'Laporan sudah diserahkan: angkanya dibekukan bersama waktu penghitungannya dan tidak dapat dihitung ulang.', 'FROZEN');
  }
  return { angka, angkaDihitungPada: now.toISOString() };
}
