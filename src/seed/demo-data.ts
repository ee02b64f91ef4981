/** Demo content for a fresh development database: realistic, small, and bilingual where the public sees it. */

export const DEMO_UNITS = [
  { kode: 'sekretariat', nama: 'Sekretariat', kepala: 'Sekretaris Dinas', email: 'sekretariat@ppid.test' },
  { kode: 'bidang-informasi-publik', nama: 'Bidang Informasi dan Komunikasi Publik', kepala: 'Kepala Bidang IKP', email: 'ikp@ppid.test' },
  { kode: 'bidang-aplikasi-informatika', nama: 'Bidang Aplikasi Informatika', kepala: 'Kepala Bidang Aptika', email: 'aptika@ppid.test' },
  { kode: 'bidang-statistik', nama: 'Bidang Statistik dan Persandian', kepala: 'Kepala Bidang Statistik', email: 'statistik@ppid.test' },
  { kode: 'bidang-pelayanan-perizinan', nama: 'Bidang Pelayanan Perizinan', kepala: 'Kepala Bidang Perizinan', email: 'perizinan@ppid.test' },
];

export type Kategori = 'berkala' | 'serta_merta' | 'setiap_saat' | 'dikecualikan';

export interface DemoDip {
  nomor: string;
  kategori: Kategori;
  unit: string;
  id: { judul: string; ringkasan: string };
  en: { judul: string; ringkasan: string };
  tahun: number;
  published: boolean;
  exemption?: { dasarHukum: string; ujiKonsekuensi: string; jangkaWaktu: string };
}

const TOPICS: Record<Kategori, [string, string][]> = {
  berkala: [
    ['Laporan Keuangan', 'Financial Report'],
    ['Rencana Strategis', 'Strategic Plan'],
    ['Laporan Kinerja Instansi Pemerintah', 'Government Agency Performance Report'],
    ['Daftar Aset dan Inventaris', 'List of Assets and Inventory'],
    ['Rencana Kerja Tahunan', 'Annual Work Plan'],
    ['Laporan Layanan Informasi Publik', 'Public Information Service Report'],
    ['Profil Pejabat Struktural', 'Profile of Structural Officials'],
    ['Ringkasan Anggaran (DPA)', 'Budget Summary (DPA)'],
    ['Laporan Realisasi Anggaran', 'Budget Realisation Report'],
    ['Daftar Pengadaan Barang dan Jasa', 'Procurement List'],
  ],
  serta_merta: [
    ['Informasi Peringatan Dini Bencana', 'Early Disaster Warning'],
    ['Gangguan Layanan Perizinan Daring', 'Online Licensing Service Disruption'],
    ['Informasi Keadaan Darurat Kesehatan', 'Health Emergency Information'],
    ['Jalur Evakuasi Kantor', 'Office Evacuation Routes'],
    ['Pemberitahuan Pemadaman Server', 'Server Outage Notice'],
    ['Informasi Kejadian Luar Biasa', 'Extraordinary Event Information'],
  ],
  setiap_saat: [
    ['Daftar Informasi Publik', 'Public Information List'],
    ['Standar Pelayanan', 'Service Standards'],
    ['Peraturan dan Keputusan Kepala Dinas', 'Regulations and Decrees of the Head of Agency'],
    ['Prosedur Permohonan Informasi', 'Information Request Procedure'],
    ['Maklumat Pelayanan', 'Service Charter'],
    ['Data Statistik Sektoral', 'Sectoral Statistics'],
    ['Notulen Rapat Terbuka', 'Minutes of Open Meetings'],
    ['Surat Perjanjian Kerja Sama', 'Cooperation Agreements'],
    ['Daftar Penerima Hibah', 'List of Grant Recipients'],
    ['Kebijakan Privasi Website', 'Website Privacy Policy'],
  ],
  dikecualikan: [
    ['Data Pribadi Pemohon Izin', 'Personal Data of Permit Applicants'],
    ['Konfigurasi Keamanan Server', 'Server Security Configuration'],
    ['Dokumen Penyelidikan Internal', 'Internal Investigation Documents'],
    ['Hasil Tes Psikologi Pegawai', 'Employee Psychological Test Results'],
    ['Rencana Pengamanan Persandian', 'Cryptographic Security Plan'],
    ['Rahasia Dagang Pihak Ketiga', 'Third-Party Trade Secrets'],
  ],
};

