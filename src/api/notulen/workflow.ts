import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SOP seed 001 B: minutes of a development meeting go to the Koordinator, are reported to the
 * Kepala Dinas, then their follow-up items are worked by the Web Developer (each item has its own
 * due date, see followUps below); the minutes close when every item is done.
 */
export const notulenWorkflow: WorkflowDefinition = {
  uid: 'api::notulen.notulen',
  name: 'notulen',
  field: 'statusAlur',
  initial: 'draf',
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
