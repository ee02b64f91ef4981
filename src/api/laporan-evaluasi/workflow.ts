import type { WorkflowDefinition } from '../../workflow/types';

/** SOP seed 001 C: evaluation reports are handed to, and received by, the Kepala Dinas. */
export const laporanEvaluasiWorkflow: WorkflowDefinition = {
  uid: 'api::laporan-evaluasi.laporan-evaluasi',
  name: 'laporan-evaluasi',
  field: 'statusAlur',
  initial: 'draf',
  states: {
    draf: { label: 'Draf laporan' },
    menunggu_penerimaan: { label: 'Menunggu diterima Kepala Dinas', responsible: ['kepala-dinas'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['koordinator'] },
    diterima: { label: 'Diterima Kepala Dinas', final: true },
  },
  transitions: [
    { from: 'draf', to: 'menunggu_penerimaan', roles: ['koordinator', 'kepala-dinas'], label: 'Serahkan ke Kepala Dinas' },
    { from: 'menunggu_penerimaan', to: 'diterima', roles: ['kepala-dinas'], label: 'Terima laporan' },
    { from: 'menunggu_penerimaan', to: 'dikembalikan', roles: ['kepala-dinas'], label: 'Kembalikan', noteRequired: true },
    { from: 'dikembalikan', to: 'menunggu_penerimaan', roles: ['koordinator', 'kepala-dinas'], label: 'Serahkan ulang' },
  ],
};
