// Unit kerja: the units that hold public information, each linking to its entries.

import config from '../../config.js';
import { createApi } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { initPage } from '../lib/page.js';
import { listHref } from '../lib/state.js';

const { lang, t } = initPage();
const api = createApi({ apiUrl: config.apiUrl });
const container = /** @type {HTMLElement} */ (document.getElementById('units'));

/** @param {'ready'|'empty'|'error'} name */
function setState(name) {
  container.dataset.state = name;
  container.removeAttribute('aria-busy');
}

/** @param {any} unit */
function card(unit) {
  const rows = [];
  if (unit.kode) rows.push([t('units.kode'), unit.kode]);
  if (unit.kepala) rows.push([t('units.kepala'), unit.kepala]);
  if (unit.email && /^[^\s@]+@[^\s@]+$/.test(unit.email)) {
    rows.push([t('units.email'), h('a', { href: `mailto:${unit.email}` }, unit.email)]);
  }
  if (unit.telepon) {
    const digits = String(unit.telepon).replace(/[^\d+]/g, '');
    rows.push([t('units.telepon'), digits ? h('a', { href: `tel:${digits}` }, unit.telepon) : unit.telepon]);
  }
  return h('li', { class: 'unit' },
    h('h2', { class: 'unit__name heading-m' }, unit.nama),
    unit.deskripsi ? h('p', {}, unit.deskripsi) : null,
    rows.length
      ? h('dl', { class: 'unit__meta' }, ...rows.map(([k, v]) => h('div', { class: 'unit__pair' }, h('dt', {}, k), h('dd', {}, v))))
      : null,
    h('p', {}, h('a', { href: listHref({ unit: unit.documentId }, lang) }, t('units.docs', { nama: unit.nama }))));
}

async function main() {
  let units;
  try {
    units = await api.listUnits();
  } catch {
    container.replaceChildren(
      h('div', { class: 'notice notice--error', role: 'alert' },
        h('p', { class: 'notice__title' }, t('error.unavailable')),
        h('p', {}, h('a', { href: window.location.href }, t('error.retry')))),
    );
    setState('error');
    return;
  }
  if (!units.length) {
    container.replaceChildren(h('p', { role: 'status' }, t('units.empty')));
    setState('empty');
    return;
  }
  container.replaceChildren(h('ul', { class: 'unit-list' }, ...units.map(card)));
  setState('ready');
}

main();
