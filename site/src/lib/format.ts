/** Formatting for people: numbers, file sizes, dates (id-ID / en-GB), file links and types. Pure. */
import { INTL_LOCALE, type Lang } from './i18n';

/**
 * Intl formatters are built once per set of options and reused: building one costs about as
 * much as a whole table row's markup, and a 10k-entry build formats ~100,000 values.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${lang}|${maximumFractionDigits ?? ''}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(INTL_LOCALE[lang], maximumFractionDigits === undefined ? {} : { maximumFractionDigits })));
  return f;
}

function dateFormat(lang: Lang, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}

/**
 * A file size as Strapi stores it (kilobytes, 1 KB = 1000 bytes): "245 KB", "1,2 MB" (id) /
 * "1.2 MB" (en). '' for a missing or invalid size.
 */
export function formatSize(kilobytes: number | null | undefined, lang: Lang): string {
  const kb = Number(kilobytes);
  if (kilobytes === null || kilobytes === undefined || !Number.isFinite(kb) || kb < 0) return '';
  const number = (value: number, digits: number) => numberFormat(lang, digits).format(value);
  if (kb < 1) return `${number(Math.round(kb * 1000), 0)} B`;
  if (kb < 1000) return `${number(kb, kb < 10 ? 1 : 0)} KB`;
  if (kb < 1000 * 1000) return `${number(kb / 1000, 1)} MB`;
  return `${number(kb / 1000 / 1000, 1)} GB`;
}

/**
 * "15 Januari 2026" (id) / "15 January 2026" (en). `YYYY-MM-DD` is a calendar date shown as is;
 * full ISO timestamps are shown in Asia/Jakarta (with the time when `withTime`). Anything else
 * comes back unchanged; empty values give ''.
 */
export function formatDate(value: string | null | undefined, lang: Lang, withTime = false): string {
  if (!value) return '';
  const text = String(value);
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let date: Date;
  let timeZone = 'Asia/Jakarta';
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number);
    date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
    timeZone = 'UTC';
    withTime = false;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    date = new Date(text);
  } else {
    return text;
  }
  if (Number.isNaN(date.getTime())) return text;
  const formatted = dateFormat(lang, timeZone, withTime).format(date);
  return withTime ? `${formatted} WIB` : formatted;
}

/**
 * Absolute URL of an uploaded file: relative Strapi URLs ('/uploads/x.pdf') get the CMS origin;
 * absolute http(s) URLs (a cloud upload provider) stay. Anything else (javascript:, data:) gives ''.
 */
export function fileUrl(url: string | null | undefined, apiUrl: string): string {
  if (!url) return '';
  try {
    const resolved = new URL(String(url), `${String(apiUrl).replace(/\/+$/, '')}/`);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : '';
  } catch {
    return '';
  }
}

/** File type shown next to a download link: "PDF", "DOCX"… from the extension, else the MIME type. */
export function fileType(name?: string | null, url?: string | null, mime?: string | null): string {
  const source = String(name || url || '').split(/[?#]/)[0];
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(source);
  if (match) return match[1].toUpperCase();
  const sub = /^[a-z]+\/([a-z0-9.+-]+)$/i.exec(String(mime ?? ''));
  return sub ? sub[1].toUpperCase() : '';
}

/** A CMS text field as paragraphs or list items: one per non-empty line. Text only, never HTML. */
export function lines(text: string | null | undefined): string[] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Shorten a text to at most `max` characters at a word boundary, adding '…'. */
export function truncate(text: string | null | undefined, max = 220): string {
  const clean = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
