/**
 * Aggregate figures of the information service (UU 14/2008 Art. 12; Perki 1/2021 laporan layanan
 * informasi publik). Pure: the caller passes the rows (never personal data) and the calendar.
 */
import { isWorkingDay, localDateOf, type BusinessCalendar } from '../workflow/calendar';

export const OUTCOMES = ['dikabulkan', 'dikabulkan_sebagian', 'ditolak', 'tidak_dikuasai', 'diteruskan'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OBJECTION_OUTCOMES = ['dikabulkan', 'ditolak'] as const;

export interface RequestFact {
  receivedAt: Date;
  answeredAt: Date | null;
  /** the final legal deadline (extended when extended) */
  deadline: Date;
  outcome: Outcome | null;
  extended: boolean;
  /** ground of refusal: the exemption article, when refused */
  refusalGround?: string | null;
}

export interface ObjectionFact {
  filedAt: Date;
  grounds: string;
  answeredAt: Date | null;
  outcome: (typeof OBJECTION_OUTCOMES)[number] | null;
  toCommission: boolean;
}

/**
 * Working days from receipt to answer: the working days after the day of receipt up to and
 * including the day of the answer (an answer on the day of receipt is 0), as the law counts.
 */
export function workingDaysBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const start = localDateOf(from, cal);
  const end = localDateOf(to, cal);
  if (end <= start) return 0;
  let n = 0;
  const day = new Date(`${start}T00:00:00Z`);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const s = day.toISOString().slice(0, 10);
    if (s > end) return n;
    if (isWorkingDay(s, cal)) n++;
  }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

export interface Statistics {
  tahun: number;
  jumlahPermohonan: number;
  perBulan: number[];
  selesai: number;
  dalamProses: number;
  diperpanjang: number;
  keputusan: Record<Outcome, number>;
  proporsiKeputusan: Record<Outcome, number | null>;
  medianHariKerja: number | null;
  rataRataHariKerja: number | null;
  tepatWaktu: number;
  proporsiTepatWaktu: number | null;
  alasanPenolakan: Record<string, number>;
  keberatan: {
    jumlah: number;
    perAlasan: Record<string, number>;
    hasil: Record<string, number>;
    belumDitanggapi: number;
    keKomisiInformasi: number;
  };
}

/** Figures for one calendar year (local time): requests received and objections filed that year. */
export function computeStatistics(year: number, requests: RequestFact[], objections: ObjectionFact[], cal: BusinessCalendar): Statistics {
  const inYear = (d: Date) => localDateOf(d, cal).startsWith(`${year}-`);
  const rs = requests.filter((r) => inYear(r.receivedAt));
  const perBulan = Array.from({ length: 12 }, () => 0);
  const keputusan = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const days: number[] = [];
  const alasanPenolakan: Record<string, number> = {};
  let tepatWaktu = 0;
  let selesai = 0;
  for (const r of rs) {
    perBulan[Number(localDateOf(r.receivedAt, cal).slice(5, 7)) - 1]++;
    if (r.answeredAt && r.outcome) {
      selesai++;
      keputusan[r.outcome]++;
      days.push(workingDaysBetween(r.receivedAt, r.answeredAt, cal));
      if (r.answeredAt.getTime() <= r.deadline.getTime()) tepatWaktu++;
      if (r.outcome === 'ditolak') {
        const g = r.refusalGround || 'tidak disebutkan';
        alasanPenolakan[g] = (alasanPenolakan[g] ?? 0) + 1;
      }
    }
  }
  const os = objections.filter((o) => inYear(o.filedAt));
  const perAlasan: Record<string, number> = {};
  const hasil: Record<string, number> = { dikabulkan: 0, ditolak: 0 };
  for (const o of os) {
    perAlasan[o.grounds] = (perAlasan[o.grounds] ?? 0) + 1;
    if (o.answeredAt && o.outcome) hasil[o.outcome]++;
  }
  return {
    tahun: year,
    jumlahPermohonan: rs.length,
    perBulan,
    selesai,
    dalamProses: rs.length - selesai,
    diperpanjang: rs.filter((r) => r.extended).length,
    keputusan,
    proporsiKeputusan: Object.fromEntries(OUTCOMES.map((o) => [o, share(keputusan[o], selesai)])) as Record<Outcome, number | null>,
    medianHariKerja: median(days),
    rataRataHariKerja: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 100) / 100 : null,
    tepatWaktu,
    proporsiTepatWaktu: share(tepatWaktu, selesai),
    alasanPenolakan,
    keberatan: {
      jumlah: os.length,
      perAlasan,
      hasil,
      belumDitanggapi: os.filter((o) => !o.answeredAt).length,
      keKomisiInformasi: os.filter((o) => o.toCommission).length,
    },
  };
}
