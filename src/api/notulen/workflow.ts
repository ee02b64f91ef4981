import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SOP seed 001 B: minutes of a development meeting go to the Koordinator, are reported to the
 * Kepala Dinas, then their follow-up items are worked by the Web Developer (each item has its own
 * due date, see followUps below); the minutes close when every item is done.
 */
/**
 * One follow-up item: the Web Developer acknowledges it (tanda terima), works on it and presents
 * the result; the Sub Koordinator accepts it or asks for rework (seed 001 B2–B4).
 */
export const tindakLanjutWorkflow: WorkflowDefinition = {
  uid: 'ppid.tindak-lanjut',
  name: 'tindak-lanjut',
  field: 'status',
  initial: 'baru',
  states: {
    baru: { label: 'Baru, menunggu tanda terima' },
    diterima: { label: 'Diterima Web Developer' },
    dikerjakan: { label: 'Sedang dikerjakan' },
    dipresentasikan: { label: 'Dipresentasikan, menunggu pemeriksaan' },
    selesai: { label: 'Selesai', final: true },
  },
  transitions: [
    { from: 'baru', to: 'diterima', roles: ['web-developer'], label: 'Terima butir (tanda terima)' },
    { from: 'diterima', to: 'dikerjakan', roles: ['web-developer'], label: 'Mulai kerjakan' },
    { from: 'dikerjakan', to: 'dipresentasikan', roles: ['web-developer'], label: 'Presentasikan hasil' },
    { from: 'dipresentasikan', to: 'selesai', roles: ['sub-koordinator'], label: 'Setujui hasil' },
    { from: 'dipresentasikan', to: 'dikerjakan', roles: ['sub-koordinator'], label: 'Minta perbaikan' },
  ],
};

export const notulenWorkflow: WorkflowDefinition = {
  uid: 'api::notulen.notulen',
  name: 'notulen',
  field: 'statusAlur',
  initial: 'draf',
  items: [
    {
      field: 'tindakLanjut',
      definition: tindakLanjutWorkflow,
      stamps: { diterima: 'tanggalDiterima', selesai: 'tanggalSelesai' },
      dueDateAttribute: 'tenggat',
      assigneeAttribute: 'penanggungJawab',
      summaryAttribute: 'deskripsi',
      itemLabel: 'Tindak lanjut',
    },
  ],
  states: {
    draf: { label: 'Draf notulen' },
    menunggu_tinjauan: { label: 'Menunggu tinjauan Koordinator', responsible: ['koordinator'] },
    menunggu_penerimaan: { label: 'Menunggu diterima Kepala Dinas', responsible: ['kepala-dinas'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['sub-koordinator'] },
    tindak_lanjut: { label: 'Tindak lanjut berjalan' },
    selesai: { label: 'Selesai', final: true },
  },
  transitions: [
    { from: 'draf', to: 'menunggu_tinjauan', roles: ['sub-koordinator'], label: 'Ajukan ke Koordinator' },
    { from: 'menunggu_tinjauan', to: 'menunggu_penerimaan', roles: ['koordinator'], label: 'Setujui dan laporkan ke Kepala Dinas' },
    { from: 'menunggu_tinjauan', to: 'dikembalikan', roles: ['koordinator'], label: 'Kembalikan', noteRequired: true },
    { from: 'dikembalikan', to: 'menunggu_tinjauan', roles: ['sub-koordinator'], label: 'Ajukan ulang' },
    { from: 'menunggu_penerimaan', to: 'tindak_lanjut', roles: ['kepala-dinas'], label: 'Terima laporan notulen' },
    {
      from: 'tindak_lanjut',
      to: 'selesai',
      roles: ['sub-koordinator'],
      label: 'Tutup notulen',
      guards: [
        {
          kind: 'allComponentsIn',
          field: 'tindakLanjut',
          attribute: 'status',
          values: ['selesai'],
          message: 'Masih ada butir tindak lanjut yang belum selesai.',
        },
      ],
    },
  ],
};
