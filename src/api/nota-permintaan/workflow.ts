import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SOP A (seed 000, table A): nota dinas permintaan DIP, six steps. Each state is named after what
 * it waits for, so its SLA (config/ppid.ts) is the SLA of that step.
 */
const RETURN_NOTE = { noteRequired: true, label: 'Kembalikan ke penyusun' } as const;

export const notaPermintaanWorkflow: WorkflowDefinition = {
  uid: 'api::nota-permintaan.nota-permintaan',
  name: 'nota-permintaan',
  field: 'statusAlur',
  initial: 'penyusunan_konsep',
  states: {
    penyusunan_konsep: { label: 'Penyusunan konsep nota', responsible: ['sub-koordinator'] },
    menunggu_paraf: { label: 'Menunggu paraf Koordinator', responsible: ['koordinator'] },
    menunggu_tanda_tangan: { label: 'Menunggu tanda tangan Kepala Dinas', responsible: ['kepala-dinas'] },
    menunggu_distribusi: { label: 'Menunggu distribusi ke Sekretariat/Bidang', responsible: ['sub-koordinator'] },
    menunggu_dip: { label: 'Menunggu DIP dari Sekretariat/Bidang', responsible: ['sub-koordinator', 'kepala-bidang'] },
    menunggu_unggah: { label: 'Menunggu unggah ke website', responsible: ['operator'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['sub-koordinator'] },
    selesai: { label: 'Selesai (PDF online)', final: true },
  },
  transitions: [
    { from: 'penyusunan_konsep', to: 'menunggu_paraf', roles: ['sub-koordinator'], label: 'Ajukan untuk paraf' },
    { from: 'menunggu_paraf', to: 'menunggu_tanda_tangan', roles: ['koordinator'], label: 'Paraf konsep', separateFromAuthor: true },
    { from: 'menunggu_paraf', to: 'dikembalikan', roles: ['koordinator'], ...RETURN_NOTE },
    { from: 'menunggu_tanda_tangan', to: 'menunggu_distribusi', roles: ['kepala-dinas'], label: 'Tandatangani nota', separateFromAuthor: true },
    { from: 'menunggu_tanda_tangan', to: 'dikembalikan', roles: ['kepala-dinas'], ...RETURN_NOTE },
    { from: 'menunggu_distribusi', to: 'menunggu_dip', roles: ['sub-koordinator'], label: 'Distribusikan ke Sekretariat/Bidang' },
    {
      from: 'menunggu_dip',
      to: 'menunggu_unggah',
      roles: ['sub-koordinator'],
      label: 'Terima DIP dari unit',
      guards: [{ kind: 'hasRelated', field: 'dokumenDip', message: 'Tautkan dulu dokumen DIP (PDF) yang diterima dari unit ke nota ini.' }],
    },
    {
      from: 'menunggu_unggah',
      to: 'selesai',
      roles: ['operator'],
      label: 'Tandai sudah online',
      guards: [{ kind: 'hasRelated', field: 'dokumenDip', published: true, message: 'Belum ada dokumen DIP terkait yang terbit di website.' }],
    },
    { from: 'dikembalikan', to: 'menunggu_paraf', roles: ['sub-koordinator'], label: 'Ajukan ulang untuk paraf' },
  ],
};
