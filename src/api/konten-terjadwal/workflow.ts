import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SPEC §3.2: the quarterly content list (Sub Koordinator) approved by the Koordinator; an approved
 * item goes online by itself at its time (the sweeper takes "Tayangkan" as the system).
 */
const PLANNERS = ['sub-koordinator', 'operator'];

export const kontenTerjadwalWorkflow: WorkflowDefinition = {
  uid: 'api::konten-terjadwal.konten-terjadwal',
  name: 'konten-terjadwal',
  field: 'statusAlur',
  initial: 'draf',
  states: {
    draf: { label: 'Draf' },
    menunggu_persetujuan: { label: 'Menunggu persetujuan Koordinator', responsible: ['koordinator'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['sub-koordinator'] },
    disetujui: { label: 'Disetujui, menunggu jadwal tayang' },
    tayang: { label: 'Sudah tayang', final: true },
    gagal: { label: 'Gagal tayang pada jadwalnya', responsible: ['sub-koordinator', 'operator'] },
    dibatalkan: { label: 'Dibatalkan', final: true },
  },
  transitions: [
    { from: 'draf', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan persetujuan' },
    {
      from: 'menunggu_persetujuan',
      to: 'disetujui',
      roles: ['koordinator'],
      label: 'Setujui',
      separateFromAuthor: true,
      // Issue #11: an item is approved only together with what it puts online.
      guards: [
        {
          kind: 'anyFilledWhen',
          when: { field: 'jenis', values: ['dokumen_dip'] },
          anyOf: ['dokumen'],
          message: 'Konten jenis dokumen DIP harus menautkan dokumen DIP yang akan ditayangkan sebelum disetujui.',
        },
        {
          kind: 'anyFilledWhen',
          when: { field: 'jenis', values: ['berita', 'pengumuman', 'halaman'] },
          anyOf: ['dokumen', 'isi'],
          message: 'Berita, pengumuman atau halaman tanpa dokumen tujuan harus memuat isinya (kolom Isi) sebelum disetujui.',
        },
      ],
    },
    { from: ['menunggu_persetujuan', 'disetujui'], to: 'dikembalikan', roles: ['koordinator'], label: 'Kembalikan', noteRequired: true },
    { from: 'dikembalikan', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan ulang' },
    { from: 'disetujui', to: 'tayang', roles: ['operator'], label: 'Tayangkan sekarang' },
    // Taken by the schedule when the target is no longer approved at its time (the Koordinator may too).
    { from: 'disetujui', to: 'gagal', roles: ['koordinator'], label: 'Tandai gagal tayang', noteRequired: true },
    { from: 'gagal', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan ulang' },
    { from: ['draf', 'dikembalikan', 'disetujui', 'gagal'], to: 'dibatalkan', roles: ['sub-koordinator', 'koordinator'], label: 'Batalkan', noteRequired: true },
  ],
};
