import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SOP seed 001 B5 / SPEC §3.2: content is checked by the Koordinator before it goes online.
 * Each locale is approved on its own; publishing is refused unless that locale is approved, and
 * editing an approved entry sends it back for approval.
 */
const SUBMITTERS = ['operator', 'kepala-bidang', 'sub-koordinator'];

export const dipDocumentWorkflow: WorkflowDefinition = {
  uid: 'api::dip-document.dip-document',
  name: 'dip-document',
  field: 'statusAlur',
  initial: 'draf',
  perLocale: true,
  publishableStates: ['disetujui'],
  onEditFrom: { disetujui: 'menunggu_persetujuan' },
  // The memo that asked for the entry, and the request whose answer it publishes, are internal
  // bookkeeping, never shown to the public.
  notApprovalContent: ['notaPermintaan', 'permohonanAsal'],
  states: {
    draf: { label: 'Draf' },
    menunggu_persetujuan: { label: 'Menunggu persetujuan Koordinator', responsible: ['koordinator'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['operator'] },
    disetujui: { label: 'Disetujui untuk tayang' },
  },
  transitions: [
    { from: 'draf', to: 'menunggu_persetujuan', roles: SUBMITTERS, label: 'Ajukan persetujuan' },
    { from: 'menunggu_persetujuan', to: 'disetujui', roles: ['koordinator'], label: 'Setujui', separateFromAuthor: true },
    { from: 'menunggu_persetujuan', to: 'dikembalikan', roles: ['koordinator'], label: 'Kembalikan', noteRequired: true },
    { from: 'dikembalikan', to: 'menunggu_persetujuan', roles: SUBMITTERS, label: 'Ajukan ulang' },
    { from: 'disetujui', to: 'menunggu_persetujuan', roles: SUBMITTERS, label: 'Ajukan perubahan untuk persetujuan' },
  ],
};
