// Label dictionary and language choice. Indonesian is the default; English is the switch.
// Pure module: used by the browser pages and by build.js (which fills the static HTML in
// Indonesian, so the pages read well before any script runs).

/** @typedef {'id'|'en'} Lang */

export const LANGS = /** @type {const} */ (['id', 'en']);
export const DEFAULT_LANG = 'id';
export const LANG_STORAGE_KEY = 'ppid-lang';

/** Intl locale used for numbers and dates per site language. */
export const INTL_LOCALE = { id: 'id-ID', en: 'en-GB' };

const id = {
  'site.name': 'PPID',
  'site.tagline': 'Pejabat Pengelola Informasi dan Dokumentasi',
  'site.description':
    'Layanan informasi publik: Daftar Informasi Publik, unit kerja, dan cara memperoleh informasi sesuai UU 14/2008.',
  'skip': 'Langsung ke konten utama',
  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.list': 'Daftar Informasi Publik',
  'nav.units': 'Unit Kerja',
  'lang.other': 'English',
  'lang.otherLabel': 'Switch to English',
  'footer.law':
    'Layanan informasi publik berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
  'footer.nav': 'Tautan di kaki halaman',
  'noscript':
    'Daftar informasi dimuat dari layanan data PPID dan memerlukan JavaScript. Aktifkan JavaScript, atau hubungi PPID untuk memperoleh informasi.',
  'status.loading': 'Memuat data…',
  'error.unavailable': 'Layanan sedang tidak tersedia, coba lagi nanti.',
  'error.retry': 'Muat ulang halaman',
  'value.none': 'Tidak dicantumkan',

  'title.home': 'Beranda — PPID',
  'title.list': 'Daftar Informasi Publik — PPID',
  'title.detail': 'Informasi Publik — PPID',
  'title.units': 'Unit Kerja — PPID',
  'title.notFound': 'Halaman tidak ditemukan — PPID',
  'title.suffix': '— PPID',

  'kategori.berkala': 'Informasi Berkala',
  'kategori.serta_merta': 'Informasi Serta Merta',
  'kategori.setiap_saat': 'Informasi Setiap Saat',
  'kategori.dikecualikan': 'Informasi yang Dikecualikan',

  'bentuk.softcopy': 'Softcopy (elektronik)',
  'bentuk.hardcopy': 'Hardcopy (tercetak)',
  'bentuk.softcopy_dan_hardcopy': 'Softcopy dan hardcopy',

  'home.title': 'Pejabat Pengelola Informasi dan Dokumentasi',
  'home.lead':
    'PPID menyimpan, mendokumentasikan, menyediakan, dan melayani informasi publik badan publik ini, sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik. Setiap orang berhak memperoleh informasi publik.',
  'home.cta': 'Lihat Daftar Informasi Publik',
  'home.categories.title': 'Jenis informasi publik',
  'home.categories.intro':
    'Informasi publik dikelompokkan menurut Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.',
  'home.cat.berkala.desc':
    'Informasi yang wajib disediakan dan diumumkan secara berkala, paling sedikit setiap enam bulan, misalnya profil badan publik, ringkasan program dan kegiatan, serta laporan keuangan.',
  'home.cat.berkala.link': 'Lihat informasi berkala',
  'home.cat.serta_merta.desc':
    'Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum, yang wajib diumumkan segera tanpa penundaan, misalnya peringatan dini bencana.',
  'home.cat.serta_merta.link': 'Lihat informasi serta merta',
  'home.cat.setiap_saat.desc':
    'Informasi yang wajib tersedia setiap saat dan dapat diperoleh atas permintaan, misalnya daftar informasi publik, peraturan dan keputusan, serta perjanjian dengan pihak ketiga.',
  'home.cat.setiap_saat.link': 'Lihat informasi setiap saat',
  'home.exempt.title': 'Informasi yang dikecualikan',
  'home.exempt.text':
    'Sebagian kecil informasi dikecualikan berdasarkan Pasal 17 UU 14/2008 setelah uji konsekuensi, misalnya karena melindungi data pribadi. Informasi ini tidak dibuka untuk umum dan tidak ditampilkan di situs ini.',
  'home.request.title': 'Mengajukan permohonan informasi',
  'home.request.text':
    'Jika informasi yang Anda perlukan belum tersedia, ajukan permohonan informasi kepada PPID. Permohonan dijawab paling lambat 10 hari kerja, dan dapat diperpanjang satu kali paling lama 7 hari kerja dengan alasan tertulis.',
  'home.links.title': 'Tautan',
  'home.links.list': 'Daftar Informasi Publik',
  'home.links.units': 'Unit kerja penguasa informasi',

  'list.title': 'Daftar Informasi Publik',
  'list.intro':
    'Informasi publik yang tersedia untuk umum. Cari menurut judul atau ringkasan, lalu saring menurut kategori, unit kerja, atau tahun.',
  'list.filter.title': 'Cari dan saring',
  'list.q.label': 'Kata kunci',
  'list.q.hint': 'Dicari pada judul dan ringkasan',
  'list.kategori.label': 'Kategori',
  'list.kategori.all': 'Semua kategori',
  'list.unit.label': 'Unit kerja',
  'list.unit.all': 'Semua unit kerja',
  'list.tahun.label': 'Tahun',
  'list.tahun.all': 'Semua tahun',
  'list.submit': 'Terapkan',
  'list.reset': 'Hapus semua filter',
  'list.results.title': 'Hasil',
  'list.count': 'Menampilkan {from}–{to} dari {total} informasi',
  'list.empty.title': 'Tidak ada informasi yang sesuai dengan pencarian Anda.',
  'list.empty.text': 'Periksa ejaan kata kunci, gunakan kata yang lebih umum, atau kurangi filter.',
  'list.pageMissing': 'Halaman {page} tidak tersedia; hasil pencarian ini hanya {pageCount} halaman.',
  'list.firstPage': 'Ke halaman pertama',

  'field.nomor': 'Nomor',
  'field.judul': 'Judul',
  'field.ringkasan': 'Ringkasan isi informasi',
  'field.kategori': 'Kategori',
  'field.unit': 'Unit kerja',
  'field.pejabatPenguasa': 'Pejabat penguasa informasi',
  'field.penanggungJawab': 'Penanggung jawab pembuatan/penerbitan',
  'field.waktuPembuatan': 'Waktu pembuatan',
  'field.tempatPembuatan': 'Tempat pembuatan',
  'field.bentukInformasi': 'Bentuk informasi yang tersedia',
  'field.jangkaWaktuPenyimpanan': 'Jangka waktu penyimpanan',
  'field.tahun': 'Tahun',

  'pagination.label': 'Halaman hasil',
  'pagination.prev': 'Sebelumnya',
  'pagination.next': 'Berikutnya',
  'pagination.page': 'Halaman {page}',
  'pagination.summary': 'Halaman {page} dari {pageCount}',

  'detail.heading': 'Informasi publik',
  'detail.breadcrumb': 'Jejak navigasi',
  'detail.details': 'Keterangan informasi',
  'detail.file.title': 'Berkas',
  'detail.file.download': 'Unduh {name}',
  'detail.file.meta': '{type}, {size}',
  'detail.file.none':
    'Berkas digital belum tersedia. Anda dapat mengajukan permohonan informasi kepada PPID.',
  'detail.back': 'Kembali ke Daftar Informasi Publik',
  'detail.onlyIndonesian':
    'Informasi ini belum tersedia dalam bahasa Inggris; versi Bahasa Indonesia ditampilkan.',
  'notFound.title': 'Informasi tidak ditemukan',
  'notFound.text':
    'Informasi yang Anda cari tidak ada atau tidak lagi dipublikasikan. Periksa kembali alamat tautan.',
  'notFound.link': 'Lihat Daftar Informasi Publik',

  'units.title': 'Unit Kerja',
  'units.intro': 'Unit kerja yang menguasai dan mengelola informasi publik.',
  'units.kode': 'Kode',
  'units.kepala': 'Kepala',
  'units.email': 'Email',
  'units.telepon': 'Telepon',
  'units.docs': 'Informasi publik dari {nama}',
  'units.empty': 'Belum ada unit kerja yang terdaftar.',

  'page404.title': 'Halaman tidak ditemukan',
  'page404.text':
    'Alamat yang Anda tuju tidak ada. Periksa kembali ejaan alamat, atau gunakan menu di atas.',
  'page404.home': 'Kembali ke Beranda',
};

