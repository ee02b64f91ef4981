#!/usr/bin/env node
'use strict';
/**
 * Renders sample exports (evaluation report, quarterly content list, DIP annex) from made-up data
 * with the compiled builders (run `npm test -- tests/unit` or `tsc` first so dist/ exists), and
 * page 1 of each to PNG with poppler's pdftoppm, into docs/. Used to look at the layout:
 *   node scripts/report-samples.js [outDir] [--keep-pdf]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const out = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) || path.join(root, 'docs'));
const b = require(path.join(root, 'dist/src/reports/documents/builders'));

/** A small round emblem as PNG (stands in for the office logo of PPID_OFFICE_LOGO). */
function emblem(size = 160) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const x of buf) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r0 = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - r0 + 0.5, y - r0 + 0.5);
      const star = Math.abs(x - r0) + Math.abs(y - r0) < size * 0.2 || (Math.abs(x - r0) < size * 0.05 && Math.abs(y - r0) < size * 0.3);
      let px = [0, 0, 0, 0];
      if (d < r0 - 1) px = [20, 90, 50, 255];
      if (d < r0 - 10) px = [250, 250, 245, 255];
      if (d < r0 - 16) px = [20, 90, 50, 255];
      if (d < r0 - 16 && star) px = [230, 180, 30, 255];
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const office = {
  government: 'PEMERINTAH PROVINSI SUMATERA BARAT',
  name: 'DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK',
  address: 'Jl. Jend. Sudirman No. 51 Padang 25121 · Telp. (0751) 31913 · ppid.sumbarprov.go.id',
  city: 'Padang',
  logo: '',
};
const now = new Date('2026-07-03T03:00:00Z');

const figures = {
  versi: 1,
  periode: { mulai: '2026-01-01', selesai: '2026-06-30' },
  acuan: '2026-06-30T17:00:00.000Z',
  sla: [
    { alur: 'Dokumen DIP', keadaan: 'Menunggu persetujuan Koordinator', workflow: 'dip', state: 'a', jumlah: 84, terpenuhi: 77, terlambat: 7, medianMenitKerja: 245, terlamaMenitKerja: 2890 },
    { alur: 'Dokumen DIP', keadaan: 'Dikembalikan untuk perbaikan', workflow: 'dip', state: 'b', jumlah: 12, terpenuhi: 11, terlambat: 1, medianMenitKerja: 610, terlamaMenitKerja: 1500 },
    { alur: 'Nota Permintaan DIP', keadaan: 'Menunggu paraf Koordinator', workflow: 'nota', state: 'c', jumlah: 9, terpenuhi: 8, terlambat: 1, medianMenitKerja: 6, terlamaMenitKerja: 42 },
    { alur: 'Nota Permintaan DIP', keadaan: 'Menunggu DIP dari unit', workflow: 'nota', state: 'd', jumlah: 9, terpenuhi: 6, terlambat: 3, medianMenitKerja: 2400, terlamaMenitKerja: 5300 },
    { alur: 'Notulen Rapat', keadaan: 'Menunggu tinjauan Koordinator', workflow: 'notulen', state: 'e', jumlah: 6, terpenuhi: 6, terlambat: 0, medianMenitKerja: 190, terlamaMenitKerja: 600 },
  ],
  terlambatSekarang: { jumlah: 3, rincian: [{ alur: 'Dokumen DIP', keadaan: 'Menunggu persetujuan Koordinator', jumlah: 2 }, { alur: 'Kewajiban berkala', keadaan: 'Pemutakhiran informasi berkala', jumlah: 1 }] },
  dip: {
    perKategori: [
      { kategori: 'berkala', terbit: 31, diperbarui: 18 },
      { kategori: 'serta_merta', terbit: 4, diperbarui: 1 },
      { kategori: 'setiap_saat', terbit: 22, diperbarui: 9 },
      { kategori: 'dikecualikan', terbit: 0, diperbarui: 0 },
    ],
    terbit: 57,
    diperbarui: 28,
  },
  berkalaUsang: { jumlah: 2, batasBulan: 6, entri: [{ nomor: 'DIP/B/014', judul: 'Laporan Realisasi Anggaran Triwulan III 2025', terakhirTerbit: '2025-10-20T02:00:00Z' }, { nomor: 'DIP/B/021', judul: 'Daftar Aset dan Inventaris', terakhirTerbit: '2025-11-02T02:00:00Z' }] },
  terjadwal: { tepatWaktu: 19, terlambat: 1, gagal: 1, belumTayang: 0, gagalRincian: [{ judul: 'Rencana Kerja 2027', alasan: 'Dokumen DIP terkait diubah sesudah disetujui Koordinator.' }] },
  tindakLanjut: { selesai: 7, terbuka: 3, lewatTenggat: 1 },
  dikembalikanKoordinator: {
    jumlah: 2,
    entri: [
      { nomor: 'DIP/S/030', judul: 'Prosedur Pengaduan Masyarakat', waktu: '2026-02-11T03:20:00Z', alasan: 'Bukan informasi setiap saat: memuat data pribadi pelapor.', oleh: 'koordinator@ppid.test' },
      { nomor: 'DIP/B/044', judul: 'LHKPN Pejabat Eselon III', waktu: '2026-05-06T07:05:00Z', alasan: 'Lampiran PDF tidak terbaca; unggah ulang hasil pindai.', oleh: 'koordinator@ppid.test' },
    ],
  },
  permohonan: { jumlahPermohonan: 46, selesai: 43, dalamProses: 3, diperpanjang: 4, keputusan: { dikabulkan: 35 }, medianHariKerja: 4, tepatWaktu: 41, keberatan: 2, jumlahLayanan: 48 },
};

