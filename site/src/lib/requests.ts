/**
 * Information requests on the public site (issue #12): the form's fields, what the form sends to
 * the CMS, the per-field messages of a refusal, and the statistics page's figures. Pure: used at
 * build time by the pages and in the browser by src/scripts/request-form.ts and track.ts.
 *
 * The site is static and on another origin than the CMS: the form posts JSON with fetch to
 * `POST {PPID_API_URL}/api/permohonan-informasi` (CORS allows the site's origins there) and shows
 * the number and the tracking code it gets back. Without JavaScript the form is not offered; the
 * page tells how to request at the office, by letter or e-mail instead (see README).
 */

/** The form's fields in order, as the CMS names them (src/permohonan/rules.ts). */
export const REQUEST_FIELDS = [
  'jenisPemohon', 'nama', 'nomorIdentitas', 'alamat', 'telepon', 'email', 'pekerjaan',
  'rincianInformasi', 'tujuanPenggunaan', 'caraMemperoleh', 'caraMenerima',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
/** Hidden from people; a bot fills it (the CMS refuses a filled one). */
export const HONEYPOT = 'situsWeb';

export const CHOICES = {
  jenisPemohon: ['perorangan', 'badan_hukum'],
  caraMemperoleh: ['melihat_membaca', 'salinan_softcopy', 'salinan_hardcopy'],
  caraMenerima: ['langsung', 'pos', 'email'],
} as const;

/** Longest value per field (the CMS checks again; the browser stops typing at the limit). */
export const MAX_LENGTH: Record<Exclude<RequestField, keyof typeof CHOICES>, number> = {
  nama: 150,
  nomorIdentitas: 50,
  alamat: 500,
  telepon: 20,
  email: 254,
  pekerjaan: 100,
  rincianInformasi: 5000,
  tujuanPenggunaan: 2000,
};

/** The JSON body of a submission from the form's entries (unknown names are left out). */
export function payloadFrom(entries: Iterable<[string, unknown]>): { data: Record<string, string> } {
  const data: Record<string, string> = {};
  const wanted = new Set<string>([...REQUEST_FIELDS, HONEYPOT]);
  for (const [name, value] of entries) {
    if (wanted.has(name) && typeof value === 'string') data[name] = value;
  }
  if (!(HONEYPOT in data)) data[HONEYPOT] = '';
  return { data };
}

/** The CMS's refusal as one message per field (the first per field), plus the summary. */
export function fieldErrors(body: unknown): { summary: string; fields: Partial<Record<string, string>> } {
  const error = (body as { error?: { message?: unknown; details?: { errors?: unknown } } } | null)?.error;
  const fields: Partial<Record<string, string>> = {};
  const list = Array.isArray(error?.details?.errors) ? (error!.details!.errors as unknown[]) : [];
  for (const e of list) {
    const path = (e as { path?: unknown }).path;
    const message = (e as { message?: unknown }).message;
    const field = Array.isArray(path) && typeof path[0] === 'string' ? path[0] : null;
    if (field && typeof message === 'string' && !(field in fields)) fields[field] = message;
  }
  return { summary: typeof error?.message === 'string' ? error.message : '', fields };
}

/** The origin of the CMS (for the CSP's connect-src), or null for a URL that is not http(s). */
export function apiOrigin(apiUrl: string | undefined | null): string | null {
  if (!apiUrl) return null;
  try {
    const u = new URL(apiUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics (GET /api/statistik-permohonan?tahun=): aggregates only.

export const OUTCOMES = ['dikabulkan', 'dikabulkan_sebagian', 'ditolak', 'tidak_dikuasai', 'diteruskan'] as const;

export interface Statistics {
  tahun: number;
  jumlahPermohonan: number;
  perBulan: number[];
  selesai: number;
  dalamProses: number;
  diperpanjang: number;
  keputusan: Record<string, number>;
  proporsiKeputusan: Record<string, number | null>;
  medianHariKerja: number | null;
  rataRataHariKerja: number | null;
  tepatWaktu: number;
  proporsiTepatWaktu: number | null;
  alasanPenolakan: Record<string, number>;
  keberatan: { jumlah: number; perAlasan: Record<string, number>; hasil: Record<string, number>; belumDitanggapi: number; keKomisiInformasi: number };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isShare = (v: unknown): v is number | null => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
const isNum = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isCounts = (v: unknown): v is Record<string, number> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every(isCount);

/** The API's answer checked field by field; null (and the page says so) when it is not one. */
export function normaliseStatistics(raw: unknown): Statistics | null {
  const s = (raw as { data?: unknown } | null)?.data as Record<string, any> | undefined;
  if (!s || typeof s !== 'object') return null;
  const k = s.keberatan;
  const ok =
    isCount(s.tahun) && isCount(s.jumlahPermohonan) && Array.isArray(s.perBulan) && s.perBulan.length === 12 && s.perBulan.every(isCount) &&
    isCount(s.selesai) && isCount(s.dalamProses) && isCount(s.diperpanjang) && isCounts(s.keputusan) &&
    !!s.proporsiKeputusan && Object.values(s.proporsiKeputusan).every(isShare) && isNum(s.medianHariKerja) && isNum(s.rataRataHariKerja) &&
    isCount(s.tepatWaktu) && isShare(s.proporsiTepatWaktu) && isCounts(s.alasanPenolakan) &&
    !!k && isCount(k.jumlah) && isCounts(k.perAlasan) && isCounts(k.hasil) && isCount(k.belumDitanggapi) && isCount(k.keKomisiInformasi);
  return ok ? (s as Statistics) : null;
}

/** A share as a whole percentage for people ("67%"), or the dash when there is nothing to share. */
export function percent(share: number | null, locale: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A number of working days ("4,5"), or the dash. */
export function days(value: number | null, locale: string): string {
  return value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Years the statistics page shows: this year (to date) and the last full one (the annual report's). */
export function statisticsYears(now: Date, offsetMinutes = 420): { current: number; previous: number } {
  const current = new Date(now.getTime() + offsetMinutes * 60_000).getUTCFullYear();
  return { current, previous: current - 1 };
}
