/**
 * The registers kept in Indonesian practice (Perki 1/2021 lampiran: Buku Register Permohonan
 * Informasi Publik, Buku Register Keberatan) and the annual report's figures, as rows of cells.
 * Pure: rows in, rows out; the XLSX writing is in export.ts.
 */
import { OBJECTION_GROUNDS } from './rules';
import type { Statistics } from './statistics';

export type Cell = string | number | null;

const DECISIONS: Record<string, string> = {
  diterima: 'Belum diputuskan (diterima)',
  diproses: 'Belum diputuskan (diproses)',
  diperpanjang: 'Belum diputuskan (diperpanjang)',
  dikabulkan: 'Diberikan seluruhnya',
  dikabulkan_sebagian: 'Diberikan sebagian',
  ditolak: 'Ditolak',
  tidak_dikuasai: 'Tidak dikuasai',
  diteruskan: 'Diteruskan ke badan publik lain',
};
const HELD: Record<string, string> = { dikuasai: 'Dikuasai', belum_didokumentasikan: 'Belum didokumentasikan', tidak_dikuasai: 'Tidak dikuasai' };
const FORM: Record<string, [string, string]> = {
  melihat_membaca: ['-', 'Melihat/membaca'],
  salinan_softcopy: ['Softcopy', 'Salinan'],
  salinan_hardcopy: ['Hardcopy', 'Salinan'],
};