const units = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Statistik'];
const dip = Array.from({ length: 14 }, (_, i) => ({
  nomor: `DIP/${['B', 'S', 'M'][i % 3]}/${String(i + 1).padStart(3, '0')}`,
  judul: ['Rencana Strategis 2025–2029', 'Laporan Keuangan Tahunan', 'Standar Pelayanan Informasi Publik', 'Daftar Program dan Kegiatan', 'Peringatan Dini Bencana', 'Profil Pejabat Struktural', 'LAKIP 2025'][i % 7],
  ringkasan: 'Ringkasan isi informasi publik sebagaimana tercantum pada dokumen sumber.',
  kategori: ['berkala', 'setiap_saat', 'serta_merta'][i % 3],
  unit: units[i % 4],
  pejabatPenguasa: 'Kepala ' + units[i % 4],
  penanggungJawab: 'Sub Koordinator ' + ['Program', 'Keuangan', 'Umum'][i % 3],
  waktuPembuatan: `2026-0${(i % 6) + 1}-15`,
  tempatPembuatan: 'Padang',
  bentukInformasi: ['softcopy', 'softcopy_dan_hardcopy', 'hardcopy'][i % 3],
  jangkaWaktuPenyimpanan: ['5 tahun', 'Selama berlaku', '10 tahun'][i % 3],
}));

const list = {
  periode: '2026-Q3',
  status: 'Disetujui Koordinator, menunggu diterima Kepala Dinas',
  catatan: 'Konten DIP menunggu pemutakhiran dari unit sesuai nota permintaan.',
  items: [
    ['Laporan Realisasi Anggaran Semester I', 'dokumen_dip', 'DIP/B/014 – Laporan Realisasi Anggaran', '2026-07-06T02:00:00Z', 'tayang'],
    ['Pengumuman Jam Layanan Selama Libur Nasional', 'pengumuman', null, '2026-08-14T01:00:00Z', 'disetujui'],
    ['Infografis Statistik Sektoral Triwulan II', 'berita', null, '2026-08-20T03:00:00Z', 'disetujui'],
    ['Rencana Kerja Tahunan 2027', 'dokumen_dip', 'DIP/B/030 – Rencana Kerja 2027', '2026-09-01T02:00:00Z', 'menunggu_persetujuan'],
    ['Halaman Profil PPID Pembantu', 'halaman', null, '2026-09-15T02:00:00Z', 'draf'],
  ].map(([judul, jenis, dokumen, jadwalTayang, statusAlur]) => ({ judul, jenis, dokumen, jadwalTayang, statusAlur })),
};

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const logo = emblem();
  const files = {
    'laporan-evaluasi': await b.evaluationPdf(
      {
        judul: 'Evaluasi Pengelolaan Website PPID Semester I Tahun 2026',
        jenis: 'evaluasi_pengelolaan',
        periodeMulai: '2026-01-01',
        periodeSelesai: '2026-06-30',
        statusAlur: 'menunggu_penerimaan',
        angka: figures,
        angkaDihitungPada: '2026-07-01T01:20:00Z',
        temuan: 'Tujuh persetujuan DIP melewati 2 hari kerja, terutama pada bulan Maret (cuti bersama).',
        rekomendasi: 'Menunjuk pengganti Koordinator untuk persetujuan selama cuti; mengingatkan unit atas informasi berkala yang belum dimutakhirkan.',
      },
      office,
      logo,
      now,
    ),
    'daftar-konten': await b.contentListPdf(list, office, logo, now),
    'daftar-informasi-publik': await b.dipPdf(2026, dip, office, logo, now),
  };
  for (const [name, bytes] of Object.entries(files)) {
    const pdf = path.join(out, `contoh-${name}.pdf`);
    fs.writeFileSync(pdf, bytes);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(out, `contoh-${name}`)]);
    if (!process.argv.includes('--keep-pdf')) fs.rmSync(pdf);
    console.log(path.join(out, `contoh-${name}.png`));
  }
})();
