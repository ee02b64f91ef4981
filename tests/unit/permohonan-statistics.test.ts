import { businessCalendar } from '../../src/workflow/calendar';
import { computeStatistics, median, workingDaysBetween, type ObjectionFact, type RequestFact } from '../../src/permohonan/statistics';
import { answerDeadline, extendedDeadline } from '../../src/permohonan/rules';

const wib = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const cal = businessCalendar({ holidays: ['2026-03-19'] });

test('working days between receipt and answer skip the day of receipt, weekends and holidays', () => {
  expect(workingDaysBetween(wib('2026-03-02 10:00'), wib('2026-03-02 15:00'), cal)).toBe(0);
  expect(workingDaysBetween(wib('2026-03-06 10:00'), wib('2026-03-09 09:00'), cal)).toBe(1); // Fri -> Mon
  expect(workingDaysBetween(wib('2026-03-18 10:00'), wib('2026-03-20 09:00'), cal)).toBe(1); // holiday Thu
  expect(workingDaysBetween(wib('2026-03-02 10:00'), wib('2026-03-16 16:00'), cal)).toBe(10);
});

test('median', () => {
  expect(median([])).toBeNull();
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('figures of a year equal direct counts', () => {
  const r = (received: string, answered: string | null, outcome: RequestFact['outcome'], extended = false, ground: string | null = null): RequestFact => {
    const receivedAt = wib(received);
    const base = answerDeadline(receivedAt, cal);
    return { receivedAt, answeredAt: answered ? wib(answered) : null, outcome, extended, deadline: extended ? extendedDeadline(base, cal) : base, refusalGround: ground };
  };
  const requests: RequestFact[] = [
    r('2026-01-05 09:00', '2026-01-07 10:00', 'dikabulkan'), // 2 days
    r('2026-01-06 09:00', '2026-01-26 10:00', 'ditolak', false, 'Pasal 17 huruf a'), // late: 14 days
    r('2026-02-02 09:00', '2026-02-20 10:00', 'dikabulkan_sebagian', true), // extended, 14 days, on time
    r('2026-03-02 09:00', '2026-03-05 10:00', 'tidak_dikuasai'), // 3
    r('2026-03-02 09:00', null, null),
    r('2025-12-31 09:00', '2026-01-02 10:00', 'dikabulkan'), // other year
  ];
  const objections: ObjectionFact[] = [
    { filedAt: wib('2026-02-01 09:00'), grounds: 'penolakan_pengecualian', answeredAt: wib('2026-02-20 09:00'), outcome: 'ditolak', toCommission: true },
    { filedAt: wib('2026-03-01 09:00'), grounds: 'tidak_ditanggapi', answeredAt: null, outcome: null, toCommission: false },
  ];
  const s = computeStatistics(2026, requests, objections, cal);
  expect(s.jumlahPermohonan).toBe(5);
  expect(s.perBulan.slice(0, 4)).toEqual([2, 1, 2, 0]);
  expect(s.selesai).toBe(4);
  expect(s.dalamProses).toBe(1);
  expect(s.diperpanjang).toBe(1);
  expect(s.keputusan).toEqual({ dikabulkan: 1, dikabulkan_sebagian: 1, ditolak: 1, tidak_dikuasai: 1, diteruskan: 0 });
  expect(s.proporsiKeputusan.dikabulkan).toBe(0.25);
  expect(s.medianHariKerja).toBe((3 + 14) / 2);
  expect(s.tepatWaktu).toBe(3);
  expect(s.proporsiTepatWaktu).toBe(0.75);
  expect(s.alasanPenolakan).toEqual({ 'Pasal 17 huruf a': 1 });
  expect(s.keberatan).toEqual({
    jumlah: 2,
    perAlasan: { penolakan_pengecualian: 1, tidak_ditanggapi: 1 },
    hasil: { dikabulkan: 0, ditolak: 1 },
    belumDitanggapi: 1,
    keKomisiInformasi: 1,
  });
});
