import { businessCalendar } from '../../src/workflow/calendar';
import { answerDeadline } from '../../src/permohonan/rules';
import type { RequestFact } from '../../src/permohonan/statistics';
import {
  DIP_UID,
  PUBLISHED_AGAIN,
  PUBLISHED_FIRST,
  computeFigures,
  periodBounds,
  previousMonth,
  previousSemester,
  type AuditFact,
  type ClosedStepFact,
  type FiguresInput,
} from '../../src/reports/figures';

const wib = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
// Thursday 19 March 2026 is a holiday (Nyepi) in this scripted calendar.
const cal = businessCalendar({ holidays: ['2026-03-19'] });
const NOTA = 'api::nota-permintaan.nota-permintaan';

const step = (workflow: string, state: string, entered: string, left: string, due: string, calendar: 'business' | '24x7' = 'business'): ClosedStepFact => ({
  workflow,
  state,
  enteredAt: wib(entered),
  leftAt: wib(left),
  dueAt: wib(due),
  calendar,
});
const event = (peristiwa: string, dokumenId: string, waktu: string, extra: Partial<AuditFact> = {}): AuditFact => ({
  peristiwa,
  jenisKonten: DIP_UID,
  dokumenId,
  dari: null,
  ke: null,
  waktu: wib(waktu),
  catatan: null,
  aktorEmail: null,
  ...extra,
});

