import type { TransitionGuard, WorkflowDefinition } from '../../workflow/types';

/**
 * SOP seed 001 C: who writes an evaluation report, and who receives it, depends on its kind.
 *
 * - C1 `evaluasi_pengelolaan` (at least every 6 months): written by the Koordinator, handed to and
 *   accepted by the Kepala Dinas ("Evaluasi di laporkan kepada kepala dinas"). `rekap_tahunan`
 *   and the older `rencana_konten` reports follow the same path.
 * - C2 `evaluasi_koordinator` (monthly): written by the Kepala Dinas after the evaluation meeting
 *   (date and participants recorded), handed to the evaluated Koordinator, who acknowledges it
 *   (reading of the SOP: the result of an evaluation meeting "terhadap koordinator" is made known to
 *   the person evaluated; README "Readings of the SOP").
 * - C3: the Sub Koordinator's follow-ups of that meeting are items (owner, due date, status).
 *
 * Nobody accepts their own report, not even by forcing the step as super admin.
 */
const TO_KADIS = ['evaluasi_pengelolaan', 'rekap_tahunan', 'rencana_konten'];
const TO_KOORDINATOR = ['evaluasi_koordinator'];

const kindGuard = (values: string[], message: string): TransitionGuard => ({ kind: 'attributeIn', attribute: 'jenis', values, message });
const MEETING: TransitionGuard = {
  kind: 'filled',
  attributes: ['tanggalRapat', 'pesertaRapat'],
  message: 'Evaluasi kinerja Koordinator dicatat dari rapat evaluasi: isi Tanggal rapat dan Peserta rapat dulu.',
};

/** C3: one follow-up of the evaluation meeting, worked by the Sub Koordinator. */
export const tindakLanjutRapatWorkflow: WorkflowDefinition = {
  uid: 'ppid.tindak-lanjut-rapat',
  name: 'tindak-lanjut-rapat',
  field: 'status',
  initial: 'baru',
  states: {
    baru: { label: 'Baru' },
    dikerjakan: { label: 'Sedang ditindaklanjuti' },
    selesai: { label: 'Selesai', final: true },
  },
  transitions: [
    { from: 'baru', to: 'dikerjakan', roles: ['sub-koordinator'], label: 'Mulai tindak lanjut' },
    { from: 'dikerjakan', to: 'selesai', roles: ['sub-koordinator'], label: 'Tandai selesai' },
    { from: 'dikerjakan', to: 'baru', roles: ['sub-koordinator'], label: 'Kembalikan ke baru' },
  ],
};

export const laporanEvaluasiWorkflow: WorkflowDefinition = {
  uid: 'api::laporan-evaluasi.laporan-evaluasi',
  name: 'laporan-evaluasi',
  field: 'statusAlur',
  initial: 'draf',
  items: [
    {
      field: 'tindakLanjutRapat',
      definition: tindakLanjutRapatWorkflow,
      stamps: { selesai: 'tanggalSelesai' },
      dueDateAttribute: 'tenggat',
      assigneeAttribute: 'penanggungJawab',
      summaryAttribute: 'deskripsi',
      itemLabel: 'Tindak lanjut rapat evaluasi',
    },
  ],
  states: {
    draf: { label: 'Draf laporan' },
    menunggu_penerimaan: { label: 'Menunggu diterima Kepala Dinas', responsible: ['kepala-dinas'] },
    menunggu_tanggapan_koordinator: { label: 'Menunggu diterima Koordinator yang dievaluasi', responsible: ['koordinator'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['koordinator', 'kepala-dinas'] },
    diterima: { label: 'Diterima', final: true },
  },
  transitions: [
    {
      from: 'draf',
      to: 'menunggu_penerimaan',
      roles: ['koordinator'],
      label: 'Serahkan ke Kepala Dinas',
      guards: [
        kindGuard(TO_KADIS, 'Evaluasi kinerja Koordinator ditulis Kepala Dinas dan diserahkan ke Koordinator, bukan ke Kepala Dinas.'),
        { kind: 'authorRole', roles: ['koordinator'], message: 'Laporan ini harus ditulis oleh Koordinator (SOP C1); buat laporan baru dengan akun Koordinator.' },
      ],
    },
    {
      from: 'draf',
      to: 'menunggu_tanggapan_koordinator',
      roles: ['kepala-dinas'],
      label: 'Serahkan ke Koordinator',
      guards: [
        kindGuard(TO_KOORDINATOR, 'Hanya evaluasi kinerja Koordinator yang diserahkan Kepala Dinas ke Koordinator.'),
        { kind: 'authorRole', roles: ['kepala-dinas'], message: 'Evaluasi kinerja Koordinator harus ditulis oleh Kepala Dinas (SOP C2).' },
        MEETING,
      ],
    },
    { from: 'menunggu_penerimaan', to: 'diterima', roles: ['kepala-dinas'], label: 'Terima laporan', separateFromAuthor: 'always' },
    { from: 'menunggu_penerimaan', to: 'dikembalikan', roles: ['kepala-dinas'], label: 'Kembalikan', noteRequired: true },
    { from: 'menunggu_tanggapan_koordinator', to: 'diterima', roles: ['koordinator'], label: 'Terima hasil evaluasi', separateFromAuthor: 'always' },
    { from: 'menunggu_tanggapan_koordinator', to: 'dikembalikan', roles: ['koordinator'], label: 'Minta klarifikasi', noteRequired: true },
    {
      from: 'dikembalikan',
      to: 'menunggu_penerimaan',
      roles: ['koordinator'],
      label: 'Serahkan ulang ke Kepala Dinas',
      guards: [kindGuard(TO_KADIS, 'Laporan ini diserahkan ke Koordinator, bukan ke Kepala Dinas.')],
    },
    {
      from: 'dikembalikan',
      to: 'menunggu_tanggapan_koordinator',
      roles: ['kepala-dinas'],
      label: 'Serahkan ulang ke Koordinator',
      guards: [kindGuard(TO_KOORDINATOR, 'Laporan ini diserahkan ke Kepala Dinas, bukan ke Koordinator.'), MEETING],
    },
  ],
};

/** Which role must have written a report of each kind for it to count (src/obligations). */
export const REPORT_AUTHOR_ROLE: Readonly<Record<string, string>> = {
  evaluasi_pengelolaan: 'koordinator',
  evaluasi_koordinator: 'kepala-dinas',
  rekap_tahunan: 'koordinator',
  rencana_konten: 'koordinator',
};
