// Daftar Informasi Publik: read the state from the URL, fill the GET form with it, fetch one
// page of entries, draw the list and the page links. Every change is a normal navigation.

import config from '../../config.js';
import { createApi } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { formatNumber, truncate } from '../lib/format.js';
import { kategoriLabel } from '../lib/i18n.js';
import { initPage } from '../lib/page.js';
import { paginationModel, resultRange } from '../lib/pagination.js';
import { PAGE_SIZE } from '../lib/query.js';
import { detailHref, hasFilters, listHref, parseListState, yearOptions } from '../lib/state.js';

const { lang, t } = initPage();
const api = createApi({ apiUrl: config.apiUrl });
const state = parseListState(window.location.search);

const form = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const results = /** @type {HTMLElement} */ (document.getElementById('results'));
const status = /** @type {HTMLElement} */ (document.getElementById('results-status'));
const list = /** @type {HTMLOListElement} */ (document.getElementById('results-list'));
const pager = /** @type {HTMLElement} */ (document.getElementById('pagination'));

/** @param {string} name */
const field = (name) => /** @type {HTMLInputElement|HTMLSelectElement} */ (form.elements.namedItem(name));

function fillForm() {
  field('q').value = state.q;
  field('kategori').value = state.kategori;
  const tahun = /** @type {HTMLSelectElement} */ (field('tahun'));
  for (const year of yearOptions(new Date().getFullYear(), state.tahun)) {
    tahun.append(h('option', { value: year }, year));
  }
  tahun.value = state.tahun ? String(state.tahun) : '';
  const langField = /** @type {HTMLInputElement} */ (field('lang'));
  langField.value = lang;
  langField.disabled = lang !== 'en'; // Indonesian is the default: keep its URLs short
}

/** @param {Array<{ documentId: string, nama: string }>} units */
function fillUnits(units) {
  const select = /** @type {HTMLSelectElement} */ (field('unit'));
  for (const unit of units) select.append(h('option', { value: unit.documentId }, unit.nama));
  select.value = state.unit;
}

/** @param {'ready'|'empty'|'error'} name */
function setState(name) {
  results.dataset.state = name;
  results.removeAttribute('aria-busy');
}

/** @param {any} doc */
function entry(doc) {
  const meta = [
    [t('field.nomor'), doc.nomor],
    [t('field.kategori'), h('span', { class: `tag tag--${doc.kategori}` }, kategoriLabel(lang, doc.kategori))],
    [t('field.unit'), doc.unit?.nama || t('value.none')],
    [t('field.tahun'), doc.tahun ?? t('value.none')],
  ];
  return h(
    'li',
    { class: 'dip-item' },
    h('h3', { class: 'dip-item__title' }, h('a', { href: detailHref(doc.documentId, lang) }, doc.judul)),
    doc.ringkasan ? h('p', { class: 'dip-item__summary' }, truncate(doc.ringkasan)) : null,
    h(
      'dl',
      { class: 'dip-item__meta' },
      ...meta.map(([label, value]) => h('div', { class: 'dip-item__pair' }, h('dt', {}, label), h('dd', {}, value))),
    ),
  );
}

/** @param {{ page: number, pageCount: number }} p */
function drawPagination(p) {
  const model = paginationModel(p);
  if (!model.items.length) return;
  const link = (/** @type {number} */ page, /** @type {any} */ attrs, /** @type {any[]} */ ...children) =>
    h('a', { href: listHref({ ...state, page }, lang), ...attrs }, ...children);
  const items = [];
  if (model.prev) {
    items.push(h('li', { class: 'pagination__prev' }, link(model.prev, { rel: 'prev' }, h('span', { 'aria-hidden': 'true' }, '‹ '), t('pagination.prev'))));
  }
  for (const item of model.items) {
    if (item.type === 'gap') {
      items.push(h('li', { class: 'pagination__gap' }, '…'));
    } else if (item.current) {
      items.push(
        h('li', { class: 'pagination__item pagination__item--current' },
          link(item.page, { 'aria-current': 'page', 'aria-label': t('pagination.page', { page: item.page }) }, item.page)),
      );
    } else {
      items.push(
        h('li', { class: 'pagination__item' },
          link(item.page, { 'aria-label': t('pagination.page', { page: item.page }) }, item.page)),
      );
    }
  }
  if (model.next) {
    items.push(h('li', { class: 'pagination__next' }, link(model.next, { rel: 'next' }, t('pagination.next'), h('span', { 'aria-hidden': 'true' }, ' ›'))));
  }
  pager.replaceChildren(
    h('p', { class: 'pagination__summary' }, t('pagination.summary', { page: model.page, pageCount: model.pageCount })),
    h('ul', { class: 'pagination__list' }, ...items),
  );
  pager.hidden = false;
}

function showUnavailable() {
  status.removeAttribute('role');
  status.replaceChildren();
  status.hidden = true;
  results.prepend(
    h('div', { class: 'notice notice--error', role: 'alert' },
      h('p', { class: 'notice__title' }, t('error.unavailable')),
      h('p', {}, h('a', { href: window.location.href }, t('error.retry')))),
  );
  setState('error');
}

// The form works as a plain GET form; with scripts on, it goes to the same URL minus the empty
// fields (short, canonical, shareable). Still a normal navigation, so Back works as usual.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const entries = /** @type {[string, string][]} */ ([...new FormData(form)].filter(([, v]) => typeof v === 'string'));
  window.location.assign(listHref({ ...parseListState(new URLSearchParams(entries).toString()), page: 1 }, lang));
});

async function main() {
  fillForm();
  const unitsPromise = api.listUnits().then(fillUnits, () => fillUnits([])); // the list works without it
  let page;
  try {
    page = await api.listDocuments({ ...state, locale: lang, pageSize: PAGE_SIZE });
  } catch {
    await unitsPromise;
    showUnavailable();
    return;
  }
  await unitsPromise;
  const { data, pagination } = page;
  if (!data.length) {
    const pageMissing = pagination.total > 0;
    status.replaceChildren(
      h('strong', { class: 'status__title' }, pageMissing
        ? t('list.pageMissing', { page: state.page, pageCount: pagination.pageCount })
        : t('list.empty.title')),
      ' ',
      pageMissing
        ? h('a', { href: listHref({ ...state, page: 1 }, lang) }, t('list.firstPage'))
        : t('list.empty.text'),
    );
    if (!pageMissing && hasFilters(state)) {
      status.append(' ', h('a', { href: listHref({}, lang) }, t('list.reset')));
    }
    setState('empty');
    return;
  }
  const range = resultRange({ ...pagination, shown: data.length });
  status.textContent = t('list.count', {
    from: formatNumber(range.from, lang),
    to: formatNumber(range.to, lang),
    total: formatNumber(pagination.total, lang),
  });
  list.replaceChildren(...data.map(entry));
  list.hidden = false;
  drawPagination(pagination);
  setState('ready');
}

main();