/** A month of history: every figure below is counted by hand from these lines. */
function history(): FiguresInput {
  const request = (received: string, answered: string | null): RequestFact => {
    const receivedAt = wib(received);
    return { receivedAt, answeredAt: answered ? wib(answered) : null, outcome: answered ? 'dikabulkan' : null, extended: false, deadline: answerDeadline(receivedAt, cal) };
  };
  return {
    period: { mulai: '2026-03-01', selesai: '2026-03-31' },
    now: wib('2026-04-02 09:00'),
    calendar: cal,
    steps: [
      // Monday 08:00 -> 10:00: 120 business minutes, within 2 working days.
      step(DIP_UID, 'menunggu_persetujuan', '2026-03-02 08:00', '2026-03-02 10:00', '2026-03-04 16:00'),
      // Friday 15:30 -> Monday 08:30: 60 (Friday closes 16:30) + 60 (Monday opens 07:30) = 120.
      step(DIP_UID, 'menunggu_persetujuan', '2026-03-06 15:30', '2026-03-09 08:30', '2026-03-10 16:00'),
      // Tue 10 08:00 -> Fri 20 08:00, due Thu 12 16:00: breached. 480 + 510 + 510 + 540 (Fri 13)
      // + 510 + 510 + 510 (Mon-Wed) + 0 (holiday) + 30 (Fri 20 07:30-08:00) = 3600.
      step(DIP_UID, 'menunggu_persetujuan', '2026-03-10 08:00', '2026-03-20 08:00', '2026-03-12 16:00'),
      // Left in February: not this period's.
      step(DIP_UID, 'menunggu_persetujuan', '2026-02-23 08:00', '2026-02-27 08:00', '2026-02-25 16:00'),
      // Memo step 2, 10 minutes: 25 minutes taken, breached.
      step(NOTA, 'menunggu_paraf', '2026-03-02 09:00', '2026-03-02 09:25', '2026-03-02 09:10'),
      // Across a weekend, 24x7: Saturday 10:00 -> Sunday 10:00 = 1440 minutes, met.
      { ...step('kewajiban', 'segarkan_berkala', '2026-03-07 10:00', '2026-03-08 10:00', '2026-09-07 10:00', '24x7'), label: 'Pemutakhiran informasi berkala' },
    ],
    openTimers: [
      { workflow: DIP_UID, state: 'menunggu_persetujuan', documentId: 'x1', dueAt: wib('2026-03-30 16:00') },
      { workflow: DIP_UID, state: 'menunggu_persetujuan', documentId: 'x2', dueAt: wib('2026-04-01 16:00') },
      { workflow: NOTA, state: 'menunggu_dip', documentId: 'n1', dueAt: wib('2026-03-31 16:00') },
      { workflow: NOTA, state: 'menunggu_dip', documentId: 'n2', dueAt: wib('2026-04-10 16:00') }, // not yet due
    ],
    events: [
      event(PUBLISHED_FIRST, 'A', '2026-03-05 09:00'),
      event(PUBLISHED_FIRST, 'A', '2026-03-05 09:01'), // its English version: the same entry
      event(PUBLISHED_AGAIN, 'A', '2026-03-25 09:00'),
      event(PUBLISHED_FIRST, 'B', '2026-03-11 09:00'),
      event(PUBLISHED_AGAIN, 'C', '2026-03-12 09:00'),
      event(PUBLISHED_FIRST, 'C', '2026-02-12 09:00'), // February
      event('transisi', 'B', '2026-03-09 10:00', { dari: 'menunggu_persetujuan', ke: 'dikembalikan', catatan: 'Bukan informasi berkala', aktorEmail: 'koordinator@ppid.test' }),
      event('transisi', 'C', '2026-03-03 10:00', { dari: 'menunggu_persetujuan', ke: 'dikembalikan', catatan: 'Lampiran tidak terbaca', aktorEmail: 'koordinator@ppid.test' }),
      event('transisi', 'C', '2026-03-04 10:00', { dari: 'menunggu_persetujuan', ke: 'disetujui' }),
      event('transisi', 'C', '2026-04-01 10:00', { dari: 'menunggu_persetujuan', ke: 'dikembalikan', catatan: 'April' }),
      { ...event('transisi', 'm1', '2026-03-04 10:00', { dari: 'menunggu_persetujuan', ke: 'dikembalikan' }), jenisKonten: 'api::konten-terjadwal.konten-terjadwal' },
    ],
    dip: [
      { documentId: 'A', nomor: 'DIP-A', judul: 'Laporan keuangan', kategori: 'berkala', lastPublishedAt: wib('2026-03-25 09:00') },
      { documentId: 'B', nomor: 'DIP-B', judul: 'Prosedur layanan', kategori: 'setiap_saat', lastPublishedAt: wib('2026-03-11 09:00') },
      { documentId: 'C', nomor: 'DIP-C', judul: 'Rencana kerja', kategori: 'berkala', lastPublishedAt: wib('2026-03-12 09:00') },
      { documentId: 'D', nomor: 'DIP-D', judul: 'LAKIP 2024', kategori: 'berkala', lastPublishedAt: wib('2025-08-01 09:00') }, // + 6 = 1 Feb: stale
      { documentId: 'E', nomor: 'DIP-E', judul: 'Renstra', kategori: 'berkala', lastPublishedAt: wib('2025-10-15 09:00') }, // + 6 = 15 Apr: fresh on 31 Mar
      { documentId: 'F', nomor: 'DIP-F', judul: 'Belum terbit', kategori: 'berkala', lastPublishedAt: null },
    ],
    berkalaRefreshMonths: 6,
    scheduled: [
      { documentId: 's1', judul: 'Tepat', jadwalTayang: wib('2026-03-03 10:00'), tayangPada: wib('2026-03-03 10:01'), statusAlur: 'tayang' },
      { documentId: 's2', judul: 'Telat', jadwalTayang: wib('2026-03-04 10:00'), tayangPada: wib('2026-03-04 11:00'), statusAlur: 'tayang' },
      { documentId: 's3', judul: 'Gagal', jadwalTayang: wib('2026-03-05 10:00'), tayangPada: null, statusAlur: 'gagal', alasan: 'Dokumen DIP belum disetujui' },
      { documentId: 's4', judul: 'Batal', jadwalTayang: wib('2026-03-06 10:00'), tayangPada: null, statusAlur: 'dibatalkan' },
      { documentId: 's5', judul: 'April', jadwalTayang: wib('2026-04-06 10:00'), tayangPada: null, statusAlur: 'disetujui' },
      { documentId: 's6', judul: 'Belum', jadwalTayang: wib('2026-03-20 10:00'), tayangPada: null, statusAlur: 'menunggu_persetujuan' },
    ],
    followUps: [
      { notulen: 'Rapat Feb', tanggalRapat: wib('2026-02-10 09:00'), deskripsi: 'a', tenggat: '2026-02-20', status: 'selesai', tanggalSelesai: '2026-02-20' }, // closed before
      { notulen: 'Rapat Feb', tanggalRapat: wib('2026-02-10 09:00'), deskripsi: 'b', tenggat: '2026-03-20', status: 'selesai', tanggalSelesai: '2026-03-10' }, // closed
      { notulen: 'Rapat Feb', tanggalRapat: wib('2026-02-10 09:00'), deskripsi: 'c', tenggat: '2026-03-15', status: 'dikerjakan', tanggalSelesai: null }, // open, overdue
      { notulen: 'Rapat Mar', tanggalRapat: wib('2026-03-10 09:00'), deskripsi: 'd', tenggat: '2026-04-10', status: 'diterima', tanggalSelesai: null }, // open
      { notulen: 'Rapat Mar', tanggalRapat: wib('2026-03-10 09:00'), deskripsi: 'e', tenggat: '2026-03-31', status: 'baru', tanggalSelesai: null }, // open, due on the last day: not overdue
      { notulen: 'Rapat Apr', tanggalRapat: wib('2026-04-01 09:00'), deskripsi: 'f', tenggat: '2026-04-03', status: 'baru', tanggalSelesai: null }, // after
    ],
    requests: {
      requests: [
        request('2026-03-02 09:00', '2026-03-05 10:00'),
        request('2026-03-09 09:00', null),
        request('2026-03-30 09:00', '2026-03-31 10:00'),
        request('2026-02-27 09:00', '2026-03-02 10:00'), // received in February
      ],
      objections: [
        { filedAt: wib('2026-03-16 09:00'), grounds: 'tidak_ditanggapi', answeredAt: null, outcome: null, toCommission: false },
        { filedAt: wib('2026-01-16 09:00'), grounds: 'tidak_ditanggapi', answeredAt: null, outcome: null, toCommission: false },
      ],
    },
  };
}

