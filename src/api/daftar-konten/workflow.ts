import type { WorkflowDefinition } from '../../workflow/types';

/**
 * SOP seed 001 A1: "Sub Koordinator menetapkan konten yang akan di publikasikan minimal 1 x 3
 * bulan dan diserahkan kepada kepala dinas dalam bentuk tabel konten yang ditandatangani oleh
 * koordinator". One list per quarter: set by the Sub Koordinator, signed by the Koordinator (not
 * its author), handed to and received by the Kepala Dinas. Receipt meets the quarterly obligation.
 * A received list is changed only by reopening it, which sends it through signing and receipt again.
 */
export const daftarKontenWorkflow: WorkflowDefinition = {
  uid: 'api::daftar-konten.daftar-konten',
  name: 'daftar-konten',
  field: 'statusAlur',
  initial: 'draf',
  states: {
    draf: { label: 'Draf daftar konten', responsible: ['sub-koordinator'] },
    menunggu_tanda_tangan: { label: 'Menunggu tanda tangan Koordinator', responsible: ['koordinator'] },
    dikembalikan: { label: 'Dikembalikan untuk perbaikan', responsible: ['sub-koordinator'] },
    menunggu_penerimaan: { label: 'Ditandatangani, menunggu diterima Kepala Dinas', responsible: ['kepala-dinas'] },
    diterima: { label: 'Diterima Kepala Dinas' },
  },
  transitions: [
    {
      from: 'draf',
      to: 'menunggu_tanda_tangan',
      roles: ['sub-koordinator'],
      label: 'Ajukan untuk ditandatangani',
      guards: [{ kind: 'hasRelated', field: 'konten', message: 'Daftar konten belum berisi konten terjadwal; tambahkan kontennya dulu.' }],
    },
    { from: 'menunggu_tanda_tangan', to: 'menunggu_penerimaan', roles: ['koordinator'], label: 'Tandatangani dan serahkan ke Kepala Dinas', separateFromAuthor: true },
    { from: 'menunggu_tanda_tangan', to: 'dikembalikan', roles: ['koordinator'], label: 'Kembalikan', noteRequired: true },
    { from: 'menunggu_penerimaan', to: 'diterima', roles: ['kepala-dinas'], label: 'Terima daftar konten', separateFromAuthor: 'always' },
    { from: 'menunggu_penerimaan', to: 'dikembalikan', roles: ['kepala-dinas'], label: 'Kembalikan', noteRequired: true },
    {
      from: 'dikembalikan',
      to: 'menunggu_tanda_tangan',
      roles: ['sub-koordinator'],
      label: 'Ajukan ulang untuk ditandatangani',
      guards: [{ kind: 'hasRelated', field: 'konten', message: 'Daftar konten belum berisi konten terjadwal; tambahkan kontennya dulu.' }],
    },
    { from: 'diterima', to: 'dikembalikan', roles: ['sub-koordinator'], label: 'Buka untuk perubahan', noteRequired: true },
  ],
};

/** States in which items may join or leave a list: before the Koordinator signs it. */
export const LIST_OPEN_STATES = ['draf', 'dikembalikan'];
/** States of a list the Koordinator has signed: its items may be approved. */
export const LIST_SIGNED_STATES = ['menunggu_penerimaan', 'diterima'];
