/**
 * Indonesian strings for the Internationalization plugin (@strapi/i18n), which ships no
 * `id.json`; its locale picker, "fill in from another locale" and locale column show in the
 * Content Manager. Keys are as in the plugin's en.json, WITHOUT the `i18n.` prefix the plugin
 * adds when it registers its translations; ./index.ts adds it. "Locale" is "bahasa" here.
 *
 * `i18nCodeOnly` holds full runtime ids the plugin code uses with only a `defaultMessage`.
 */

export const i18nId: Record<string, string> = {
  'actions.delete.label': 'Hapus entri ({locale})',
  'actions.delete.dialog.title': 'Konfirmasi',
  'actions.delete.dialog.body': 'Apakah Anda yakin ingin menghapus versi bahasa ini?',
  'actions.delete.error': 'Terjadi kesalahan saat menghapus versi bahasa dokumen.',
  'CMEditViewCopyLocale.copy-failure': 'Gagal menyalin bahasa',
  'CMEditViewCopyLocale.copy-success': 'Bahasa disalin',
  'CMEditViewCopyLocale.copy-text': 'Isi dari bahasa lain',
  'CMEditViewCopyLocale.cancel-text': 'Tidak, batalkan',
  'CMEditViewCopyLocale.submit-text': 'Ya, isi',
  'CMEditViewCopyLocale.dialog.title': 'Konfirmasi',
  'CMEditViewCopyLocale.dialog.body': 'Konten Anda saat ini akan dihapus dan diisi dengan konten dari bahasa yang dipilih:',
  'CMEditViewCopyLocale.dialog.field.label': 'Bahasa',
  'CMEditViewCopyLocale.dialog.field.placeholder': 'Pilih satu bahasa...',
  'CMEditViewBulkLocale.publish-title': 'Terbitkan beberapa bahasa',
  'CMEditViewBulkLocale.unpublish-title': 'Batalkan penerbitan beberapa bahasa',
  'CMEditViewBulkLocale.status': 'Status',
  'CMEditViewBulkLocale.publication-status': 'Status penerbitan',
  'CMEditViewBulkLocale.draft-relation-warning':
    'Beberapa bahasa berelasi dengan entri draf. Menerbitkannya dapat menimbulkan tautan rusak di aplikasi Anda.',
  'CMEditViewBulkLocale.continue-confirmation': 'Apakah Anda yakin ingin melanjutkan?',
  'CMEditViewAITranslation.status-aria-label': 'Status terjemahan AI',
  'CMEditViewAITranslation.status-title':
    '{enabled, select, true {Terjemahan AI aktif} false {Terjemahan AI nonaktif} other {Terjemahan AI nonaktif}}',
  'CMEditViewAITranslation.status-description':
    'AI kami menerjemahkan konten ke semua bahasa setiap kali Anda menyimpan perubahan pada bahasa bawaan.',
  'CMEditViewAITranslation.settings-link':
    '{enabled, select, true {Nonaktifkan di pengaturan} false {Aktifkan di pengaturan} other {Aktifkan di pengaturan}}',
  'CMEditViewAITranslation.job-completed': 'Terjemahan AI berhasil diselesaikan!',
  'CMEditViewAITranslation.job-failed': 'Terjemahan AI gagal. Silakan coba lagi.',
  'CMEditViewLocalePicker.locale.create': 'Buat versi bahasa <bold>{locale}</bold>',
  'CMEditViewLocalePicker.locale.ai-translations': 'Terjemahan AI:',
  'CMListView.popover.display-locales.label': 'Tampilkan bahasa yang sudah diterjemahkan',
  'CMListView.popover.display-locales.more': '{locales} + {count} lainnya',
  'CheckboxConfirmation.Modal.body': 'Apakah Anda ingin menonaktifkannya?',
  'CheckboxConfirmation.Modal.button-confirm': 'Ya, nonaktifkan',
  'CheckboxConfirmation.Modal.content':
    'Menonaktifkan lokalisasi akan menghapus seluruh konten Anda kecuali konten yang terkait dengan bahasa bawaan (jika ada).',
  'Field.localized': 'Nilai ini khusus untuk bahasa yang dipilih',
  'Field.not-localized': 'Nilai ini sama untuk semua bahasa',
  'Settings.list.actions.add': 'Tambah bahasa baru',
  'Settings.list.actions.delete': 'Hapus bahasa {name}',
  'Settings.list.actions.deleteAdditionalInfos':
    'Tindakan ini akan menghapus versi bahasa yang aktif <em>(dari Internasionalisasi)</em>',
  'Settings.list.actions.publishAdditionalInfos':
    'Tindakan ini akan menerbitkan versi bahasa yang aktif <em>(dari Internasionalisasi)</em>',
  'Settings.list.actions.unpublishAdditionalInfos':
    'Tindakan ini akan membatalkan penerbitan versi bahasa yang aktif <em>(dari Internasionalisasi)</em>',
  'Settings.list.actions.edit': 'Ubah bahasa {name}',
  'Settings.list.description': 'Atur pengaturan plugin Internasionalisasi',
  'Settings.list.empty.description':
    'Ini bukan kondisi yang wajar; kemungkinan basis data telah diubah secara manual. Pastikan sekurang-kurangnya satu bahasa tersimpan di basis data agar Strapi dapat digunakan dengan benar.',
  'Settings.list.empty.title': 'Tidak ada bahasa.',
  'Settings.aiLocalizations.label': 'Terjemahan AI',
  'Settings.aiLocalizations.description':
    'Setiap kali Anda menyimpan di Pengelola Konten, AI kami akan menggunakan bahasa bawaan untuk menerjemahkan semua bahasa lain secara otomatis.',
  'Settings.locales.default': 'Bawaan',
  'Settings.locales.list.sort.default': 'Urutkan berdasarkan bahasa bawaan',
  'Settings.locales.list.sort.displayName': 'Urutkan berdasarkan nama tampilan',
  'Settings.locales.list.sort.id': 'Urutkan berdasarkan ID',
  'Settings.locales.modal.advanced': 'Pengaturan lanjutan',
  'Settings.locales.modal.advanced.setAsDefault': 'Jadikan bahasa bawaan',
  'Settings.locales.modal.advanced.setAsDefault.hint': 'Satu bahasa bawaan wajib ada; ubah dengan memilih bahasa lain',
  'Settings.locales.modal.advanced.settings': 'Pengaturan',
  'Settings.locales.modal.base': 'Pengaturan dasar',
  'Settings.locales.modal.create.success': 'Bahasa berhasil ditambahkan',
  'Settings.locales.modal.create.code.label': 'Bahasa',
  'Settings.locales.modal.create.code.error': 'Silakan pilih bahasa',
  'Settings.locales.modal.create.name.description': 'Bahasa akan ditampilkan dengan nama tersebut di panel administrasi',
  'Settings.locales.modal.create.name.label': 'Nama tampilan bahasa',
  'Settings.locales.modal.create.name.error.min': 'Nama tampilan bahasa harus kurang dari 50 karakter.',
  'Settings.locales.modal.create.name.error.required': 'Silakan isi nama tampilan bahasa',
  'Settings.locales.modal.delete.confirm': 'Ya, hapus',
  'Settings.locales.modal.delete.message':
    'Menghapus bahasa ini akan menghapus semua konten terkait. Jika Anda ingin menyimpan sebagian konten, pastikan untuk memindahkannya ke bahasa lain terlebih dahulu.',
  'Settings.locales.modal.delete.secondMessage': 'Apakah Anda ingin menghapus bahasa ini?',
  'Settings.locales.modal.delete.success': 'Bahasa berhasil dihapus',
  'Settings.locales.modal.edit.confirmation': 'Selesai',
  'Settings.locales.modal.edit.success': 'Bahasa berhasil diubah',
  'Settings.locales.modal.edit.tab.label': 'Berpindah antara pengaturan dasar dan pengaturan lanjutan I18N',
  'Settings.locales.modal.title': 'Konfigurasi',
  'Settings.locales.row.default-locale': 'Bahasa bawaan',
  'Settings.locales.row.displayName': 'Nama tampilan',
  'Settings.locales.row.id': 'ID',
  'Settings.permissions.loading': 'Memuat izin',
  'Settings.permissions.read.denied.description': 'Untuk dapat membaca ini, silakan hubungi administrator sistem Anda.',
  'Settings.permissions.read.denied.title': 'Anda tidak memiliki izin untuk mengakses konten ini.',
  'actions.select-locale': 'Pilih bahasa',
  'components.Select.locales.not-available': 'Tidak ada konten yang tersedia',
  'plugin.description.long':
    'Plugin ini memungkinkan pembuatan, pembacaan, dan pembaruan konten dalam berbagai bahasa, baik dari Panel Admin maupun dari API.',
  'plugin.description.short':
    'Plugin ini memungkinkan pembuatan, pembacaan, dan pembaruan konten dalam berbagai bahasa, baik dari Panel Admin maupun dari API.',
  'plugin.name': 'Internasionalisasi',
  'plugin.schema.i18n.localized.description-content-type': 'Memungkinkan entri diterjemahkan ke berbagai bahasa',
  'plugin.schema.i18n.localized.description-field': 'Bidang ini dapat memiliki nilai berbeda untuk setiap bahasa',
  'plugin.schema.i18n.localized.label-content-type': 'Internasionalisasi',
  'plugin.schema.i18n.localized.label-field': 'Aktifkan lokalisasi untuk bidang ini',
  'list-view.table.header.label': 'Tersedia dalam',
};

/** Full runtime ids the i18n plugin code uses with only a `defaultMessage` (no en.json key). */
export const i18nCodeOnly: Record<string, { en: string; id: string }> = {
  'i18n.Settings.locales.modal.locales.label': { en: 'Locales', id: 'Bahasa' },
  'i18n.actions.publish.dialog.title': { en: 'Confirmation', id: 'Konfirmasi' },
  'i18n.CheckboxConfirmation.Modal.title': { en: 'Disable localization', id: 'Nonaktifkan lokalisasi' },
  'Settings.locales.modal.create.code.error': { en: 'Please select a locale', id: 'Silakan pilih bahasa' },
  'Settings.locales.modal.create.name.error.min': {
    en: 'The locale display name can only be less than 50 characters.',
    id: 'Nama tampilan bahasa harus kurang dari 50 karakter.',
  },
  'Settings.locales.modal.create.name.error.required': {
    en: 'Please give the locale a display name',
    id: 'Silakan isi nama tampilan bahasa',
  },
  'components.placeholder.select': { en: 'Select', id: 'Pilih' },
};
