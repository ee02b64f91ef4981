// What every page does first: choose the language, remember it, translate the static labels,
// point the language switch at the same page in the other language.

import { LANG_STORAGE_KEY, otherLang, resolveLang, t } from './i18n.js';
import { applyTranslations } from './dom.js';
import { switchLangHref, withLang } from './state.js';

function readStoredLang() {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage blocked: the URL still carries the choice
  }
}

/** @param {string} lang */
function storeLang(lang) {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage blocked */
  }
}

/**
 * @returns {{ lang: 'id'|'en', t: (key: string, params?: Record<string, string|number>) => string }}
 */
export function initPage() {
  const { lang, fromUrl } = resolveLang(window.location.search, readStoredLang());
  if (fromUrl) storeLang(lang);
  const translate = (/** @type {string} */ key, /** @type {any} */ params) => t(lang, key, params);

  const html = document.documentElement;
  html.lang = lang;
  html.classList.remove('no-js');
  html.classList.add('js');
  applyTranslations(document, translate);

  const other = otherLang(lang);
  for (const link of document.querySelectorAll('[data-lang-switch]')) {
    link.setAttribute('href', switchLangHref(window.location.pathname, window.location.search, other));
    link.setAttribute('lang', other);
    link.setAttribute('hreflang', other);
    link.textContent = t(lang, 'lang.other');
    link.setAttribute('aria-label', t(lang, 'lang.otherLabel'));
  }
  // Keep English in the links of the static page so a copied link opens in the same language.
  for (const link of document.querySelectorAll('a[href]:not([data-lang-switch])')) {
    link.setAttribute('href', withLang(link.getAttribute('href') ?? '', lang));
  }
  return { lang, t: translate };
}