test('SLA per procedure step: met/breached, median and worst business time of the stays ended in the period', () => {
  const f = computeFigures(history());
  const dip = f.sla.find((r) => r.workflow === DIP_UID && r.state === 'menunggu_persetujuan')!;
  expect(dip).toMatchObject({ jumlah: 3, terpenuhi: 2, terlambat: 1, medianMenitKerja: 120, terlamaMenitKerja: 3600 });
  expect(f.sla.find((r) => r.workflow === NOTA)).toMatchObject({ state: 'menunggu_paraf', jumlah: 1, terpenuhi: 0, terlambat: 1, medianMenitKerja: 25, terlamaMenitKerja: 25 });
  expect(f.sla.find((r) => r.workflow === 'kewajiban')).toMatchObject({ keadaan: 'Pemutakhiran informasi berkala', jumlah: 1, terpenuhi: 1, medianMenitKerja: 1440 });
  expect(f.sla.reduce((n, r) => n + r.jumlah, 0)).toBe(5);
});

test('items overdue now, DIP entries online for the first time and again per category', () => {
  const f = computeFigures(history());
  expect(f.terlambatSekarang.jumlah).toBe(3);
  expect(f.terlambatSekarang.rincian).toEqual(
    expect.arrayContaining([
      { alur: DIP_UID, keadaan: 'menunggu_persetujuan', jumlah: 2 },
      { alur: NOTA, keadaan: 'menunggu_dip', jumlah: 1 },
    ]),
  );
  const cat = Object.fromEntries(f.dip.perKategori.map((r) => [r.kategori, r]));
  expect(cat.berkala).toEqual({ kategori: 'berkala', terbit: 1, diperbarui: 2 }); // A first; A and C again
  expect(cat.setiap_saat).toEqual({ kategori: 'setiap_saat', terbit: 1, diperbarui: 0 });
  expect(cat.serta_merta).toEqual({ kategori: 'serta_merta', terbit: 0, diperbarui: 0 });
  expect([f.dip.terbit, f.dip.diperbarui]).toEqual([2, 2]);
});