/** @type {Record<keyof typeof id, string>} */
const en = {
  'site.name': 'PPID',
  'site.tagline': 'Public Information and Documentation Office',
  'site.description':
    'Public information service: the list of public information, work units, and how to obtain information under Law 14/2008.',
  'skip': 'Skip to main content',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.list': 'Public Information List',
  'nav.units': 'Work Units',
  'lang.other': 'Bahasa Indonesia',
  'lang.otherLabel': 'Ganti ke Bahasa Indonesia',
  'footer.law':
    'A public information service under Law Number 14 of 2008 on Public Information Disclosure.',
  'footer.nav': 'Footer links',
  'noscript':
    'The information list is loaded from the PPID data service and needs JavaScript. Turn JavaScript on, or contact the PPID to obtain information.',
  'status.loading': 'Loading…',
  'error.unavailable': 'The service is currently unavailable, please try again later.',
  'error.retry': 'Reload the page',
  'value.none': 'Not stated',

  'title.home': 'Home — PPID',
  'title.list': 'Public Information List — PPID',
  'title.detail': 'Public Information — PPID',
  'title.units': 'Work Units — PPID',
  'title.notFound': 'Page not found — PPID',
  'title.suffix': '— PPID',

  'kategori.berkala': 'Periodic information',
  'kategori.serta_merta': 'Immediate information',
  'kategori.setiap_saat': 'Information available at any time',
  'kategori.dikecualikan': 'Exempt information',

  'bentuk.softcopy': 'Softcopy (electronic)',
  'bentuk.hardcopy': 'Hardcopy (printed)',
  'bentuk.softcopy_dan_hardcopy': 'Softcopy and hardcopy',

  'home.title': 'Public Information and Documentation Office',
  'home.lead':
    'The PPID keeps, documents, provides and serves the public information of this public body, under Law Number 14 of 2008 on Public Information Disclosure. Everyone has the right to obtain public information.',
  'home.cta': 'See the Public Information List',
  'home.categories.title': 'Kinds of public information',
  'home.categories.intro':
    'Public information is grouped according to Information Commission Regulation Number 1 of 2021 on Public Information Service Standards.',
  'home.cat.berkala.desc':
    'Information that must be provided and announced periodically, at least every six months, such as the profile of the public body, a summary of programmes and activities, and financial reports.',
  'home.cat.berkala.link': 'See periodic information',
  'home.cat.serta_merta.desc':
    'Information that may threaten the lives of many people or public order, which must be announced immediately, such as early disaster warnings.',
  'home.cat.serta_merta.link': 'See immediate information',
  'home.cat.setiap_saat.desc':
    'Information that must be available at any time and can be obtained on request, such as the list of public information, regulations and decisions, and agreements with third parties.',
  'home.cat.setiap_saat.link': 'See information available at any time',
  'home.exempt.title': 'Exempt information',
  'home.exempt.text':
    'A small part of the information is exempt under Article 17 of Law 14/2008 after a consequence test, for example to protect personal data. It is not open to the public and is not shown on this site.',
  'home.request.title': 'Requesting information',
  'home.request.text':
    'If the information you need is not available, submit an information request to the PPID. Requests are answered within 10 working days, which may be extended once by at most 7 working days with a written reason.',
  'home.links.title': 'Links',
  'home.links.list': 'Public Information List',
  'home.links.units': 'Work units holding the information',

  'list.title': 'Public Information List',
  'list.intro':
    'Public information available to everyone. Search by title or summary, then filter by category, work unit or year.',
  'list.filter.title': 'Search and filter',
  'list.q.label': 'Keywords',
  'list.q.hint': 'Searched in titles and summaries',
  'list.kategori.label': 'Category',
  'list.kategori.all': 'All categories',
  'list.unit.label': 'Work unit',
  'list.unit.all': 'All work units',
  'list.tahun.label': 'Year',
  'list.tahun.all': 'All years',
  'list.submit': 'Apply',
  'list.reset': 'Clear all filters',
  'list.results.title': 'Results',
  'list.count': 'Showing {from}–{to} of {total} items',
  'list.empty.title': 'No information matches your search.',
  'list.empty.text': 'Check the spelling of your keywords, use more general words, or remove some filters.',
  'list.pageMissing': 'Page {page} does not exist; these results have only {pageCount} pages.',
  'list.firstPage': 'Go to the first page',

  'field.nomor': 'Number',
  'field.judul': 'Title',
  'field.ringkasan': 'Summary of the information',
  'field.kategori': 'Category',
  'field.unit': 'Work unit',
  'field.pejabatPenguasa': 'Official in control of the information',
  'field.penanggungJawab': 'Responsible for making/publishing',
  'field.waktuPembuatan': 'Date made',
  'field.tempatPembuatan': 'Place made',
  'field.bentukInformasi': 'Available forms',
  'field.jangkaWaktuPenyimpanan': 'Retention period',
  'field.tahun': 'Year',

  'pagination.label': 'Result pages',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page}',
  'pagination.summary': 'Page {page} of {pageCount}',

  'detail.heading': 'Public information',
  'detail.breadcrumb': 'Breadcrumb',
  'detail.details': 'About this information',
  'detail.file.title': 'File',
  'detail.file.download': 'Download {name}',
  'detail.file.meta': '{type}, {size}',
  'detail.file.none':
    'No digital file is available yet. You can submit an information request to the PPID.',
  'detail.back': 'Back to the Public Information List',
  'detail.onlyIndonesian':
    'This information is not yet available in English; the Indonesian version is shown.',
  'notFound.title': 'Information not found',
  'notFound.text':
    'The information you are looking for does not exist or is no longer published. Check the link address.',
  'notFound.link': 'See the Public Information List',

  'units.title': 'Work Units',
  'units.intro': 'The work units that hold and manage public information.',
  'units.kode': 'Code',
  'units.kepala': 'Head',
  'units.email': 'Email',
  'units.telepon': 'Telephone',
  'units.docs': 'Public information from {nama}',
  'units.empty': 'No work units are registered yet.',

  'page404.title': 'Page not found',
  'page404.text':
    'The address you tried does not exist. Check the spelling of the address, or use the menu above.',
  'page404.home': 'Back to Home',
};

