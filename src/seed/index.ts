import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { runAsSystem } from '../workflow/system-context';
import { DEMO_MEMOS, DEMO_MINUTES, DEMO_UNITS, demoDipEntries, type DemoDip } from './demo-data';
import { indonesianHolidays } from './holidays';
import { makePdf } from './pdf';
import { demoEmail, ensureDemoAdmins } from './demo-admins';
import { seedPublicPages } from './public-pages';

const UID = {
  bidang: 'api::bidang.bidang',
  dip: 'api::dip-document.dip-document',
  nota: 'api::nota-permintaan.nota-permintaan',
  notulen: 'api::notulen.notulen',
  laporan: 'api::laporan-evaluasi.laporan-evaluasi',
  libur: 'api::hari-libur.hari-libur',
} as const;

export interface SeedReport {
  units: number;
  dipEntries: number;
  holidays: number;
  memos: number;
  minutes: number;
  reports: number;
  pages: number;
  admins: string[];
}

/**
 * Loads the demo data. Idempotent: every record is looked up by its natural key first
 * (unit code, DIP number + locale, holiday date, memo number, title), so running it twice adds
 * nothing. Demo admins are created only when `withDemoAdmins` (never in production).
 */
export async function runSeed(
  strapi: Core.Strapi,
  opts: { withDemoAdmins: boolean; now?: Date; log?: (line: string) => void },
): Promise<SeedReport> {
  const now = opts.now ?? new Date();
  const year = now.getUTCFullYear();
  const log = opts.log ?? ((line: string) => strapi.log.info(`[seed] ${line}`));
  const docs = (uid: string) => strapi.documents(uid as any) as any;

  return runAsSystem('seed', async () => {
    const report: SeedReport = { units: 0, dipEntries: 0, holidays: 0, memos: 0, minutes: 0, reports: 0, pages: 0, admins: [] };

    const unitIds: Record<string, string> = {};
    for (const unit of DEMO_UNITS) {
      let existing = await docs(UID.bidang).findFirst({ filters: { kode: unit.kode } });
      if (!existing) {
        existing = await docs(UID.bidang).create({ data: unit });
        report.units += 1;
      }
      unitIds[unit.kode] = existing.documentId;
    }

    const holidays = indonesianHolidays([year, year + 1]);
    for (const holiday of holidays) {
      if (!(await docs(UID.libur).findFirst({ filters: { tanggal: holiday.tanggal } }))) {
        await docs(UID.libur).create({ data: holiday });
        report.holidays += 1;
      }
    }

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-seed-'));
    try {
      for (const entry of demoDipEntries(year)) {
        if (await seedDipEntry(strapi, entry, unitIds, tmp)) report.dipEntries += 1;
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }

    report.pages = await seedPublicPages(strapi);

    for (const memo of DEMO_MEMOS) {
      if (!(await docs(UID.nota).findFirst({ filters: { nomor: memo.nomor } }))) {
        await docs(UID.nota).create({
          data: { ...memo, tanggalNota: now.toISOString().slice(0, 10), tujuan: Object.values(unitIds).slice(0, 2) },
        });
        report.memos += 1;
      }
    }

    for (const minutes of DEMO_MINUTES) {
      if (!(await docs(UID.notulen).findFirst({ filters: { judul: minutes.judul } }))) {
        const due = new Date(now.getTime() + 14 * 86400000).toISOString().slice(0, 10);
        await docs(UID.notulen).create({
          data: {
            ...minutes,
            tanggalRapat: now.toISOString(),
            tindakLanjut: [
              { deskripsi: 'Tampilkan nomor registrasi pada formulir permohonan', penanggungJawab: 'web-developer@ppid.test', tenggat: due, status: 'baru' },
              { deskripsi: 'Perbaiki tampilan formulir di ponsel', penanggungJawab: 'web-developer@ppid.test', tenggat: due, status: 'baru' },
            ],
          },
        });
        report.minutes += 1;
      }
    }

    const reportTitle = `Evaluasi Pengelolaan Website PPID Semester ${now.getUTCMonth() < 6 ? 'I' : 'II'} ${year}`;
    if (!(await docs(UID.laporan).findFirst({ filters: { judul: reportTitle } }))) {
      const firstHalf = now.getUTCMonth() < 6;
      await docs(UID.laporan).create({
        data: {
          judul: reportTitle,
          jenis: 'evaluasi_pengelolaan',
          periodeMulai: `${year}-${firstHalf ? '01-01' : '07-01'}`,
          periodeSelesai: `${year}-${firstHalf ? '06-30' : '12-31'}`,
          temuan: 'Beberapa dokumen berkala belum diperbarui dalam 6 bulan terakhir.',
          rekomendasi: 'Sub Koordinator mengirim nota permintaan DIP ke bidang terkait.',
        },
      });
      report.reports += 1;
    }

    if (opts.withDemoAdmins) {
      report.admins = await ensureDemoAdmins(strapi, log);
      await linkDemoKabid(strapi, unitIds);
    }
    log(
      `units +${report.units}, DIP entries +${report.dipEntries}, holidays +${report.holidays}, ` +
        `memos +${report.memos}, minutes +${report.minutes}, reports +${report.reports}, pages +${report.pages}, ` +
        `admins +${report.admins.length}`,
    );
    return report;
  });
}

/**
 * The demo Kepala Bidang heads the first demo unit (a target of the demo memos), so the memo's
 * receipt and the Kabid's own-unit access can be walked in the demo. Only when the unit has no
 * Kabid yet (an office's own assignment is never overwritten).
 */
async function linkDemoKabid(strapi: Core.Strapi, unitIds: Record<string, string>) {
  const kabid = await strapi.db.query('admin::user').findOne({ where: { email: demoEmail('kepala-bidang') }, select: ['id'] });
  const unitDocumentId = unitIds[DEMO_UNITS[0].kode];
  if (!kabid || !unitDocumentId) return;
  const unit = await strapi.db.query(UID.bidang).findOne({ where: { documentId: unitDocumentId }, populate: { kepalaBidang: { select: ['id'] } } });
  if (unit && (unit.kepalaBidang ?? []).length === 0) {
    await strapi.db.query(UID.bidang).update({ where: { id: unit.id }, data: { kepalaBidang: [kabid.id] } });
  }
}

/** One DIP entry in Indonesian and English, with a generated PDF unless it is exempt. */
async function seedDipEntry(strapi: Core.Strapi, entry: DemoDip, unitIds: Record<string, string>, tmp: string) {
  const dip = strapi.documents(UID.dip as any) as any;
  const existing = await dip.findFirst({ filters: { nomor: entry.nomor }, locale: 'id' });
  if (existing) return false;

  let berkas: number | null = null;
  if (entry.kategori !== 'dikecualikan') {
    const fileName = `${entry.nomor.replace(/\//g, '-')}.pdf`;
    const filePath = path.join(tmp, fileName);
    const pdf = makePdf(entry.id.judul, [entry.nomor, entry.id.ringkasan.slice(0, 90), 'Dokumen contoh (demo).']);
    fs.writeFileSync(filePath, pdf);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: fileName, caption: entry.id.judul } },
        files: { filepath: filePath, originalFilename: fileName, mimetype: 'application/pdf', size: pdf.length },
      });
    berkas = file.id;
  }

  const shared = {
    nomor: entry.nomor,
    kategori: entry.kategori,
    unit: unitIds[entry.unit],
    pejabatPenguasa: 'Kepala Dinas',
    penanggungJawab: 'Sub Koordinator PPID',
    waktuPembuatan: `${entry.tahun}-01-15`,
    tempatPembuatan: 'Padang',
    bentukInformasi: entry.kategori === 'dikecualikan' ? 'hardcopy' : 'softcopy_dan_hardcopy',
    jangkaWaktuPenyimpanan: entry.kategori === 'berkala' ? '10 tahun' : '5 tahun',
    // A year is a label, not a quantity: stored as text so the panel does not show "2.026".
    tahun: String(entry.tahun),
    berkas,
    jangkaWaktuPengecualian: entry.exemption?.jangkaWaktu ?? null,
  };
  const statusAlur = entry.published ? 'disetujui' : 'draf';
  const created = await dip.create({
    locale: 'id',
    data: {
      ...shared,
      ...entry.id,
      statusAlur,
      dasarHukumPengecualian: entry.exemption?.dasarHukum ?? null,
      ringkasanUjiKonsekuensi: entry.exemption?.ujiKonsekuensi ?? null,
    },
  });
  await dip.update({
    documentId: created.documentId,
    locale: 'en',
    data: {
      ...shared,
      ...entry.en,
      statusAlur,
      dasarHukumPengecualian: entry.exemption ? `Article 17, Law 14/2008 — ${entry.exemption.dasarHukum}` : null,
      ringkasanUjiKonsekuensi: entry.exemption ? 'Disclosure would cause more harm than benefit to the public interest.' : null,
    },
  });
  if (entry.published) {
    await dip.publish({ documentId: created.documentId, locale: 'id' });
    await dip.publish({ documentId: created.documentId, locale: 'en' });
  }
  return true;
}
