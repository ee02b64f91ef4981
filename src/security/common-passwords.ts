/**
 * Common-password blocklist (NIST SP 800-63B §5.1.1.2: refuse values known to be
 * commonly used or compromised).
 *
 * Sources:
 *  - `@zxcvbn-ts/language-common` (MIT): ~49k passwords ranked from public breach
 *    corpora; it already contains many Indonesian favourites (bismillah, sayangku…).
 *  - `./data/indonesian-common.json`: our own base words (institution names, religious
 *    phrases, cities, clubs, names), expanded below with the suffixes people habitually
 *    append ("ppid2024", "dinas123", "merdeka45"), because a base word alone is too
 *    short to pass the length rule and the dangerous form is the word + digits.
 *
 * The data is JSON rather than .txt so `tsc` copies it into dist/ with the server build.
 */
import type * as LanguageCommon from '@zxcvbn-ts/language-common';

const SUFFIXES: readonly string[] = (() => {
  const fixed = ['', '1', '12', '123', '1234', '12345', '123456', '321', '01', '11', '99', '00', '!', '@', '@123', '123!', '#1', '45', '1945', '17'];
  const years: string[] = [];
  for (let y = 2000; y <= 2030; y++) years.push(String(y));
  return [...fixed, ...years];
})();

let cache: Set<string> | null = null;

/** Builds the set on first use only: decompressing ~50k entries costs time and memory that
 *  processes which never check a password (workers, scripts) should not pay. */
function load(): Set<string> {
  if (cache) return cache;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const zxcvbn = require('@zxcvbn-ts/language-common') as typeof LanguageCommon;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const indonesian = require('./data/indonesian-common.json') as string[];
  const set = new Set<string>();
  for (const pw of zxcvbn.dictionary['passwords-common']) set.add(pw.toLowerCase());
  for (const base of indonesian) {
    for (const suffix of SUFFIXES) set.add(base.toLowerCase() + suffix);
  }
  cache = set;
  return set;
}

/** Case-insensitive exact match against the blocklist. */
export function isCommonPassword(pw: string): boolean {
  if (!pw) return false;
  return load().has(pw.toLowerCase());
}

/** Number of distinct (lower-cased) entries; reading it triggers the lazy load. */
export declare const COMMON_PASSWORD_COUNT: number;
// A getter keeps the constant-style API without forcing the load at import time.
Object.defineProperty(exports, 'COMMON_PASSWORD_COUNT', { enumerable: true, get: () => load().size });
