/**
 * The exported documents, from plain data: the evaluation report (PDF), the quarterly content list
 * (PDF with the Koordinator's signature and the handover to the Kepala Dinas; XLSX), and the
 * Daftar Informasi Publik in the column layout of the annex of the DIP decree (Perki 1/2021,
 * per year; PDF and XLSX). Indonesian throughout.
 */
import ExcelJS from 'exceljs';
import type { OfficeConfig } from '../../config/ppid-config';
import type { Figures } from '../figures';
import { OfficeDocument, localDate, tanggalIndonesia, yieldToEventLoop, type Column, type Progress } from './pdf';

export const KATEGORI_LABEL: Record<string, string> = {
  berkala: 'Informasi berkala',
  serta_merta: 'Informasi serta merta',
  setiap_saat: 'Informasi setiap saat',
  dikecualikan: 'Informasi dikecualikan',
};
const BENTUK_LABEL: Record<string, string> = { softcopy: 'Softcopy', hardcopy: 'Hardcopy', softcopy_dan_hardcopy: 'Softcopy dan hardcopy' };
const JENIS_LAPORAN: Record<string, string> = {
  evaluasi_pengelolaan: 'Evaluasi pengelolaan website (semesteran, oleh Koordinator)',
  evaluasi_koordinator: 'Evaluasi kinerja Koordinator (bulanan, oleh Kepala Dinas)',
  rencana_konten: 'Rencana konten',
  rekap_tahunan: 'Rekapitulasi tahunan',
};
const STATUS_LAPORAN: Record<string, string> = {
  draf: 'Draf (angka dapat dihitung ulang)',
  menunggu_penerimaan: 'Diserahkan, menunggu diterima Kepala Dinas',
  dikembalikan: 'Dikembalikan untuk perbaikan',
  diterima: 'Diterima Kepala Dinas',
};
const JENIS_KONTEN: Record<string, string> = { dokumen_dip: 'Dokumen DIP', berita: 'Berita', pengumuman: 'Pengumuman', halaman: 'Halaman' };
const STATUS_KONTEN: Record<string, string> = {
  draf: 'Draf',
  menunggu_persetujuan: 'Menunggu persetujuan',
  dikembalikan: 'Dikembalikan',
  disetujui: 'Disetujui',
  tayang: 'Sudah tayang',
  gagal: 'Gagal tayang',
  dibatalkan: 'Dibatalkan',
};

