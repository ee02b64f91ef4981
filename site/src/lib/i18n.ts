/**
 * Labels of the public site in Indonesian (default) and English. Pure: used at build time by
 * every page and by the search script in the browser.
 */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

/** Intl locale for numbers and dates per site language. */
export const INTL_LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const id = {
  'site.name': 'PPID',
  'site.tagline': 'Pejabat Pengelola Informasi dan Dokumentasi',
  'site.description':
    'Layanan informasi publik: Daftar Informasi Publik, unit kerja, profil PPID, dan maklumat pelayanan sesuai UU 14/2008.',
  skip: 'Langsung ke konten utama',
  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.list': 'Daftar Informasi Publik',
  'nav.search': 'Cari',
  'nav.units': 'Unit Kerja',
  'nav.profile': 'Profil PPID',
  'nav.charter': 'Maklumat Pelayanan',
  'lang.other': 'English',
  'lang.otherLabel': 'Switch to English: this page in English',
  'footer.law':
    'Layanan informasi publik berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
  'footer.nav': 'Tautan di kaki halaman',
  'footer.updated': 'Situs diperbarui {date}.',
  'value.none': 'Tidak dicantumkan',

  'title.suffix': 'PPID',

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
  'home.count': '{total} informasi publik tersedia.',
  'home.categories.title': 'Jenis informasi publik',
  'home.categories.intro':
    'Informasi publik dikelompokkan menurut Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.',
  'home.cat.berkala.desc':
    'Informasi yang wajib disediakan dan diumumkan secara berkala, paling sedikit setiap enam bulan, misalnya profil badan publik, ringkasan program dan kegiatan, serta laporan keuangan.',
  'home.cat.serta_merta.desc':
    'Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum, yang wajib diumumkan segera tanpa penundaan, misalnya peringatan dini bencana.',
  'home.cat.setiap_saat.desc':
    'Informasi yang wajib tersedia setiap saat dan dapat diperoleh atas permintaan, misalnya daftar informasi publik, peraturan dan keputusan, serta perjanjian dengan pihak ketiga.',
  'home.cat.link': 'Lihat {label} ({count})',
  'home.exempt.title': 'Informasi yang dikecualikan',
  'home.exempt.text':
    'Sebagian kecil informasi dikecualikan berdasarkan Pasal 17 UU 14/2008 setelah uji konsekuensi, misalnya karena melindungi data pribadi. Informasi ini tidak dibuka untuk umum dan tidak ditampilkan di situs ini.',
  'home.request.title': 'Mengajukan permohonan informasi',
  'home.request.text':
    'Jika informasi yang Anda perlukan belum tersedia, ajukan permohonan informasi kepada PPID. Permohonan dijawab paling lambat 10 hari kerja, dan dapat diperpanjang satu kali paling lama 7 hari kerja dengan alasan tertulis.',
  'home.links.title': 'Tautan',

  'list.title': 'Daftar Informasi Publik',
  'list.intro':
    'Informasi publik yang tersedia untuk umum, dengan kolom sesuai Peraturan Komisi Informasi Nomor 1 Tahun 2021. Telusuri menurut kategori, unit kerja, atau tahun, atau cari kata kunci.',
  'list.caption': 'Daftar Informasi Publik, halaman {page} dari {pageCount}',
  'list.count': 'Menampilkan {from}–{to} dari {total} informasi',
  'list.empty': 'Belum ada informasi publik di sini.',
  'list.browse': 'Telusuri',
  'list.byKategori': 'Menurut kategori',
  'list.byUnit': 'Menurut unit kerja',
  'list.byTahun': 'Menurut tahun',
  'list.all': 'Semua informasi publik',
  'list.kategori.title': '{label}',
  'list.unit.title': 'Informasi publik {nama}',
  'list.tahun.title': 'Informasi publik tahun {tahun}',
  'list.scrollHint': 'Tabel dapat digeser ke samping.',

  'col.nomor': 'Nomor',
  'col.ringkasan': 'Judul dan ringkasan isi informasi',
  'col.unit': 'Pejabat/unit penguasa informasi',
  'col.penanggungJawab': 'Penanggung jawab pembuatan/penerbitan',
  'col.waktuTempat': 'Waktu dan tempat pembuatan',
  'col.bentuk': 'Bentuk informasi yang tersedia',
  'col.retensi': 'Jangka waktu penyimpanan',
  'col.kategori': 'Kategori',

  'field.nomor': 'Nomor',
  'field.ringkasan': 'Ringkasan isi informasi',
  'field.kategori': 'Kategori',
  'field.unit': 'Unit kerja penguasa informasi',
  'field.pejabatPenguasa': 'Pejabat penguasa informasi',
  'field.penanggungJawab': 'Penanggung jawab pembuatan/penerbitan',
  'field.waktuPembuatan': 'Waktu pembuatan',
  'field.tempatPembuatan': 'Tempat pembuatan',
  'field.bentukInformasi': 'Bentuk informasi yang tersedia',
  'field.jangkaWaktuPenyimpanan': 'Jangka waktu penyimpanan',
  'field.tahun': 'Tahun',
  'field.updatedAt': 'Terakhir diperbarui',

  'pagination.label': 'Halaman hasil',
  'pagination.prev': 'Sebelumnya',
  'pagination.next': 'Berikutnya',
  'pagination.page': 'Halaman {page}',
  'pagination.summary': 'Halaman {page} dari {pageCount}',

  'detail.breadcrumb': 'Jejak navigasi',
  'detail.details': 'Keterangan informasi',
  'detail.file.title': 'Berkas',
  'detail.file.download': 'Unduh {name}',
  'detail.file.meta': '{type}, {size}',
  'detail.file.none': 'Berkas digital belum tersedia. Anda dapat mengajukan permohonan informasi kepada PPID.',
  'detail.back': 'Kembali ke Daftar Informasi Publik',
  'detail.fallback': 'Informasi ini belum tersedia dalam bahasa Inggris; versi Bahasa Indonesia ditampilkan.',

  'search.title': 'Cari informasi publik',
  'search.intro': 'Cari menurut kata pada judul dan ringkasan, lalu saring menurut kategori, unit kerja, atau tahun.',
  'search.q.label': 'Kata kunci',
  'search.q.hint': 'Dicari pada judul dan ringkasan',
  'search.kategori.all': 'Semua kategori',
  'search.unit.all': 'Semua unit kerja',
  'search.tahun.all': 'Semua tahun',
  'search.submit': 'Cari',
  'search.reset': 'Hapus semua filter',
  'search.results': 'Hasil pencarian',
  'search.loading': 'Mencari…',
  'search.count': '{total} informasi ditemukan',
  'search.none': 'Tidak ada informasi yang sesuai dengan pencarian Anda. Periksa ejaan kata kunci, gunakan kata yang lebih umum, atau kurangi filter.',
  'search.prompt': 'Masukkan kata kunci atau pilih filter, lalu tekan Cari.',
  'search.error': 'Pencarian sedang tidak dapat dipakai. Telusuri daftar menurut kategori, unit kerja, atau tahun.',
  'search.noscript':
    'Pencarian kata kunci memerlukan JavaScript. Tanpa JavaScript, semua informasi tetap dapat ditelusuri menurut kategori, unit kerja, atau tahun:',

  'units.title': 'Unit Kerja',
  'units.intro': 'Unit kerja yang menguasai dan mengelola informasi publik.',
  'units.kepala': 'Kepala',
  'units.email': 'Email',
  'units.telepon': 'Telepon',
  'units.docs': 'Informasi publik dari {nama} ({count})',
  'units.empty': 'Belum ada unit kerja yang terdaftar.',

  'profile.unavailable': 'Profil PPID belum diterbitkan.',
  'profile.tugas': 'Tugas dan fungsi',
  'profile.visi': 'Visi',
  'profile.misi': 'Misi',
  'profile.dasarHukum': 'Dasar hukum',
  'profile.contact': 'Kontak dan jam layanan',
  'profile.alamat': 'Alamat',
  'profile.telepon': 'Telepon',
  'profile.email': 'Email',
  'profile.jam': 'Jam layanan',

  'charter.unavailable': 'Maklumat pelayanan belum diterbitkan.',
  'charter.janji': 'Janji layanan',
  'charter.waktu': 'Standar waktu layanan',
  'charter.biaya': 'Biaya',
  'charter.pengaduan': 'Pengaduan',
  'charter.signed': 'Ditetapkan oleh',

  'page404.title': 'Halaman tidak ditemukan',
  'page404.text': 'Alamat yang Anda tuju tidak ada atau informasinya tidak lagi dipublikasikan. Periksa kembali ejaan alamat, atau gunakan menu di atas.',
  'page404.home': 'Kembali ke Beranda',
  'page404.list': 'Lihat Daftar Informasi Publik',
};

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'site.name': 'PPID',
  'site.tagline': 'Public Information and Documentation Office',
  'site.description':
    'Public information service: the list of public information, work units, the PPID profile and service charter under Law 14/2008.',
  skip: 'Skip to main content',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.list': 'Public Information List',
  'nav.search': 'Search',
  'nav.units': 'Work Units',
  'nav.profile': 'About the PPID',
  'nav.charter': 'Service Charter',
  'lang.other': 'Bahasa Indonesia',
  'lang.otherLabel': 'Ganti ke Bahasa Indonesia: halaman ini dalam Bahasa Indonesia',
  'footer.law': 'A public information service under Law Number 14 of 2008 on Public Information Disclosure.',
  'footer.nav': 'Footer links',
  'footer.updated': 'Site updated {date}.',
  'value.none': 'Not stated',

  'title.suffix': 'PPID',

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
  'home.count': '{total} items of public information available.',
  'home.categories.title': 'Kinds of public information',
  'home.categories.intro':
    'Public information is grouped according to Information Commission Regulation Number 1 of 2021 on Public Information Service Standards.',
  'home.cat.berkala.desc':
    'Information that must be provided and announced periodically, at least every six months, such as the profile of the public body, a summary of programmes and activities, and financial reports.',
  'home.cat.serta_merta.desc':
    'Information that may threaten the lives of many people or public order, which must be announced immediately, such as early disaster warnings.',
  'home.cat.setiap_saat.desc':
    'Information that must be available at any time and can be obtained on request, such as the list of public information, regulations and decisions, and agreements with third parties.',
  'home.cat.link': 'See {label} ({count})',
  'home.exempt.title': 'Exempt information',
  'home.exempt.text':
    'A small part of the information is exempt under Article 17 of Law 14/2008 after a consequence test, for example to protect personal data. It is not open to the public and is not shown on this site.',
  'home.request.title': 'Requesting information',
  'home.request.text':
    'If the information you need is not available, submit an information request to the PPID. Requests are answered within 10 working days, which may be extended once by at most 7 working days with a written reason.',
  'home.links.title': 'Links',

  'list.title': 'Public Information List',
  'list.intro':
    'Public information available to everyone, with the columns set by Information Commission Regulation Number 1 of 2021. Browse by category, work unit or year, or search for keywords.',
  'list.caption': 'Public Information List, page {page} of {pageCount}',
  'list.count': 'Showing {from}–{to} of {total} items',
  'list.empty': 'There is no public information here yet.',
  'list.browse': 'Browse',
  'list.byKategori': 'By category',
  'list.byUnit': 'By work unit',
  'list.byTahun': 'By year',
  'list.all': 'All public information',
  'list.kategori.title': '{label}',
  'list.unit.title': 'Public information of {nama}',
  'list.tahun.title': 'Public information from {tahun}',
  'list.scrollHint': 'The table scrolls sideways.',

  'col.nomor': 'Number',
  'col.ringkasan': 'Title and summary of the information',
  'col.unit': 'Official/unit in control of the information',
  'col.penanggungJawab': 'Responsible for making/publishing',
  'col.waktuTempat': 'Date and place made',
  'col.bentuk': 'Available forms',
  'col.retensi': 'Retention period',
  'col.kategori': 'Category',

  'field.nomor': 'Number',
  'field.ringkasan': 'Summary of the information',
  'field.kategori': 'Category',
  'field.unit': 'Work unit in control of the information',
  'field.pejabatPenguasa': 'Official in control of the information',
  'field.penanggungJawab': 'Responsible for making/publishing',
  'field.waktuPembuatan': 'Date made',
  'field.tempatPembuatan': 'Place made',
  'field.bentukInformasi': 'Available forms',
  'field.jangkaWaktuPenyimpanan': 'Retention period',
  'field.tahun': 'Year',
  'field.updatedAt': 'Last updated',

  'pagination.label': 'Result pages',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page}',
  'pagination.summary': 'Page {page} of {pageCount}',

  'detail.breadcrumb': 'Breadcrumb',
  'detail.details': 'About this information',
  'detail.file.title': 'File',
  'detail.file.download': 'Download {name}',
  'detail.file.meta': '{type}, {size}',
  'detail.file.none': 'No digital file is available yet. You can submit an information request to the PPID.',
  'detail.back': 'Back to the Public Information List',
  'detail.fallback': 'This information is not yet available in English; the Indonesian version is shown.',

  'search.title': 'Search public information',
  'search.intro': 'Search for words in titles and summaries, then filter by category, work unit or year.',
  'search.q.label': 'Keywords',
  'search.q.hint': 'Searched in titles and summaries',
  'search.kategori.all': 'All categories',
  'search.unit.all': 'All work units',
  'search.tahun.all': 'All years',
  'search.submit': 'Search',
  'search.reset': 'Clear all filters',
  'search.results': 'Search results',
  'search.loading': 'Searching…',
  'search.count': '{total} items found',
  'search.none': 'No information matches your search. Check the spelling of your keywords, use more general words, or remove some filters.',
  'search.prompt': 'Enter keywords or choose a filter, then press Search.',
  'search.error': 'Search is not available right now. Browse the list by category, work unit or year.',
  'search.noscript':
    'Keyword search needs JavaScript. Without JavaScript, all information can still be browsed by category, work unit or year:',

  'units.title': 'Work Units',
  'units.intro': 'The work units that hold and manage public information.',
  'units.kepala': 'Head',
  'units.email': 'Email',
  'units.telepon': 'Telephone',
  'units.docs': 'Public information from {nama} ({count})',
  'units.empty': 'No work units are registered yet.',

  'profile.unavailable': 'The PPID profile has not been published yet.',
  'profile.tugas': 'Duties and functions',
  'profile.visi': 'Vision',
  'profile.misi': 'Mission',
  'profile.dasarHukum': 'Legal basis',
  'profile.contact': 'Contact and service hours',
  'profile.alamat': 'Address',
  'profile.telepon': 'Telephone',
  'profile.email': 'Email',
  'profile.jam': 'Service hours',

  'charter.unavailable': 'The service charter has not been published yet.',
  'charter.janji': 'Our service promises',
  'charter.waktu': 'Service time standards',
  'charter.biaya': 'Cost',
  'charter.pengaduan': 'Complaints',
  'charter.signed': 'Issued by',

  'page404.title': 'Page not found',
  'page404.text':
    'The address you tried does not exist or its information is no longer published. Check the spelling of the address, or use the menu above.',
  'page404.home': 'Back to Home',
  'page404.list': 'See the Public Information List',
};

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = Object.freeze({
  id: Object.freeze(id),
  en: Object.freeze(en),
});

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** Translate a key, filling `{name}` placeholders (unknown placeholders stay visible). */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[isLang(lang) ? lang : DEFAULT_LANG][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'id' : 'en';
}

export const PUBLIC_KATEGORI = ['berkala', 'serta_merta', 'setiap_saat'] as const;
export type PublicKategori = (typeof PUBLIC_KATEGORI)[number];

/** Label of a DIP category, or the raw value when unknown. */
export function kategoriLabel(lang: Lang, kategori: string): string {
  const key = `kategori.${kategori}` as MessageKey;
  return key in messages.id ? t(lang, key) : kategori;
}

/** Label of a `bentukInformasi` value, or the raw value when unknown. */
export function bentukLabel(lang: Lang, bentuk: string | null | undefined): string {
  if (!bentuk) return '';
  const key = `bentuk.${bentuk}` as MessageKey;
  return key in messages.id ? t(lang, key) : bentuk;
}
