import type { Core } from '@strapi/strapi';
import { WORKFLOW_STATE_FIELD } from '../roles/definitions';

/**
 * Indonesian labels for the Content Manager's forms and lists (attribute names stay short
 * camelCase identifiers for the API). Applied at bootstrap only where a label is still Strapi's
 * default (the attribute name), so labels an editor changed in the panel are kept.
 */
export const FIELD_LABELS: Record<string, Record<string, string>> = {
  'api::bidang.bidang': {
    nama: 'Nama unit kerja',
    kode: 'Kode',
    kepala: 'Kepala unit',
    email: 'Email',
    telepon: 'Telepon',
    deskripsi: 'Deskripsi',
    kepalaBidang: 'Kepala Bidang (akun admin)',
    staf: 'Staf unit (akun admin)',
  },
  'api::dip-document.dip-document': {
    nomor: 'Nomor DIP',
    judul: 'Judul informasi',
    ringkasan: 'Ringkasan isi informasi',
    kategori: 'Kategori informasi',
    unit: 'Unit penguasa informasi',
    pejabatPenguasa: 'Pejabat penguasa informasi',
    penanggungJawab: 'Penanggung jawab pembuatan/penerbitan',
    waktuPembuatan: 'Waktu pembuatan',
    tempatPembuatan: 'Tempat pembuatan',
    bentukInformasi: 'Bentuk informasi yang tersedia',
    jangkaWaktuPenyimpanan: 'Jangka waktu penyimpanan (retensi)',
    tahun: 'Tahun',
    berkas: 'Berkas PDF',
    dasarHukumPengecualian: 'Dasar hukum pengecualian',
    ringkasanUjiKonsekuensi: 'Ringkasan uji konsekuensi',
    jangkaWaktuPengecualian: 'Jangka waktu pengecualian',
    notaPermintaan: 'Nota permintaan asal',
    permohonanAsal: 'Permohonan informasi asal',
    statusAlur: 'Status alur',
  },
  'api::nota-permintaan.nota-permintaan': {
    nomor: 'Nomor nota dinas',
    perihal: 'Perihal',
    isi: 'Isi nota',
    tanggalNota: 'Tanggal nota',
    tujuan: 'Ditujukan kepada (Sekretariat/Bidang)',
    dokumenDip: 'Dokumen DIP yang diterima',
    suratGubernur: 'Surat Gubernur terkait DIP (PDF, tidak publik)',
    notaTertandatangan: 'Nota dinas bertanda tangan (PDF, tidak publik)',
    statusAlur: 'Status alur',
  },
  'api::konten-terjadwal.konten-terjadwal': {
    judul: 'Judul konten',
    jenis: 'Jenis konten',
    periode: 'Periode (triwulan, mis. 2026-Q4)',
    deskripsi: 'Deskripsi',
    isi: 'Isi (berita/pengumuman/halaman tanpa dokumen DIP)',
    dokumen: 'Dokumen DIP',
    jadwalTayang: 'Jadwal tayang',
    tayangPada: 'Tayang pada',
    daftarKonten: 'Daftar Konten Triwulan',
    statusAlur: 'Status alur',
  },
  'api::daftar-konten.daftar-konten': {
    periode: 'Periode (triwulan, mis. 2026-Q4)',
    catatan: 'Catatan',
    konten: 'Konten terjadwal',
    statusAlur: 'Status alur',
  },
  'api::notulen.notulen': {
    judul: 'Judul rapat',
    tanggalRapat: 'Tanggal rapat',
    tempat: 'Tempat',
    peserta: 'Peserta',
    pembahasan: 'Pembahasan',
    keputusan: 'Keputusan',
    tindakLanjut: 'Butir tindak lanjut',
    statusAlur: 'Status alur',
  },
  'api::laporan-evaluasi.laporan-evaluasi': {
    judul: 'Judul laporan',
    jenis: 'Jenis evaluasi',
    periodeMulai: 'Periode mulai',
    periodeSelesai: 'Periode selesai',
    angka: 'Angka dari jejak audit',
    angkaDihitungPada: 'Angka dihitung pada',
    temuan: 'Temuan',
    rekomendasi: 'Rekomendasi',
    tanggalRapat: 'Tanggal rapat evaluasi',
    pesertaRapat: 'Peserta rapat evaluasi',
    tindakLanjutRapat: 'Tindak lanjut rapat evaluasi',
    statusAlur: 'Status alur',
  },
  'api::profil-ppid.profil-ppid': {
    judul: 'Judul halaman',
    ringkasan: 'Ringkasan profil',
    tugasFungsi: 'Tugas dan fungsi',
    visi: 'Visi',
    misi: 'Misi (satu butir per baris)',
    dasarHukum: 'Dasar hukum (satu butir per baris)',
    jamLayanan: 'Jam layanan',
    alamat: 'Alamat',
    telepon: 'Telepon',
    email: 'Email',
  },
  'api::maklumat-pelayanan.maklumat-pelayanan': {
    judul: 'Judul halaman',
    pernyataan: 'Pernyataan maklumat',
    janjiLayanan: 'Janji layanan (satu butir per baris)',
    standarWaktu: 'Standar waktu layanan (satu butir per baris)',
    biaya: 'Biaya',
    pengaduan: 'Pengaduan',
    penandatangan: 'Nama penandatangan',
    jabatanPenandatangan: 'Jabatan penandatangan',
  },
  'api::status-situs.status-situs': {
    hasil: 'Hasil pembangunan terakhir',
    pesan: 'Pesan (galat atau ringkasan)',
    pemicu: 'Pemicu',
    mulai: 'Mulai',
    selesai: 'Selesai',
    durasiDetik: 'Durasi (detik)',
    jumlahHalaman: 'Jumlah halaman',
    terakhirBerhasil: 'Terakhir berhasil',
  },
  'api::hari-libur.hari-libur': {
    tanggal: 'Tanggal',
    nama: 'Nama hari libur',
    jenis: 'Jenis',
  },
  'api::riwayat-alur.riwayat-alur': {
    seq: 'No. urut',
    kategori: 'Kategori',
    peristiwa: 'Peristiwa',
    jenisKonten: 'Jenis konten',
    dokumenId: 'ID dokumen',
    dari: 'Dari status',
    ke: 'Ke status',
    aktorEmail: 'Pelaku',
    waktu: 'Waktu',
    catatan: 'Catatan',
    dipaksa: 'Dipaksa',
    slaJatuhTempo: 'Batas waktu SLA',
    slaTerpenuhi: 'SLA terpenuhi',
    menitKerja: 'Menit kerja',
    kunci: 'Kunci segel',
  },
  'api::notifikasi.notifikasi': {
    statusKirim: 'Status kirim',
    penerima: 'Penerima',
    subjek: 'Subjek',
    percobaan: 'Jumlah percobaan',
    galatTerakhir: 'Galat terakhir',
    cobaLagiPada: 'Dicoba lagi pada',
    terkirimPada: 'Terkirim pada',
    jenis: 'Jenis notifikasi',
    isi: 'Isi',
    jenisKonten: 'Jenis konten',
    dokumenId: 'ID dokumen',
    timerId: 'Timer SLA',
    kunciIdempotensi: 'Kunci idempotensi',
    sewaSampai: 'Dikunci pengirim sampai',
    tokenSewa: 'Token pengirim',
  },
  'ppid.tindak-lanjut': {
    deskripsi: 'Uraian tindak lanjut',
    penanggungJawab: 'Penanggung jawab (email)',
    tenggat: 'Tenggat',
    status: 'Status',
    tanggalDiterima: 'Tanggal diterima (tanda terima)',
    tanggalSelesai: 'Tanggal selesai',
  },
  'api::permohonan-informasi.permohonan-informasi': {
    nomorRegistrasi: 'Nomor registrasi',
    tahun: 'Tahun',
    urutan: 'Nomor urut',
    jenisPemohon: 'Jenis pemohon',
    nama: 'Nama pemohon',
    nomorIdentitas: 'NIK / nomor badan hukum',
    alamat: 'Alamat',
    telepon: 'Nomor telepon',
    email: 'Email',
    pekerjaan: 'Pekerjaan',
    lampiranKtp: 'Lampiran KTP (tidak publik)',
    rincianInformasi: 'Rincian informasi yang dibutuhkan',
    tujuanPenggunaan: 'Tujuan penggunaan informasi',
    caraMemperoleh: 'Cara memperoleh informasi',
    caraMenerima: 'Cara mendapatkan salinan',
    saluran: 'Saluran permohonan',
    diterimaPada: 'Diterima pada',
    batasWaktu: 'Batas waktu jawaban',
    diperpanjang: 'Diperpanjang',
    alasanPerpanjangan: 'Alasan perpanjangan',
    dijawabPada: 'Dijawab pada',
    informasiDikuasai: 'Dikuasai / belum didokumentasikan',
    catatanJawaban: 'Catatan jawaban (bagian yang dihitamkan, dll.)',
    dasarPengecualian: 'Dasar pengecualian (entri DIP dikecualikan)',
    diteruskanKepada: 'Diteruskan kepada',
    dipTerbit: 'DIP terbit dari permohonan ini',
    tanggalPemberitahuan: 'Tanggal pemberitahuan tertulis',
    tanggalPenyerahan: 'Tanggal penyerahan informasi',
    biaya: 'Biaya (Rp)',
    dianonimkanPada: 'Data pribadi dihapus pada',
    statusAlur: 'Status alur',
  },
  'api::keberatan.keberatan': {
    nomorRegistrasi: 'Nomor keberatan',
    tahun: 'Tahun',
    urutan: 'Nomor urut',
    permohonan: 'Permohonan informasi',
    alasan: 'Alasan keberatan (Pasal 35 ayat 1)',
    tanggalAlasan: 'Tanggal alasan keberatan',
    diajukanPada: 'Diajukan pada',
    batasTanggapan: 'Batas tanggapan atasan PPID',
    ringkasanKasus: 'Ringkasan kasus',
    tanggapanAtasan: 'Tanggapan atasan PPID',
    ditanggapiPada: 'Ditanggapi pada',
    keKomisiInformasi: 'Diajukan ke Komisi Informasi',
    tanggalKeKomisi: 'Tanggal pengajuan ke Komisi Informasi',
    putusanKomisi: 'Putusan Komisi Informasi',
    statusAlur: 'Status alur',
  },
};