export const messages = Object.freeze({ id: Object.freeze(id), en: Object.freeze(en) });

/** @param {unknown} value @returns {value is Lang} */
export function isLang(value) {
  return value === 'id' || value === 'en';
}

/**
 * Translate a key, filling `{name}` placeholders. An unknown key comes back as the key itself
 * (visible, so a missing label is noticed; the unit tests keep both dictionaries complete).
 * @param {Lang} lang @param {string} key @param {Record<string, string|number>} [params]
 */
export function t(lang, key, params) {
  const dict = messages[isLang(lang) ? lang : DEFAULT_LANG];
  const text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The language to show: `?lang=` in the URL wins, then the remembered choice, then Indonesian.
 * @param {string} search location.search (with or without '?')
 * @param {string|null|undefined} stored value remembered from an earlier visit
 * @returns {{ lang: Lang, fromUrl: boolean }}
 */
export function resolveLang(search, stored) {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return { lang: fromUrl, fromUrl: true };
  if (isLang(stored)) return { lang: stored, fromUrl: false };
  return { lang: DEFAULT_LANG, fromUrl: false };
}

/** @param {Lang} lang @returns {Lang} */
export function otherLang(lang) {
  return lang === 'en' ? 'id' : 'en';
}

/** Label of a DIP category, or the raw value when unknown. @param {Lang} lang @param {string} kategori */
export function kategoriLabel(lang, kategori) {
  const key = `kategori.${kategori}`;
  return key in messages.id ? t(lang, key) : String(kategori ?? '');
}

/** Label of a `bentukInformasi` value. @param {Lang} lang @param {string} bentuk */
export function bentukLabel(lang, bentuk) {
  const key = `bentuk.${bentuk}`;
  return key in messages.id ? t(lang, key) : String(bentuk ?? '');
}
