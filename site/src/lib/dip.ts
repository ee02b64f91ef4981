/**
 * The site's model of the CMS's public content, and the pure steps from API rows to pages:
 * normalising (defence in depth: nothing exempt or unpublished passes, whatever the API sends),
 * merging the two locales, and grouping by category, unit and year.
 */
import { PUBLIC_KATEGORI, type Lang, type PublicKategori } from './i18n';

export interface Unit {
  documentId: string;
  kode: string;
  nama: string;
  kepala: string | null;
  email: string | null;
  telepon: string | null;
  deskripsi: string | null;
}

export interface DipFile {
  url: string;
  name: string;
  mime: string | null;
  ext: string | null;
  /** kilobytes, as Strapi stores it */
  size: number | null;
}

/** One DIP entry in one language, as the site shows it. */
export interface DipEntry {
  documentId: string;
  locale: Lang;
  nomor: string;
  judul: string;
  ringkasan: string;
  kategori: PublicKategori;
  unit: { kode: string; nama: string } | null;
  pejabatPenguasa: string;
  penanggungJawab: string;
  waktuPembuatan: string | null;
  tempatPembuatan: string | null;
  bentukInformasi: string | null;
  jangkaWaktuPenyimpanan: string | null;
  tahun: string | null;
  berkas: DipFile | null;
  updatedAt: string | null;
  /** true when this is the other language's text shown because this language has none */
  fallback: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * One REST API row to a DipEntry, or null when it must never be on the site: exempt, not
 * published, unknown category, or missing its identity.
 */
export function normaliseEntry(row: unknown, locale: Lang): DipEntry | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as Record<string, any>;
  if (!PUBLIC_KATEGORI.includes(r.kategori)) return null; // dikecualikan or anything unknown
  if (!str(r.publishedAt)) return null; // a draft is never public
  const documentId = str(r.documentId);
  const nomor = str(r.nomor);
  const judul = str(r.judul);
  if (!documentId || !nomor || !judul) return null;
  const unit = r.unit && typeof r.unit === 'object' && str(r.unit.kode) && str(r.unit.nama) ? { kode: r.unit.kode, nama: r.unit.nama } : null;
  const f = r.berkas && typeof r.berkas === 'object' ? r.berkas : null;
  const berkas: DipFile | null =
    f && str(f.url)
      ? { url: f.url, name: str(f.name) ?? f.url.split('/').pop(), mime: str(f.mime), ext: str(f.ext), size: typeof f.size === 'number' ? f.size : null }
      : null;
  return {
    documentId,
    locale,
    nomor,
    judul,
    ringkasan: str(r.ringkasan) ?? '',
    kategori: r.kategori,
    unit,
    pejabatPenguasa: str(r.pejabatPenguasa) ?? '',
    penanggungJawab: str(r.penanggungJawab) ?? '',
    waktuPembuatan: str(r.waktuPembuatan),
    tempatPembuatan: str(r.tempatPembuatan),
    bentukInformasi: str(r.bentukInformasi),
    jangkaWaktuPenyimpanan: str(r.jangkaWaktuPenyimpanan),
    tahun: str(r.tahun) && /^\d{4}$/.test(r.tahun) ? r.tahun : null,
    berkas,
    updatedAt: str(r.updatedAt),
    fallback: false,
  };
}

export function normaliseUnit(row: unknown): Unit | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as Record<string, any>;
  if (!str(r.kode) || !str(r.nama)) return null;
  return {
    documentId: str(r.documentId) ?? r.kode,
    kode: r.kode,
    nama: r.nama,
    kepala: str(r.kepala),
    email: str(r.email),
    telepon: str(r.telepon),
    deskripsi: str(r.deskripsi),
  };
}

/** Sort order of the list: newest year first, then by number. */
export function compareEntries(a: DipEntry, b: DipEntry): number {
  return (b.tahun ?? '').localeCompare(a.tahun ?? '') || a.nomor.localeCompare(b.nomor, 'id', { numeric: true });
}

/**
 * Both languages' lists over the same documents: an entry published in one language only is
 * shown in the other with its own text and `fallback: true`, so every page exists in both
 * languages and the language switch always keeps the page.
 */
export function mergeLocales(id: DipEntry[], en: DipEntry[]): Record<Lang, DipEntry[]> {
  const byId = new Map(id.map((e) => [e.documentId, e]));
  const byEn = new Map(en.map((e) => [e.documentId, e]));
  const ids = new Set([...byId.keys(), ...byEn.keys()]);
  const out: Record<Lang, DipEntry[]> = { id: [], en: [] };
  for (const documentId of ids) {
    const a = byId.get(documentId);
    const b = byEn.get(documentId);
    out.id.push(a ?? { ...b!, locale: 'id', fallback: true });
    out.en.push(b ?? { ...a!, locale: 'en', fallback: true });
  }
  out.id.sort(compareEntries);
  out.en.sort(compareEntries);
  return out;
}

export interface Groups {
  kategori: Map<PublicKategori, DipEntry[]>;
  unit: Map<string, DipEntry[]>;
  tahun: Map<string, DipEntry[]>;
}

/** The entries of each category (all three, even when empty), unit (by code) and year (newest first). */
export function groupEntries(entries: readonly DipEntry[], units: readonly Unit[]): Groups {
  const kategori = new Map<PublicKategori, DipEntry[]>(PUBLIC_KATEGORI.map((k) => [k, []]));
  const unit = new Map<string, DipEntry[]>(units.map((u) => [u.kode, []]));
  const tahun = new Map<string, DipEntry[]>();
  for (const e of entries) {
    kategori.get(e.kategori)!.push(e);
    if (e.unit) {
      if (!unit.has(e.unit.kode)) unit.set(e.unit.kode, []);
      unit.get(e.unit.kode)!.push(e);
    }
    if (e.tahun) {
      if (!tahun.has(e.tahun)) tahun.set(e.tahun, []);
      tahun.get(e.tahun)!.push(e);
    }
  }
  const years = [...tahun.keys()].sort((a, b) => b.localeCompare(a));
  return { kategori, unit, tahun: new Map(years.map((y) => [y, tahun.get(y)!])) };
}

/** Public pages (single types) as the site shows them: text fields only, or null when unpublished. */
export type PageFields = Record<string, string | null>;

export function normalisePage(row: unknown, fields: readonly string[]): PageFields | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as Record<string, unknown>;
  if (!str(r.publishedAt)) return null;
  return Object.fromEntries(fields.map((f) => [f, str(r[f])]));
}

export const PROFIL_FIELDS = ['judul', 'ringkasan', 'tugasFungsi', 'visi', 'misi', 'dasarHukum', 'jamLayanan', 'alamat', 'telepon', 'email', 'updatedAt'] as const;
export const MAKLUMAT_FIELDS = ['judul', 'pernyataan', 'janjiLayanan', 'standarWaktu', 'biaya', 'pengaduan', 'penandatangan', 'jabatanPenandatangan', 'updatedAt'] as const;