export const formatMinutes = (m: number | null): string => {
  if (m === null) return '-';
  if (m < 60) return `${m} menit`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} jam ${m % 60} menit` : `${h} jam`;
};
const wib = (iso: string | null | undefined, offset = 420): string => {
  if (!iso) return '-';
  const d = new Date(iso);
  const local = new Date(d.getTime() + offset * 60_000);
  return `${tanggalIndonesia(localDate(d, offset))} ${local.toISOString().slice(11, 16)} WIB`;
};

// ------------------------------------------------------------------------------------------------
// Evaluation report

export interface EvaluationReport {
  judul: string;
  jenis: string;
  periodeMulai: string;
  periodeSelesai: string;
  statusAlur: string;
  angka: Figures | null;
  angkaDihitungPada: string | null;
  temuan: string | null;
  rekomendasi: string | null;
}

/** The rows of each figure table: shared by the PDF, the panel and the tests. */
export function figureTables(f: Figures) {
  return {
    sla: f.sla.map((r) => [r.alur, r.keadaan, String(r.jumlah), String(r.terpenuhi), String(r.terlambat), formatMinutes(r.medianMenitKerja), formatMinutes(r.terlamaMenitKerja)]),
    terlambat: f.terlambatSekarang.rincian.map((r) => [r.alur, r.keadaan, String(r.jumlah)]),
    dip: f.dip.perKategori.map((r) => [KATEGORI_LABEL[r.kategori] ?? r.kategori, String(r.terbit), String(r.diperbarui)]),
    berkala: f.berkalaUsang.entri.map((e) => [e.nomor, e.judul, e.terakhirTerbit ? tanggalIndonesia(localDate(new Date(e.terakhirTerbit))) : '-']),
    dikembalikan: f.dikembalikanKoordinator.entri.map((e) => [e.nomor, e.judul, wib(e.waktu), e.alasan ?? '-']),
  };
}

export async function evaluationPdf(report: EvaluationReport, office: OfficeConfig, logo: Buffer | null, now: Date, progress?: Progress): Promise<Buffer> {
  const doc = new OfficeDocument(office, logo, { title: report.judul });
  doc.letterhead();
  doc.title(['LAPORAN EVALUASI', report.judul.toUpperCase()], [`Periode ${tanggalIndonesia(report.periodeMulai)} s.d. ${tanggalIndonesia(report.periodeSelesai)}`]);
  doc.fields([
    ['Jenis laporan', JENIS_LAPORAN[report.jenis] ?? report.jenis],
    ['Status', STATUS_LAPORAN[report.statusAlur] ?? report.statusAlur],
    ['Angka dihitung pada', report.angkaDihitungPada ? wib(report.angkaDihitungPada) : 'belum dihitung'],
  ]);
  const f = report.angka;
  if (!f) {
    doc.paragraph('Angka laporan belum dihitung.', { italic: true });
  } else {
    const t = figureTables(f);
    doc.heading('A. Ketepatan waktu per langkah prosedur (SLA)');
    doc.paragraph('Setiap baris adalah langkah yang selesai dalam periode; waktu dihitung dalam jam kerja kantor (hari libur tidak dihitung).', { size: 8.5, italic: true });
    await doc.table(
      [
        { header: 'Alur', width: 15 },
        { header: 'Langkah (keadaan menunggu)', width: 25 },
        { header: 'Jumlah', width: 8, align: 'right' },
        { header: 'Tepat waktu', width: 9, align: 'right' },
        { header: 'Terlambat', width: 11, align: 'right' },
        { header: 'Median', width: 16 },
        { header: 'Terlama', width: 16 },
      ],
      t.sla,
    );
    await progress?.(20, 100);
    doc.heading(`B. Pekerjaan yang terlambat saat ini (${f.terlambatSekarang.jumlah})`);
    await doc.table([{ header: 'Alur', width: 30 }, { header: 'Keadaan', width: 55 }, { header: 'Jumlah', width: 15, align: 'right' }], t.terlambat);
    doc.heading('C. Dokumen DIP terbit dan diperbarui per kategori');
    await doc.table(
      [{ header: 'Kategori', width: 50 }, { header: 'Terbit pertama', width: 25, align: 'right' }, { header: 'Diperbarui', width: 25, align: 'right' }],
      [...t.dip, ['Jumlah', String(f.dip.terbit), String(f.dip.diperbarui)]],
    );
    await progress?.(40, 100);
    doc.heading(`D. Informasi berkala yang belum dimutakhirkan lebih dari ${f.berkalaUsang.batasBulan} bulan (${f.berkalaUsang.jumlah})`);
    await doc.table([{ header: 'Nomor', width: 20 }, { header: 'Judul', width: 55 }, { header: 'Terakhir terbit', width: 25 }], t.berkala);
    doc.heading('E. Konten terjadwal');
    await doc.table(
      [{ header: 'Tepat waktu', width: 25, align: 'right' }, { header: 'Terlambat', width: 25, align: 'right' }, { header: 'Gagal', width: 25, align: 'right' }, { header: 'Belum tayang', width: 25, align: 'right' }],
      [[String(f.terjadwal.tepatWaktu), String(f.terjadwal.terlambat), String(f.terjadwal.gagal), String(f.terjadwal.belumTayang)]],
    );
    for (const g of f.terjadwal.gagalRincian) doc.paragraph(`Gagal tayang: ${g.judul} — ${g.alasan ?? 'tanpa alasan tercatat'}`, { size: 9 });
    doc.heading('F. Tindak lanjut notulen rapat');
    await doc.table(
      [{ header: 'Selesai dalam periode', width: 34, align: 'right' }, { header: 'Masih terbuka', width: 33, align: 'right' }, { header: 'Lewat tenggat', width: 33, align: 'right' }],
      [[String(f.tindakLanjut.selesai), String(f.tindakLanjut.terbuka), String(f.tindakLanjut.lewatTenggat)]],
    );
    await progress?.(60, 100);
    doc.heading(`G. Dokumen DIP yang dikembalikan Koordinator (${f.dikembalikanKoordinator.jumlah})`);
    await doc.table([{ header: 'Nomor', width: 15 }, { header: 'Judul', width: 30 }, { header: 'Waktu', width: 20 }, { header: 'Alasan', width: 35 }], t.dikembalikan);
    if (f.permohonan) {
      const p = f.permohonan;
      doc.heading('H. Rekapitulasi permohonan informasi dan jumlah layanan');
      await doc.table(
        [{ header: 'Uraian', width: 70 }, { header: 'Jumlah', width: 30, align: 'right' }],
        [
          ['Permohonan informasi diterima', String(p.jumlahPermohonan)],
          ['Permohonan selesai', String(p.selesai)],
          ['Permohonan masih diproses', String(p.dalamProses)],
          ['Permohonan diperpanjang', String(p.diperpanjang)],
          ['Dijawab dalam batas waktu', String(p.tepatWaktu)],
          ['Median waktu jawab (hari kerja)', p.medianHariKerja === null ? '-' : String(p.medianHariKerja)],
          ['Keberatan diajukan', String(p.keberatan)],
          ['Jumlah layanan (permohonan + keberatan)', String(p.jumlahLayanan)],
        ],
      );
    }
  }
  await progress?.(80, 100);
  doc.heading('Temuan');
  doc.paragraph(report.temuan?.trim() || '-');
  doc.heading('Rekomendasi');
  doc.paragraph(report.rekomendasi?.trim() || '-');
  const author = report.jenis === 'evaluasi_koordinator' ? 'Kepala Dinas' : 'Koordinator PPID';
  doc.signatures(
    report.jenis === 'evaluasi_koordinator'
      ? [null, { top: `${office.city}, ${tanggalIndonesia(localDate(now))}`, role: ['Yang mengevaluasi,', author] }]
      : [
          { top: 'Diterima oleh,', role: ['Kepala Dinas'], below: 'Tanggal diterima: ............................' },
          { top: `${office.city}, ${tanggalIndonesia(localDate(now))}`, role: ['Yang menyusun,', author] },
        ],
  );
  return doc.finish(now);
}

// ------------------------------------------------------------------------------------------------
// Quarterly content list

export interface ContentListItem {
  judul: string;
  jenis: string;
  dokumen: string | null;
  jadwalTayang: string;
  statusAlur: string;
}

export interface ContentList {
  periode: string;
  status: string | null;
  catatan: string | null;
  items: ContentListItem[];
}

const QUARTER_MONTHS = ['Januari – Maret', 'April – Juni', 'Juli – September', 'Oktober – Desember'];
export const describeQuarter = (periode: string) => {
  const [y, q] = periode.split('-Q');
  return `Triwulan ${['I', 'II', 'III', 'IV'][Number(q) - 1]} (${QUARTER_MONTHS[Number(q) - 1]}) Tahun ${y}`;
};

export const CONTENT_COLUMNS = ['No', 'Judul konten', 'Jenis', 'Dokumen DIP terkait', 'Jadwal tayang', 'Status'];
export const contentRows = (list: ContentList) =>
  list.items.map((it, i) => [String(i + 1), it.judul, JENIS_KONTEN[it.jenis] ?? it.jenis, it.dokumen ?? '-', wib(it.jadwalTayang), STATUS_KONTEN[it.statusAlur] ?? it.statusAlur]);

export async function contentListPdf(list: ContentList, office: OfficeConfig, logo: Buffer | null, now: Date, progress?: Progress): Promise<Buffer> {
  const doc = new OfficeDocument(office, logo, { title: `Daftar Konten ${list.periode}`, landscape: true });
  doc.letterhead();
  doc.title(['DAFTAR KONTEN WEBSITE PPID', describeQuarter(list.periode).toUpperCase()]);
  doc.paragraph(
    'Daftar konten yang akan ditayangkan pada website PPID dalam triwulan ini, ditetapkan oleh Sub Koordinator, disetujui oleh Koordinator PPID dan diserahkan kepada Kepala Dinas (SOP Pengelolaan Website PPID, huruf A angka 1).',
  );
  if (list.status) doc.fields([['Status daftar', list.status]]);
  await doc.table(
    [
      { header: 'No', width: 5, align: 'center' },
      { header: 'Judul konten', width: 33 },
      { header: 'Jenis', width: 11 },
      { header: 'Dokumen DIP terkait', width: 25 },
      { header: 'Jadwal tayang', width: 15 },
      { header: 'Status', width: 11 },
    ],
    contentRows(list),
    { progress },
  );
  if (list.catatan) doc.paragraph(`Catatan: ${list.catatan}`);
  doc.signatures([
    { top: 'Diserahkan kepada dan diterima oleh,', role: ['Kepala Dinas'], below: 'Tanggal diterima: ............................' },
    { top: `${office.city}, ${tanggalIndonesia(localDate(now))}`, role: ['Disetujui dan diserahkan oleh,', 'Koordinator PPID'] },
  ]);
  return doc.finish(now);
}

// ------------------------------------------------------------------------------------------------
// Daftar Informasi Publik (annex of the DIP decree)

export interface DipEntry {
  nomor: string;
  judul: string;
  ringkasan: string;
  kategori: string;
  unit: string | null;
  pejabatPenguasa: string;
  penanggungJawab: string;
  waktuPembuatan: string | null;
  tempatPembuatan: string | null;
  bentukInformasi: string;
  jangkaWaktuPenyimpanan: string;
}

export const DIP_COLUMNS = [
  'No',
  'Ringkasan Isi Informasi',
  'Pejabat/Unit/Satuan Kerja yang Menguasai Informasi',
  'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
  'Waktu dan Tempat Pembuatan Informasi',
  'Bentuk Informasi yang Tersedia',
  'Jangka Waktu Penyimpanan atau Retensi Arsip',
  'Jenis Informasi',
];

export const dipRows = (entries: DipEntry[]) =>
  entries.map((e, i) => [
    String(i + 1),
    `${e.judul}\n(${e.nomor}) ${e.ringkasan}`,
    [e.pejabatPenguasa, e.unit].filter(Boolean).join(' / '),
    e.penanggungJawab,
    [e.waktuPembuatan ? tanggalIndonesia(e.waktuPembuatan) : null, e.tempatPembuatan].filter(Boolean).join(', ') || '-',
    BENTUK_LABEL[e.bentukInformasi] ?? e.bentukInformasi,
    e.jangkaWaktuPenyimpanan,
    (KATEGORI_LABEL[e.kategori] ?? e.kategori).replace('Informasi ', ''),
  ]);

export async function dipPdf(year: number, entries: DipEntry[], office: OfficeConfig, logo: Buffer | null, now: Date, progress?: Progress): Promise<Buffer> {
  const doc = new OfficeDocument(office, logo, { title: `Daftar Informasi Publik ${year}`, landscape: true });
  const { pdf } = doc;
  // The annex block, top right, as annexes of a decree carry it.
  const x = doc.left + doc.width * 0.58;
  pdf.font('Helvetica').fontSize(9.5);
  const rows: [string, string][] = [
    ['LAMPIRAN', `KEPUTUSAN ATASAN PPID ${office.name.toUpperCase()}`],
    ['NOMOR', ': ..............................................'],
    ['TANGGAL', ': ..............................................'],
    ['TENTANG', `: DAFTAR INFORMASI PUBLIK TAHUN ${year}`],
  ];
  for (const [label, value] of rows) {
    const y = pdf.y;
    pdf.text(label, x, y, { width: 62 });
    pdf.text(value, x + 64, y, { width: doc.width * 0.42 - 64 });
    pdf.y = Math.max(pdf.y, y + 12);
  }
  pdf.moveDown(1.2);
  doc.title(['DAFTAR INFORMASI PUBLIK', office.name.toUpperCase(), `TAHUN ${year}`], [office.government]);
  await doc.table(
    [
      { header: DIP_COLUMNS[0], width: 4, align: 'center' },
      { header: DIP_COLUMNS[1], width: 27 },
      { header: DIP_COLUMNS[2], width: 14 },
      { header: DIP_COLUMNS[3], width: 13 },
      { header: DIP_COLUMNS[4], width: 12 },
      { header: DIP_COLUMNS[5], width: 10 },
      { header: DIP_COLUMNS[6], width: 10 },
      { header: DIP_COLUMNS[7], width: 10 },
    ],
    dipRows(entries),
    { fontSize: 8, progress },
  );
  doc.signatures([
    null,
    { top: `Ditetapkan di ${office.city}, ${tanggalIndonesia(localDate(now))}`, role: ['ATASAN PPID,'] },
  ]);
  return doc.finish(now);
}

// ------------------------------------------------------------------------------------------------
// Workbooks

async function workbook(
  sheet: string,
  titles: string[],
  columns: string[],
  widths: number[],
  rows: string[][],
  progress?: Progress,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PPID CMS';
  const ws = wb.addWorksheet(sheet.slice(0, 31), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  for (const t of titles) {
    const r = ws.addRow([t]);
    r.font = { bold: true, size: 12 };
    ws.mergeCells(r.number, 1, r.number, columns.length);
    r.alignment = { horizontal: 'center' };
  }
  ws.addRow([]);
  const head = ws.addRow(columns);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
  });
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  const border = { style: 'thin' as const };
  for (const [i, row] of rows.entries()) {
    const r = ws.addRow(row);
    r.alignment = { wrapText: true, vertical: 'top' };
    if ((i + 1) % 500 === 0) {
      await progress?.(i + 1, rows.length);
      await yieldToEventLoop();
    }
  }
  for (let n = head.number; n <= ws.rowCount; n++) {
    ws.getRow(n).eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: border, left: border, bottom: border, right: border };
    });
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function contentListXlsx(list: ContentList, office: OfficeConfig, progress?: Progress): Promise<Buffer> {
  return workbook(
    `Daftar konten ${list.periode}`,
    [office.government, office.name, 'DAFTAR KONTEN WEBSITE PPID', describeQuarter(list.periode)],
    CONTENT_COLUMNS,
    [5, 50, 14, 40, 26, 18],
    contentRows(list),
    progress,
  );
}

export function dipXlsx(year: number, entries: DipEntry[], office: OfficeConfig, progress?: Progress): Promise<Buffer> {
  return workbook(
    `DIP ${year}`,
    [`DAFTAR INFORMASI PUBLIK TAHUN ${year}`, office.name, office.government],
    DIP_COLUMNS,
    [5, 60, 30, 28, 24, 16, 20, 16],
    dipRows(entries),
    progress,
  );
}