const SLA_FIELD_LABELS: Record<string, string> = { slaJatuhTempo: 'Batas waktu SLA', slaBerisikoPada: 'Hampir jatuh tempo sejak' };

interface Metadata {
  edit?: { label?: string; editable?: boolean };
  list?: { label?: string };
}

/** Pure: the configuration with default labels replaced; the workflow state shown read-only. */
export function applyLabels(metadatas: Record<string, Metadata>, labels: Record<string, string>): boolean {
  let changed = false;
  for (const [attribute, label] of Object.entries(labels)) {
    const meta = metadatas[attribute];
    if (!meta) continue;
    if (meta.edit && meta.edit.label === attribute) {
      meta.edit.label = label;
      changed = true;
    }
    if (meta.list && meta.list.label === attribute) {
      meta.list.label = label;
      changed = true;
    }
  }
  // The state changes only through the workflow's steps (the side panel); the form shows it read-only.
  const state = metadatas[WORKFLOW_STATE_FIELD];
  if (state?.edit && state.edit.editable !== false) {
    state.edit.editable = false;
    changed = true;
  }
  // The engine's copy of the running SLA timer (src/workflow/sla-fields.ts): read-only, labelled.
  for (const [attribute, label] of Object.entries(SLA_FIELD_LABELS)) {
    const meta = metadatas[attribute];
    if (!meta) continue;
    if (meta.edit && meta.edit.editable !== false) {
      meta.edit.editable = false;
      changed = true;
    }
    for (const view of [meta.edit, meta.list]) {
      if (view && view.label === attribute) {
        view.label = label;
        changed = true;
      }
    }
  }
  return changed;
}

export async function ensureFieldLabels(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.startsWith('api::');
    const schema = isComponent ? strapi.components[uid as keyof typeof strapi.components] : strapi.contentType(uid as any);
    if (!schema) continue;
    const service = isComponent ? components : contentTypes;
    const configuration = await service.findConfiguration(schema);
    if (!configuration?.metadatas) continue;
    if (applyLabels(configuration.metadatas, labels)) {
      await service.updateConfiguration(schema, {
        settings: configuration.settings,
        metadatas: configuration.metadatas,
        layouts: configuration.layouts,
      });
    }
  }
}
