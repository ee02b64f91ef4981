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
    // The Kabids concerned are those of the memo's target units (src/units resolves them per memo).
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
    {
      from: 'menunggu_distribusi',
      to: 'menunggu_dip',
      roles: ['sub-koordinator'],
      label: 'Distribusikan ke Sekretariat/Bidang',
      // Step 4: "Nota Dinas diserahkan ke Sekretaris/Kabid" — to named units.
      guards: [{ kind: 'hasRelated', field: 'tujuan', message: 'Pilih dulu minimal satu unit tujuan (Sekretariat/Bidang) pada kolom Tujuan sebelum nota didistribusikan.' }],
    },
    {
      from: 'menunggu_dip',
      to: 'menunggu_unggah',
      roles: ['sub-koordinator'],
      label: 'Terima DIP dari unit',
      // Step 5's output is "PDF Informasi Publik": every entry the public may see carries its PDF.
      guards: [
        { kind: 'hasRelated', field: 'dokumenDip', message: 'Tautkan dulu dokumen DIP (PDF) yang diterima dari unit ke nota ini.' },
        {
          kind: 'eachRelated',
          field: 'dokumenDip',
          skip: { attribute: 'kategori', values: ['dikecualikan'] },
          require: { media: 'berkas', mime: 'application/pdf' },
          nameAttributes: ['judul', 'nomor'],
          message: 'Entri DIP berikut belum memiliki berkas PDF Informasi Publik; unggah PDF-nya pada kolom Berkas:',
        },
      ],
    },
    {
      from: 'menunggu_unggah',
      to: 'selesai',
      roles: ['operator'],
      label: 'Tandai sudah online',
      // Step 6: "PDF Informasi Publik update di website" — every public entry online, in Indonesian.
      guards: [
        { kind: 'hasRelated', field: 'dokumenDip', message: 'Belum ada dokumen DIP yang tertaut ke nota ini.' },
        {
          kind: 'eachRelated',
          field: 'dokumenDip',
          skip: { attribute: 'kategori', values: ['dikecualikan'] },
          require: { publishedLocale: 'id' },
          nameAttributes: ['judul', 'nomor'],
          message: 'Entri DIP berikut belum terbit di website dalam bahasa Indonesia:',
        },
      ],
    },
    { from: 'dikembalikan', to: 'menunggu_paraf', roles: ['sub-koordinator'], label: 'Ajukan ulang untuk paraf' },
  ],
};
