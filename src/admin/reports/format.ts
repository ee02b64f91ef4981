/** Pure helpers of the report view (unit-tested without a browser). */
import type { Figures } from '../../reports/figures';

export type { Figures };

export interface ReportSummary {
  documentId: string;
  judul: string;
  jenis: string;
  periodeMulai: string;
  periodeSelesai: string;
  statusAlur: string;
}

export interface ReportDetail extends ReportSummary {
  angka: Figures | null;
  angkaDihitungPada: string | null;
  dapatDihitungUlang: boolean;
}

export interface ExportJob {
  id: number;
  jenis: string;
  status: 'menunggu' | 'diproses' | 'selesai' | 'gagal';
  kemajuan: number;
  pesan: string | null;
  namaBerkas: string | null;
}

export const EXPORT_LABELS: Record<string, string> = {
  laporan_evaluasi_pdf: 'Laporan evaluasi (PDF)',
  daftar_konten_pdf: 'Daftar konten triwulan (PDF)',
  daftar_konten_xlsx: 'Daftar konten triwulan (XLSX)',
  dip_pdf: 'Daftar Informasi Publik (PDF)',
  dip_xlsx: 'Daftar Informasi Publik (XLSX)',
};

export const formatMinutes = (m: number | null): string => {
  if (m === null) return '-';
  if (m < 60) return `${m} menit`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} jam ${m % 60} menit` : `${h} jam`;
};

export const periodLabel = (r: Pick<ReportSummary, 'periodeMulai' | 'periodeSelesai'>) => `${String(r.periodeMulai).slice(0, 10)} s.d. ${String(r.periodeSelesai).slice(0, 10)}`;

/** The SLA figures as chart points (one per step) and table rows. */
export function slaChartData(f: Figures) {
  return {
    chart: f.sla.map((r) => ({ nama: r.keadaan.length > 28 ? `${r.keadaan.slice(0, 26)}…` : r.keadaan, tepat: r.terpenuhi, terlambat: r.terlambat })),
    rows: f.sla.map((r) => [r.alur, r.keadaan, r.jumlah, r.terpenuhi, r.terlambat, formatMinutes(r.medianMenitKerja), formatMinutes(r.terlamaMenitKerja)]),
  };
}

/** The text alternative of a bar chart: every bar's value in words. */
export function chartAlternative(title: string, data: Record<string, string | number>[], bars: { key: string; name: string }[]): string {
  if (data.length === 0) return `${title}: tidak ada data.`;
  return `${title}: ${data.map((d) => `${d.nama} — ${bars.map((b) => `${b.name} ${d[b.key] ?? 0}`).join(', ')}`).join('; ')}.`;
}

/** The server's Indonesian message of a refused request, or a generic one. */
export function describeExportError(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e?.response?.data?.error?.message ?? 'Permintaan gagal; coba lagi.';
}

export const KATEGORI_LABELS: Record<string, string> = {
  berkala: 'Berkala',
  serta_merta: 'Serta merta',
  setiap_saat: 'Setiap saat',
  dikecualikan: 'Dikecualikan',
};
export const kategoriLabel = (k: string) => KATEGORI_LABELS[k] ?? k;