test('stale berkala entries, scheduled items, follow-ups', () => {
  const f = computeFigures(history());
  expect(f.berkalaUsang.jumlah).toBe(1);
  expect(f.berkalaUsang.entri.map((e) => e.nomor)).toEqual(['DIP-D']);
  expect(f.terjadwal).toMatchObject({ tepatWaktu: 1, terlambat: 1, gagal: 1, belumTayang: 1 });
  expect(f.terjadwal.gagalRincian).toEqual([{ judul: 'Gagal', alasan: 'Dokumen DIP belum disetujui' }]);
  expect(f.tindakLanjut).toEqual({ selesai: 1, terbuka: 3, lewatTenggat: 1 });
});

test('DIP entries sent back by the Koordinator, with reasons, in time order', () => {
  const f = computeFigures(history());
  expect(f.dikembalikanKoordinator.jumlah).toBe(2);
  expect(f.dikembalikanKoordinator.entri.map((e) => [e.nomor, e.alasan])).toEqual([
    ['DIP-C', 'Lampiran tidak terbaca'],
    ['DIP-B', 'Bukan informasi berkala'],
  ]);
});

test('request recap and number of services of the period', () => {
  const f = computeFigures(history());
  expect(f.permohonan).toMatchObject({ jumlahPermohonan: 3, selesai: 2, dalamProses: 1, keberatan: 1, jumlahLayanan: 4 });
  expect(f.permohonan!.keputusan.dikabulkan).toBe(2);
  // 2 Mar -> 5 Mar = 3 working days; 30 Mar -> 31 Mar = 1: median 2.
  expect(f.permohonan!.medianHariKerja).toBe(2);
  expect(computeFigures({ ...history(), requests: null }).permohonan).toBeNull();
});

test('a running period is counted as of now; the figures of a later "now" do not change a closed period', () => {
  const running = computeFigures({ ...history(), now: wib('2026-03-15 12:00') });
  // Only the stays that ended by now exist in a real trail; here: the counts as of 15 March.
  expect(running.acuan).toBe(wib('2026-03-15 12:00').toISOString());
  expect(running.tindakLanjut.lewatTenggat).toBe(0); // item c is due on 15 March itself
  const closed1 = computeFigures(history());
  const closed2 = computeFigures({ ...history(), now: wib('2026-06-01 09:00') });
  expect(closed2.sla).toEqual(closed1.sla);
  expect(closed2.berkalaUsang).toEqual(closed1.berkalaUsang);
});

test('periods: local bounds, previous month and semester', () => {
  const b = periodBounds({ mulai: '2026-03-01', selesai: '2026-03-31' }, 420);
  expect(b.start.toISOString()).toBe('2026-02-28T17:00:00.000Z');
  expect(b.end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
  expect(() => periodBounds({ mulai: '2026-03-31', selesai: '2026-03-01' }, 420)).toThrow('Periode');
  // 1 January 00:05 WIB is still 31 December in UTC.
  expect(previousMonth(wib('2026-01-01 00:05'), 420)).toEqual({ mulai: '2025-12-01', selesai: '2025-12-31' });
  expect(previousMonth(wib('2026-03-01 00:05'), 420)).toEqual({ mulai: '2026-02-01', selesai: '2026-02-28' });
  expect(previousSemester(wib('2026-07-01 00:05'), 420)).toEqual({ mulai: '2026-01-01', selesai: '2026-06-30' });
  expect(previousSemester(wib('2026-01-01 00:05'), 420)).toEqual({ mulai: '2025-07-01', selesai: '2025-12-31' });
  expect(previousSemester(wib('2026-06-30 23:59'), 420)).toEqual({ mulai: '2025-07-01', selesai: '2025-12-31' });
});