const EXEMPTION_BASIS: Record<string, string> = {
  'Data Pribadi Pemohon Izin': 'Pasal 17 huruf h UU 14/2008 (rahasia pribadi)',
  'Konfigurasi Keamanan Server': 'Pasal 17 huruf c UU 14/2008 (pertahanan dan keamanan negara)',
  'Dokumen Penyelidikan Internal': 'Pasal 17 huruf a UU 14/2008 (menghambat proses penegakan hukum)',
  'Hasil Tes Psikologi Pegawai': 'Pasal 17 huruf h angka 2 UU 14/2008 (kondisi kesehatan/psikis seseorang)',
  'Rencana Pengamanan Persandian': 'Pasal 17 huruf c UU 14/2008 (sistem persandian negara)',
  'Rahasia Dagang Pihak Ketiga': 'Pasal 17 huruf b UU 14/2008 (hak atas kekayaan intelektual dan persaingan usaha)',
};

const CODE: Record<Kategori, string> = { berkala: 'B', serta_merta: 'SM', setiap_saat: 'SS', dikecualikan: 'DK' };

export function demoDipEntries(year: number): DemoDip[] {
  const entries: DemoDip[] = [];
  const units = DEMO_UNITS.map((u) => u.kode);
  let n = 0;
  for (const kategori of Object.keys(TOPICS) as Kategori[]) {
    TOPICS[kategori].forEach(([id, en], i) => {
      n += 1;
      const tahun = kategori === 'berkala' ? year - (i % 2) : year;
      entries.push({
        nomor: `DIP/${CODE[kategori]}/${String(i + 1).padStart(3, '0')}/${year}`,
        kategori,
        unit: units[n % units.length],
        id: {
          judul: kategori === 'berkala' ? `${id} Tahun ${tahun}` : id,
          ringkasan: `${id} yang dikuasai dinas, disusun sesuai Daftar Informasi Publik dan diperbarui sesuai ketentuan UU 14/2008.`,
        },
        en: {
          judul: kategori === 'berkala' ? `${en} ${tahun}` : en,
          ringkasan: `${en} held by the agency, prepared according to the Public Information List and updated as required by Law 14/2008.`,
        },
        tahun,
        // Every fifth entry stays a draft, so the demo shows the approval path and tests can
        // check that drafts never reach the public.
        published: n % 5 !== 0,
        exemption:
          kategori === 'dikecualikan'
            ? {
                dasarHukum: EXEMPTION_BASIS[id],
                ujiKonsekuensi: `Pembukaan ${id.toLowerCase()} dapat menimbulkan kerugian yang lebih besar daripada manfaatnya bagi kepentingan publik.`,
                jangkaWaktu: '5 tahun',
              }
            : undefined,
      });
    });
  }
  return entries;
}

export const DEMO_MEMOS = [
  {
    nomor: '000.1/101/PPID/2026',
    perihal: 'Permintaan Daftar Informasi Publik Triwulan IV',
    isi: 'Sehubungan dengan pemutakhiran DIP, mohon Sekretariat dan Bidang menyampaikan informasi publik dalam bentuk PDF paling lambat 7 hari kerja.',
    statusAlur: 'penyusunan_konsep',
  },
  {
    nomor: '000.1/087/PPID/2026',
    perihal: 'Permintaan Data Layanan Perizinan untuk DIP',
    isi: 'Mohon Bidang Pelayanan Perizinan menyampaikan data layanan perizinan semester I untuk dimuat di website PPID.',
    statusAlur: 'menunggu_dip',
  },
];

export const DEMO_MINUTES = [
  {
    judul: 'Rapat Pengembangan Website PPID — Perbaikan Formulir Permohonan',
    tempat: 'Ruang Rapat Sekretariat',
    peserta: 'Koordinator, Sub Koordinator, Operator, Web Developer',
    pembahasan: 'Formulir permohonan informasi belum menampilkan nomor registrasi dan tampilan ponsel terpotong.',
    keputusan: 'Web Developer memperbaiki formulir dan tampilan ponsel; hasil dipresentasikan kepada Sub Koordinator.',
  },
];
