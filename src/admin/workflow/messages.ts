/**
 * Strings of the "Alur kerja" panel. Indonesian is the default (and the `defaultMessage` of each
 * formatMessage call); English is registered for admins who switch the panel language.
 * Keys are registered as `ppid.workflow.<key>` in src/admin/app.tsx.
 */

export const MESSAGE_PREFIX = 'ppid.workflow.';

export const WORKFLOW_MESSAGES = {
  'panel.title': { id: 'Alur kerja', en: 'Workflow' },
  'panel.createHint': {
    id: 'Simpan dokumen ini terlebih dahulu; alur kerja dimulai setelah dokumen dibuat.',
    en: 'Save this document first; its workflow starts once it has been created.',
  },
  'panel.loading': { id: 'Memuat alur kerja…', en: 'Loading the workflow…' },
  'panel.currentState': { id: 'Status saat ini', en: 'Current state' },
  'panel.noSteps': { id: 'Tidak ada langkah yang dapat Anda ambil saat ini.', en: 'There is no step you can take right now.' },
  'panel.steps': { id: 'Langkah berikutnya', en: 'Next steps' },
  'error.forbidden': { id: 'Anda tidak memiliki akses ke alur kerja dokumen ini.', en: 'You do not have access to the workflow of this document.' },
  'error.notFound': { id: 'Alur kerja dokumen ini tidak ditemukan.', en: 'The workflow of this document was not found.' },
  'error.generic': { id: 'Alur kerja tidak dapat dimuat. Coba lagi.', en: 'The workflow could not be loaded. Please try again.' },
  'error.retry': { id: 'Coba lagi', en: 'Try again' },
  'timer.due': { id: 'Batas waktu: {due}', en: 'Due: {due}' },
  'timer.onTrack': { id: 'Sesuai jadwal', en: 'On track' },
  'timer.atRisk': { id: 'Hampir jatuh tempo', en: 'Due soon' },
  'timer.breached': { id: 'Terlambat', en: 'Overdue' },
  'timer.unknown': { id: 'Status SLA tidak diketahui', en: 'Unknown SLA status' },
  'timer.paused': { id: 'Dijeda: menunggu pihak lain', en: 'Paused: waiting on someone else' },
  'timer.pausedMinutes': { id: 'Tidak dihitung (menunggu persetujuan): {minutes} menit kerja', en: 'Not counted (waiting for approval): {minutes} business minutes' },
  'extra.approvalWaits': { id: 'Menunggu persetujuan Koordinator (waktu Koordinator, bukan Operator)', en: "Waiting for the Koordinator's approval (the Koordinator's time, not the Operator's)" },
  'extra.approvalWait': { id: '{entry}: batas {due}', en: '{entry}: due {due}' },
  'extra.receipts': { id: 'Penerimaan oleh unit tujuan', en: 'Receipt by the target units' },
  'extra.received': { id: '{unit}: diterima {actor}, {at}', en: '{unit}: received by {actor}, {at}' },
  'extra.notReceived': { id: '{unit}: belum dikonfirmasi', en: '{unit}: not confirmed yet' },
  'extra.confirmReceipt': { id: 'Konfirmasi penerimaan oleh {unit}', en: 'Confirm receipt by {unit}' },
  'extra.receiptConfirmed': { id: 'Penerimaan nota oleh unit Anda tercatat.', en: "Your unit's receipt of the memo is recorded." },
  'dialog.question': { id: 'Ubah status dari "{from}" dengan langkah "{step}"?', en: 'Change the state "{from}" with the step "{step}"?' },
  'dialog.note': { id: 'Catatan', en: 'Note' },
  'dialog.noteRequiredHint': {
    id: 'Catatan wajib diisi untuk langkah ini: jelaskan alasannya.',
    en: 'A note is required for this step: explain why.',
  },
  'dialog.noteOptionalHint': { id: 'Opsional; tercatat di riwayat alur kerja.', en: 'Optional; it is kept in the workflow history.' },
  'dialog.unsavedChanges': {
    id: 'Formulir memiliki perubahan yang belum disimpan. Simpan dulu agar perubahan tidak hilang saat status diperbarui.',
    en: 'The form has unsaved changes. Save them first so they are not lost when the state is updated.',
  },
  'dialog.cancel': { id: 'Batal', en: 'Cancel' },
  'dialog.confirm': { id: 'Konfirmasi', en: 'Confirm' },
  'dialog.close': { id: 'Tutup', en: 'Close' },
  'dialog.refusedTitle': { id: 'Langkah ditolak', en: 'Step refused' },
  'dialog.failed': { id: 'Status tidak dapat diperbarui. Coba lagi.', en: 'The state could not be updated. Please try again.' },
  'toast.updated': { id: 'Status diperbarui: {state}', en: 'State updated: {state}' },
  'history.title': { id: 'Riwayat', en: 'History' },
  'history.empty': { id: 'Belum ada riwayat.', en: 'No history yet.' },
  'history.showAll': { id: 'Tampilkan semua ({count})', en: 'Show all ({count})' },
  'history.showLess': { id: 'Tampilkan 10 terbaru', en: 'Show the latest 10' },
  'history.forced': { id: 'dipaksa', en: 'forced' },
  'history.slaMet': { id: 'SLA terpenuhi', en: 'SLA met' },
  'history.slaBreached': { id: 'SLA terlewat', en: 'SLA missed' },
  'history.system': { id: 'sistem', en: 'system' },
  'history.created': { id: 'Dibuat', en: 'Created' },
  'history.published': { id: 'Terbit', en: 'Published' },
  'history.republished': { id: 'Versi terbit diperbarui', en: 'Published version updated' },
  'history.withdrawn': { id: 'Ditarik dari publik', en: 'Unpublished' },
  'history.unitReceipt': { id: 'Penerimaan dikonfirmasi unit', en: 'Receipt confirmed by a unit' },
} as const satisfies Record<string, { id: string; en: string }>;

export type WorkflowMessageKey = keyof typeof WORKFLOW_MESSAGES;

/** react-intl message ids, e.g. 'ppid.workflow.panel.title'. */
export function messageId(key: WorkflowMessageKey): string {
  return `${MESSAGE_PREFIX}${key}`;
}

/** The translations of one admin language, for `config.translations` in src/admin/app.tsx. */
export function workflowTranslations(language: 'id' | 'en'): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(WORKFLOW_MESSAGES) as WorkflowMessageKey[]).map((key) => [messageId(key), WORKFLOW_MESSAGES[key][language]]),
  );
}