/** Local (WIB) date of an instant as DD-MM-YYYY, or '' when absent. */
export function localDate(value: unknown, utcOffsetMinutes = 420): string {
  if (!value) return '';
  const d = new Date(new Date(value as string).getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
}

export const REQUEST_REGISTER_COLUMNS = [
  'No. registrasi', 'Tanggal permohonan', 'Nama pemohon', 'Alamat', 'Nomor telepon/e-mail', 'Pekerjaan',
  'Informasi yang diminta', 'Tujuan penggunaan', 'Dikuasai/belum didokumentasikan', 'Softcopy/hardcopy', 'Melihat/salinan',
  'Cara mendapatkan', 'Keputusan', 'Alasan penolakan', 'Batas waktu jawaban', 'Diperpanjang', 'Tanggal pemberitahuan tertulis',
  'Tanggal penyerahan informasi', 'Biaya (Rp)', 'Tepat waktu',
];

export interface RequestRegisterRow {
  nomorRegistrasi: string;
  diterimaPada: string;
  nama: string;
  alamat: string;
  telepon: string;
  email: string;
  pekerjaan: string;
  rincianInformasi: string;
  tujuanPenggunaan: string;
  informasiDikuasai?: string | null;
  caraMemperoleh: string;
  caraMenerima: string;
  statusAlur: string;
  dasarPengecualian?: { nomor?: string; dasarHukumPengecualian?: string | null }[] | null;
  catatanJawaban?: string | null;
  batasWaktu: string;
  diperpanjang?: boolean | null;
  dijawabPada?: string | null;
  tanggalPemberitahuan?: string | null;
  tanggalPenyerahan?: string | null;
  biaya?: number | string | null;
}

export function requestRegisterRow(r: RequestRegisterRow, offset = 420): Cell[] {
  const [soft, look] = FORM[r.caraMemperoleh] ?? ['', ''];
  const refusal =
    r.statusAlur === 'ditolak'
      ? (r.dasarPengecualian ?? []).map((d) => d.dasarHukumPengecualian || d.nomor).filter(Boolean).join('; ') || (r.catatanJawaban ?? '')
      : '';
  const onTime = r.dijawabPada ? (new Date(r.dijawabPada).getTime() <= new Date(r.batasWaktu).getTime() ? 'Ya' : 'Tidak') : '';
  return [
    r.nomorRegistrasi, localDate(r.diterimaPada, offset), r.nama, r.alamat, [r.telepon, r.email].filter((x) => x && x !== '-').join(' / ') || '-',
    r.pekerjaan, r.rincianInformasi, r.tujuanPenggunaan, HELD[r.informasiDikuasai ?? ''] ?? '', soft, look,
    r.caraMenerima === 'email' ? 'E-mail' : r.caraMenerima === 'pos' ? 'Pos' : 'Langsung', DECISIONS[r.statusAlur] ?? r.statusAlur,
    refusal, localDate(r.batasWaktu, offset), r.diperpanjang ? 'Ya' : 'Tidak',
    r.tanggalPemberitahuan ? localDate(`${r.tanggalPemberitahuan}T00:00:00Z`, 0) : '', r.tanggalPenyerahan ? localDate(`${r.tanggalPenyerahan}T00:00:00Z`, 0) : '',
    r.biaya === null || r.biaya === undefined || r.biaya === '' ? 0 : Number(r.biaya), onTime,
  ];
}

export const OBJECTION_REGISTER_COLUMNS = [
  'No. keberatan', 'Tanggal keberatan', 'No. registrasi permohonan', 'Nama pemohon', 'Alasan keberatan (Pasal 35 ayat 1)',
  'Ringkasan kasus', 'Keputusan atasan PPID', 'Tanggapan atasan PPID', 'Tanggal tanggapan', 'Batas tanggapan',
  'Ke Komisi Informasi', 'Putusan Komisi Informasi',
];

export interface ObjectionRegisterRow {
  nomorRegistrasi: string;
  diajukanPada: string;
  permohonan?: { nomorRegistrasi?: string; nama?: string } | null;
  alasan: string;
  ringkasanKasus: string;
  statusAlur: string;
  tanggapanAtasan?: string | null;
  ditanggapiPada?: string | null;
  batasTanggapan: string;
  keKomisiInformasi?: boolean | null;
  tanggalKeKomisi?: string | null;
  putusanKomisi?: string | null;
}

export function objectionRegisterRow(o: ObjectionRegisterRow, offset = 420): Cell[] {
  return [
    o.nomorRegistrasi, localDate(o.diajukanPada, offset), o.permohonan?.nomorRegistrasi ?? '', o.permohonan?.nama ?? '',
    OBJECTION_GROUNDS[o.alasan as keyof typeof OBJECTION_GROUNDS] ?? o.alasan, o.ringkasanKasus,
    o.statusAlur === 'dikabulkan' ? 'Keberatan dikabulkan' : o.statusAlur === 'ditolak' ? 'Keberatan ditolak' : 'Belum ditanggapi',
    o.tanggapanAtasan ?? '', localDate(o.ditanggapiPada, offset), localDate(o.batasTanggapan, offset),
    o.keKomisiInformasi ? `Ya${o.tanggalKeKomisi ? ` (${localDate(`${o.tanggalKeKomisi}T00:00:00Z`, 0)})` : ''}` : 'Tidak', o.putusanKomisi ?? '',
  ];
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const pct = (v: number | null) => (v === null ? '-' : `${Math.round(v * 1000) / 10}%`);

/** The annual public-information service report (UU 14/2008 Art. 12, due by 31 March), as label/value rows. */
export function annualReportRows(s: Statistics): Cell[][] {
  return [
    [`Laporan layanan informasi publik tahun ${s.tahun}`, null],
    ['Jumlah permohonan informasi', s.jumlahPermohonan],
    ...s.perBulan.map((n, i): Cell[] => [`  ${MONTHS[i]}`, n]),
    ['Permohonan selesai dijawab', s.selesai],
    ['Permohonan dalam proses', s.dalamProses],
    ['Permohonan yang diperpanjang', s.diperpanjang],
    ['Diberikan seluruhnya', s.keputusan.dikabulkan],
    ['Diberikan sebagian', s.keputusan.dikabulkan_sebagian],
    ['Ditolak', s.keputusan.ditolak],
    ['Informasi tidak dikuasai', s.keputusan.tidak_dikuasai],
    ['Diteruskan ke badan publik lain', s.keputusan.diteruskan],
    ...Object.entries(s.alasanPenolakan).map(([g, n]): Cell[] => [`  Alasan penolakan: ${g}`, n]),
    ['Median waktu jawab (hari kerja)', s.medianHariKerja],
    ['Rata-rata waktu jawab (hari kerja)', s.rataRataHariKerja],
    ['Dijawab tepat waktu', s.tepatWaktu],
    ['Proporsi tepat waktu', pct(s.proporsiTepatWaktu)],
    ['Jumlah keberatan', s.keberatan.jumlah],
    ...Object.entries(s.keberatan.perAlasan).map(([g, n]): Cell[] => [`  ${OBJECTION_GROUNDS[g as keyof typeof OBJECTION_GROUNDS] ?? g}`, n]),
    ['Keberatan dikabulkan', s.keberatan.hasil.dikabulkan ?? 0],
    ['Keberatan ditolak', s.keberatan.hasil.ditolak ?? 0],
    ['Keberatan belum ditanggapi', s.keberatan.belumDitanggapi],
    ['Diajukan ke Komisi Informasi', s.keberatan.keKomisiInformasi],
  ];
}
