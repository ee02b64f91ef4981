import type { WorkflowDefinition } from '../../workflow/types';

const OPEN = ['diterima', 'diproses', 'diperpanjang'];

/**
 * Information requests (UU 14/2008 Art. 22). Received online (or registered by the office) →
 * processed → optionally extended once (reason required) → answered. The answer is one of five
 * final states, so the decision itself is a role-gated, audited step. The legal deadline
 * (`batasWaktu`, 10 working days from receipt, +7 when extended) is kept on the request by
 * src/permohonan/glue.ts; the state SLAs below are the office's internal timers.
 *
 * Roles (documented judgement): the PPID office's Operator and Sub Koordinator register and process
 * requests; the decision — answer, extension, refusal on an exemption ground — is the PPID's, taken
 * by the Koordinator (Sekretaris, the PPID pelaksana's head in the SOP).
 */
export const permohonanInformasiWorkflow: WorkflowDefinition = {
  uid: 'api::permohonan-informasi.permohonan-informasi',
  name: 'permohonan-informasi',
  field: 'statusAlur',
  initial: 'diterima',
  states: {
    diterima: { label: 'Diterima, menunggu diproses', responsible: ['operator', 'sub-koordinator'], sla: { workingDays: 1, calendar: 'business' } },
    diproses: { label: 'Diproses, menunggu keputusan', responsible: ['koordinator'], sla: { workingDays: 10, calendar: 'business' } },
    diperpanjang: { label: 'Diperpanjang 7 hari kerja, menunggu keputusan', responsible: ['koordinator'], sla: { workingDays: 7, calendar: 'business' } },
    dikabulkan: { label: 'Dikabulkan', final: true },
    dikabulkan_sebagian: { label: 'Dikabulkan sebagian', final: true },
    ditolak: { label: 'Ditolak (informasi dikecualikan)', final: true },
    tidak_dikuasai: { label: 'Informasi tidak dikuasai', final: true },
    diteruskan: { label: 'Diteruskan ke badan publik yang menguasai', final: true },
  },
  transitions: [
    { from: 'diterima', to: 'diproses', roles: ['operator', 'sub-koordinator'], label: 'Proses permohonan' },
    { from: 'diproses', to: 'diperpanjang', roles: ['koordinator'], label: 'Perpanjang 7 hari kerja', noteRequired: true },
    { from: ['diproses', 'diperpanjang'], to: 'dikabulkan', roles: ['koordinator'], label: 'Kabulkan' },
    {
      from: ['diproses', 'diperpanjang'],
      to: 'dikabulkan_sebagian',
      roles: ['koordinator'],
      label: 'Kabulkan sebagian (catat bagian yang dihitamkan)',
      noteRequired: true,
    },
    {
      from: ['diproses', 'diperpanjang'],
      to: 'ditolak',
      roles: ['koordinator'],
      label: 'Tolak (dasar pengecualian)',
      noteRequired: true,
      guards: [
        {
          kind: 'hasRelated',
          field: 'dasarPengecualian',
          message: 'Penolakan harus menautkan entri DIP "dikecualikan" beserta uji konsekuensinya (kolom Dasar pengecualian).',
        },
      ],
    },
    { from: OPEN, to: 'tidak_dikuasai', roles: ['koordinator'], label: 'Informasi tidak dikuasai', noteRequired: true },
    { from: OPEN, to: 'diteruskan', roles: ['koordinator'], label: 'Teruskan ke badan publik lain', noteRequired: true },
  ],
};
