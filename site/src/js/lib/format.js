// Formatting for people: numbers, file sizes, dates (id-ID / en-GB), short summaries, file links.

import { INTL_LOCALE } from './i18n.js';

/** @param {string} lang */
function locale(lang) {
  return INTL_LOCALE[/** @type {'id'|'en'} */ (lang)] ?? INTL_LOCALE.id;
}

/** @param {number} value @param {string} lang */
export function formatNumber(value, lang) {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/**
 * A file size as Strapi stores it (kilobytes, 1 KB = 1000 bytes) in words people read:
 * "245 KB", "1,2 MB" (id) / "1.2 MB" (en). Returns '' for a missing or invalid size.
 * @param {number|null|undefined} kilobytes @param {string} lang
 */
export function formatSize(kilobytes, lang) {
  const kb = Number(kilobytes);
  if (kilobytes === null || kilobytes === undefined || !Number.isFinite(kb) || kb < 0) return '';
  const number = (/** @type {number} */ value, /** @type {number} */ digits) =>
    new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
  if (kb < 1) return `${number(Math.round(kb * 1000), 0)} B`;
  if (kb < 1000) return `${number(kb, kb < 10 ? 1 : 0)} KB`;
  if (kb < 1000 * 1000) return `${number(kb / 1000, 1)} MB`;
  return `${number(kb / 1000 / 1000, 1)} GB`;
}

/**
 * A date as "15 Januari 2026" (id) / "15 January 2026" (en). Accepts Strapi's `YYYY-MM-DD`
 * (a calendar date, shown as is) and full ISO timestamps (shown in Asia/Jakarta). Anything else
 * comes back unchanged; empty values give ''.
 * @param {string|null|undefined} value @param {string} lang
 */
export function formatDate(value, lang) {
  if (!value) return '';
  const text = String(value);
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let date;
  let timeZone = 'Asia/Jakarta';
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number);
    date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2026-13-45 over into 2027: only a real calendar date is formatted.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
    timeZone = 'UTC';
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    date = new Date(text);
  } else {
    return text;
  }
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    date,
  );
}

/**
 * Shorten a text to at most `max` characters at a word boundary, adding '…'.
 * @param {string|null|undefined} text @param {number} [max]
 */
export function truncate(text, max = 220) {
  const clean = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/**
 * Absolute URL of an uploaded file: relative Strapi URLs ('/uploads/x.pdf') get the API origin;
 * absolute http(s) URLs (a cloud upload provider) stay. Anything else (javascript:, data:) is
 * refused with ''. @param {string|null|undefined} url @param {string} apiUrl
 */
export function fileUrl(url, apiUrl) {
  if (!url) return '';
  try {
    const resolved = new URL(String(url), `${String(apiUrl).replace(/\/+$/, '')}/`);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : '';
  } catch {
    return '';
  }
}

/** File type shown next to a download link, from its name or URL: "PDF", "DOCX"… @param {string} [name] @param {string} [url] */
export function fileType(name, url) {
  const source = String(name || url || '').split(/[?#]/)[0];
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(source);
  return match ? match[1].toUpperCase() : '';
}
