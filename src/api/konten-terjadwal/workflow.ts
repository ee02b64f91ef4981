import type { TransitionGuard, WorkflowDefinition } from '../../workflow/types';
import { LIST_SIGNED_STATES } from '../daftar-konten/workflow';

/**
 * SPEC §3.2: the quarterly content list (Sub Koordinator) approved by the Koordinator; an approved
 * item goes online by itself at its time (the sweeper takes "Tayangkan" as the system).
 */
const PLANNERS = ['sub-koordinator', 'operator'];

/**
 * SOP seed 001 A1: every scheduled item belongs to its quarter's list (daftar-konten, same
 * `periode`, checked when it joins: src/content/quarterly-list.ts). Reading of the SOP: the
 * Koordinator's signature on the list is what approves the plan, so an item is submitted only from
 * a list and approved only once its list is signed; the item's own approval still checks the item.
 */
const IN_LIST: TransitionGuard = {
  kind: 'hasRelated',
  field: 'daftarKonten',
  message: 'Masukkan konten ini ke Daftar Konten Triwulan periodenya dulu (kolom Daftar konten).',
};
const LIST_SIGNED: TransitionGuard = {
  kind: 'relatedAttributeIn',
  field: 'daftarKonten',
  attribute: 'statusAlur',
  values: LIST_SIGNED_STATES,
  message: 'Daftar Konten Triwulan konten ini belum ditandatangani Koordinator; tandatangani daftarnya dulu.',
};

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
    { from: 'draf', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan persetujuan', guards: [IN_LIST] },
    {
      from: 'menunggu_persetujuan',
      to: 'disetujui',
      roles: ['koordinator'],
      label: 'Setujui',
      separateFromAuthor: true,
      // Issue #9: only from a signed quarterly list; issue #11: only together with what it puts online.
      guards: [
        IN_LIST,
        LIST_SIGNED,
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
    { from: 'dikembalikan', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan ulang', guards: [IN_LIST] },
    { from: 'disetujui', to: 'tayang', roles: ['operator'], label: 'Tayangkan sekarang' },
    // Taken by the schedule when the target is no longer approved at its time (the Koordinator may too).
    { from: 'disetujui', to: 'gagal', roles: ['koordinator'], label: 'Tandai gagal tayang', noteRequired: true },
    { from: 'gagal', to: 'menunggu_persetujuan', roles: PLANNERS, label: 'Ajukan ulang' },
    { from: ['draf', 'dikembalikan', 'disetujui', 'gagal'], to: 'dibatalkan', roles: ['sub-koordinator', 'koordinator'], label: 'Batalkan', noteRequired: true },
  ],
};
