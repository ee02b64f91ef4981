/**
 * Rules a clerk expects of a DIP entry beyond "required" (SPEC §4). Pure: the caller passes the
 * entry as it will be after the write, plus what it knows of the attached file.
 */
export interface DipEntryView {
  kategori?: string | null;
  dasarHukumPengecualian?: string | null;
  ringkasanUjiKonsekuensi?: string | null;
  jangkaWaktuPengecualian?: string | null;
  tahun?: string | number | null;
}

export interface AttachedFile {
  name: string;
  mime: string;
  ext?: string | null;
  /** size in kilobytes, as Strapi's upload plugin stores it */
  sizeKb: number;
}

export interface DipProblem {
  path: string;
  message: string;
}

const blank = (v: string | null | undefined) => !v || v.trim() === '';

export function checkDipEntry(entry: DipEntryView, file: AttachedFile | null, maxPdfMb: number): DipProblem[] {
  const problems: DipProblem[] = [];
  // Strapi checks a schema regex only on publish; a clerk expects the check when saving a draft.
  if (entry.tahun !== undefined && entry.tahun !== null && entry.tahun !== '' && !/^(19|20)\d{2}$/.test(String(entry.tahun))) {
    problems.push({ path: 'tahun', message: `Tahun harus ditulis dengan 4 angka, misalnya 2026 (diisi "${entry.tahun}").` });
  }
  if (entry.kategori === 'dikecualikan') {
    if (file) {
      problems.push({
        path: 'berkas',
        message: 'Informasi yang dikecualikan tidak boleh memiliki berkas publik. Hapus berkas dari entri ini.',
      });
    }
    if (blank(entry.dasarHukumPengecualian)) {
      problems.push({
        path: 'dasarHukumPengecualian',
        message: 'Informasi yang dikecualikan wajib mencantumkan dasar hukum pengecualian.',
      });
    }
    if (blank(entry.ringkasanUjiKonsekuensi)) {
      problems.push({
        path: 'ringkasanUjiKonsekuensi',
        message: 'Informasi yang dikecualikan wajib mencantumkan ringkasan uji konsekuensi.',
      });
    }
    if (blank(entry.jangkaWaktuPengecualian)) {
      problems.push({
        path: 'jangkaWaktuPengecualian',
        message: 'Informasi yang dikecualikan wajib mencantumkan jangka waktu pengecualian.',
      });
    }
  }
  if (file) {
    const isPdf = file.mime === 'application/pdf' && (file.ext ?? '').toLowerCase() === '.pdf';
    if (!isPdf) {
      problems.push({
        path: 'berkas',
        message: `Berkas informasi publik harus berformat PDF; "${file.name}" bukan PDF.`,
      });
    }
    const sizeMb = file.sizeKb / 1024;
    if (sizeMb > maxPdfMb) {
      problems.push({
        path: 'berkas',
        message: `Berkas "${file.name}" berukuran ${sizeMb.toFixed(1)} MB; batasnya ${maxPdfMb} MB.`,
      });
    }
  }
  return problems;
}
