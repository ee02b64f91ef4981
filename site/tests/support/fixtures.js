// Fixture data in the shape of the Strapi 5 public REST API: three units and 23 published DIP
// entries in Indonesian, 22 of them also in English (the last one has no English version).

export const UNITS = [
  {
    id: 1, documentId: 'unitsekretariat0000000001', nama: 'Sekretariat', kode: 'sekretariat',
    kepala: 'Dra. Rina Marlina, M.Si.', email: 'sekretariat@ppid.example.go.id', telepon: '(0274) 391 000',
    deskripsi: 'Mengelola administrasi umum, keuangan, dan kepegawaian dinas.',
  },
  {
    id: 2, documentId: 'unitpelayanan00000000002', nama: 'Bidang Pelayanan Perizinan', kode: 'bidang-pelayanan-perizinan',
    kepala: 'Ir. Budi Santoso', email: 'perizinan@ppid.example.go.id', telepon: '(0274) 391 001',
    deskripsi: 'Menyelenggarakan pelayanan perizinan dan nonperizinan terpadu satu pintu.',
  },
  {
    id: 3, documentId: 'unitpenanaman00000000003', nama: 'Bidang Penanaman Modal', kode: 'bidang-penanaman-modal',
    kepala: 'Siti Aminah, S.E., M.M.', email: null, telepon: null, deskripsi: null,
  },
];

const TOPICS = [
  ['berkala', 'Laporan Keuangan', 'Financial Report', 'Laporan realisasi anggaran, neraca, dan catatan atas laporan keuangan', 'Budget realisation report, balance sheet and notes to the financial statements'],
  ['berkala', 'Laporan Kinerja Instansi Pemerintah', 'Government Agency Performance Report', 'Capaian kinerja dinas terhadap sasaran rencana strategis', 'Performance achieved against the targets of the strategic plan'],
  ['setiap_saat', 'Daftar Informasi Publik', 'List of Public Information', 'Daftar seluruh informasi publik yang dikuasai dinas', 'List of all public information held by the office'],
  ['berkala', 'Rencana Kerja Tahunan', 'Annual Work Plan', 'Program dan kegiatan yang direncanakan beserta anggarannya', 'Planned programmes and activities with their budgets'],
  ['serta_merta', 'Peringatan Dini Cuaca Ekstrem', 'Early Warning of Extreme Weather', 'Informasi peringatan dini dan jalur evakuasi bagi masyarakat', 'Early warning information and evacuation routes for the public'],
  ['setiap_saat', 'Standar Operasional Prosedur Pelayanan Perizinan', 'Standard Operating Procedures for Licensing Services', 'Prosedur, persyaratan, dan waktu pelayanan setiap jenis izin', 'Procedures, requirements and service times for each kind of licence'],
  ['berkala', 'Data Realisasi Investasi', 'Investment Realisation Data', 'Realisasi penanaman modal dalam negeri dan asing per triwulan', 'Domestic and foreign investment realised per quarter'],
  ['setiap_saat', 'Perjanjian Kerja Sama dengan Pihak Ketiga', 'Cooperation Agreements with Third Parties', 'Naskah perjanjian kerja sama yang berlaku', 'Texts of the cooperation agreements in force'],
];

const UPLOAD_SIZES = [245.67, 1830.2, 88.1, 512, 3.4, 12500.5];

/** documentId of the n-th fixture entry (1-based): 'dipdoc001' padded to 24 characters. */
export function documentIdOf(n) {
  return `dipdoc${String(n).padStart(3, '0')}`.padEnd(24, 'a');
}

function makeDocuments() {
  const docs = [];
  for (let i = 0; i < 23; i += 1) {
    const [kategori, judulId, judulEn, ringkasanId, ringkasanEn] = TOPICS[i % TOPICS.length];
    const tahun = 2026 - (i % 3);
    const unit = UNITS[i % UNITS.length];
    const n = String(i + 1).padStart(3, '0');
    const documentId = documentIdOf(i + 1);
    const hasFile = i % 7 !== 6;
    const berkas = hasFile
      ? { id: 100 + i, documentId: `file${n}bbbbbbbbbbbbbbbbbbb`.slice(0, 24), url: `/uploads/dip_${n}.pdf`, size: UPLOAD_SIZES[i % UPLOAD_SIZES.length], name: `${judulId.toLowerCase().replace(/\s+/g, '-')}-${tahun}.pdf` }
      : null;
    const common = {
      documentId,
      nomor: `DIP/${tahun}/${n}`,
      kategori,
      pejabatPenguasa: `Kepala ${unit.nama}`,
      penanggungJawab: 'Sub Koordinator Pengelolaan Informasi',
      waktuPembuatan: `${tahun}-0${(i % 9) + 1}-1${i % 10}`,
      tempatPembuatan: 'Wonosari',
      bentukInformasi: ['softcopy', 'hardcopy', 'softcopy_dan_hardcopy'][i % 3],
      jangkaWaktuPenyimpanan: `${5 + (i % 3) * 5} tahun`,
      tahun,
      publishedAt: `${tahun}-10-01T02:00:00.000Z`,
      unitId: unit.documentId,
      berkas,
    };
    docs.push({ ...common, id: 1000 + i, locale: 'id', judul: `${judulId} ${tahun}`, ringkasan: `${ringkasanId} tahun ${tahun}.` });
    if (i !== 22) {
      docs.push({ ...common, id: 2000 + i, locale: 'en', judul: `${judulEn} ${tahun}`, ringkasan: `${ringkasanEn} for ${tahun}.` });
    }
  }
  return docs;
}

export const DOCUMENTS = makeDocuments();
