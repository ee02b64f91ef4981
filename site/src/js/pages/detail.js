// One DIP entry: every public field and the download link of its file.

import config from '../../config.js';
import { ApiError, createApi } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { fileType, fileUrl, formatDate, formatSize } from '../lib/format.js';
import { bentukLabel, kategoriLabel } from '../lib/i18n.js';
import { initPage } from '../lib/page.js';
import { listHref, parseDetailId } from '../lib/state.js';

const { lang, t } = initPage();
const api = createApi({ apiUrl: config.apiUrl });

const container = /** @type {HTMLElement} */ (document.getElementById('detail'));
const heading = /** @type {HTMLElement} */ (document.getElementById('detail-title'));
const crumb = /** @type {HTMLElement} */ (document.getElementById('crumb-current'));

/** @param {'ready'|'notfound'|'error'} name */
function setState(name) {
  container.dataset.state = name;
  container.removeAttribute('aria-busy');
}

/** @param {string} text */
function setHeading(text) {
  heading.removeAttribute('data-i18n');
  heading.textContent = text;
  document.title = `${text} ${t('title.suffix')}`;
  crumb.textContent = text;
}

/** @param {any} value */
const orNone = (value) => (value === null || value === undefined || value === '' ? t('value.none') : value);

/** @param {any} doc */
function fileSection(doc) {
  const href = fileUrl(doc.berkas?.url, config.apiUrl);
  const body = [];
  if (href) {
    const name = doc.berkas.name || href.split('/').pop();
    const meta = [fileType(doc.berkas.name, doc.berkas.url), formatSize(doc.berkas.size, lang)].filter(Boolean).join(', ');
    body.push(
      h('p', { class: 'download' },
        h('a', { href, class: 'download__link', id: 'download-link', rel: 'noopener' }, t('detail.file.download', { name })),
        meta ? h('span', { class: 'download__meta' }, ` (${meta})`) : null),
    );
  } else {
    body.push(h('p', {}, t('detail.file.none')));
  }
  return h('section', { class: 'section', 'aria-labelledby': 'file-title' },
    h('h2', { id: 'file-title', class: 'heading-m' }, t('detail.file.title')), ...body);
}

/** @param {any} doc @param {boolean} fallback */
function render(doc, fallback) {
  setHeading(doc.judul);
  const rows = [
    ['nomor', doc.nomor],
    ['kategori', h('span', { class: `tag tag--${doc.kategori}` }, kategoriLabel(lang, doc.kategori))],
    ['unit', doc.unit?.nama],
    ['pejabatPenguasa', doc.pejabatPenguasa],
    ['penanggungJawab', doc.penanggungJawab],
    ['waktuPembuatan', formatDate(doc.waktuPembuatan, lang)],
    ['tempatPembuatan', doc.tempatPembuatan],
    ['bentukInformasi', doc.bentukInformasi ? bentukLabel(lang, doc.bentukInformasi) : ''],
    ['jangkaWaktuPenyimpanan', doc.jangkaWaktuPenyimpanan],
    ['tahun', doc.tahun],
  ];
  const content = [];
  if (fallback) {
    heading.setAttribute('lang', 'id');
    crumb.setAttribute('lang', 'id');
    content.push(h('p', { class: 'notice notice--info' }, t('detail.onlyIndonesian')));
  }
  content.push(
    h('p', { class: 'lead', id: 'ringkasan', lang: fallback ? 'id' : null }, doc.ringkasan),
    h('section', { class: 'section', 'aria-labelledby': 'details-title' },
      h('h2', { id: 'details-title', class: 'heading-m' }, t('detail.details')),
      h('dl', { class: 'summary-list' },
        ...rows.map(([key, value]) =>
          h('div', { class: 'summary-list__row', 'data-field': key },
            h('dt', { class: 'summary-list__key' }, t(`field.${key}`)),
            h('dd', { class: 'summary-list__value' }, orNone(value)))))),
    fileSection(doc),
    h('p', {}, h('a', { href: listHref({}, lang), class: 'back-link' }, t('detail.back'))),
  );
  container.replaceChildren(...content);
  setState('ready');
}

function renderNotFound() {
  setHeading(t('notFound.title'));
  container.replaceChildren(
    h('p', {}, t('notFound.text')),
    h('p', {}, h('a', { href: listHref({}, lang) }, t('notFound.link'))),
  );
  setState('notfound');
}

function renderUnavailable() {
  container.replaceChildren(
    h('div', { class: 'notice notice--error', role: 'alert' },
      h('p', { class: 'notice__title' }, t('error.unavailable')),
      h('p', {}, h('a', { href: window.location.href }, t('error.retry')))),
  );
  setState('error');
}

async function main() {
  const documentId = parseDetailId(window.location.search);
  if (!documentId) {
    renderNotFound();
    return;
  }
  try {
    const { data, fallback } = await api.getDocument(documentId, lang);
    render(data, fallback);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'notfound') renderNotFound();
    else renderUnavailable();
  }
}

main();
