import type { WorkflowDefinition } from '../../workflow/types';

/**
 * Objections (UU 14/2008 Art. 35–36): filed within 30 working days of their grounds and answered
 * by the PPID's superior (atasan PPID) within 30 working days. An escalation to the Komisi
 * Informasi is recorded on the objection (keKomisiInformasi, tanggalKeKomisi, putusanKomisi).
 */
export const keberatanWorkflow: WorkflowDefinition = {
  uid: 'api::keberatan.keberatan',
  name: 'keberatan',
  field: 'statusAlur',
  initial: 'diajukan',
  states: {
    diajukan: { label: 'Diajukan, menunggu tanggapan atasan PPID', responsible: ['atasan-ppid'], sla: { workingDays: 30, calendar: 'business' } },
    dikabulkan: { label: 'Keberatan dikabulkan', final: true },
    ditolak: { label: 'Keberatan ditolak', final: true },
  },
  transitions: [
    { from: 'diajukan', to: 'dikabulkan', roles: ['atasan-ppid'], label: 'Kabulkan keberatan', noteRequired: true },
    { from: 'diajukan', to: 'ditolak', roles: ['atasan-ppid'], label: 'Tolak keberatan', noteRequired: true },
  ],
};
