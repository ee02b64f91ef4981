/**
 * The figures of an evaluation report (seed 001 C, seed 000 records), computed from facts the
 * glue loads for one period: closed SLA timers, open timers, audit events, DIP entries, scheduled
 * items, minutes' follow-ups and the information requests. Pure: no Strapi, every instant passed in.
 */
import { localDateOf, type BusinessCalendar } from '../workflow/calendar';
import { addCalendarMonths, calendarFor, closeTimer } from '../workflow/sla';
import { computeStatistics, median, type ObjectionFact, type RequestFact } from '../permohonan/statistics';

export const FIGURES_VERSION = 1;

/** A period of local (office) dates, both inclusive: '2026-01-01'..'2026-06-30'. */
export interface Period {
  mulai: string;
  selesai: string;
}

/** A stopped SLA timer: one stay of a document in a waiting state. */
export interface ClosedStepFact {
  workflow: string;
  state: string;
  label?: string | null;
  enteredAt: Date;
  leftAt: Date;
  dueAt: Date;
  calendar: 'business' | '24x7';
}

export interface OpenTimerFact {
  workflow: string;
  state: string;
  label?: string | null;
  documentId: string;
  dueAt: Date;
}

export interface AuditFact {
  peristiwa: string;
  jenisKonten: string | null;
  dokumenId: string | null;
  dari: string | null;
  ke: string | null;
  waktu: Date;
  catatan: string | null;
  aktorEmail: string | null;
}

export interface DipFact {
  documentId: string;
  nomor: string;
  judul: string;
  kategori: string;
  /** when its Indonesian version last went online; null = not online */
  lastPublishedAt: Date | null;
}

export interface ScheduledFact {
  documentId: string;
  judul: string;
  jadwalTayang: Date;
  tayangPada: Date | null;
  statusAlur: string;
  /** why it failed (the note of its step to `gagal`) */
  alasan?: string | null;
}

export interface FollowUpFact {
  notulen: string;
  tanggalRapat: Date;
  deskripsi: string;
  /** local date YYYY-MM-DD */
  tenggat: string;
  status: string;
  /** local date YYYY-MM-DD */
  tanggalSelesai: string | null;
}

export interface FiguresInput {
  period: Period;
  now: Date;
  calendar: BusinessCalendar;
  steps: ClosedStepFact[];
  openTimers: OpenTimerFact[];
  events: AuditFact[];
  /** DIP entries the period's events name, and every published berkala entry */
  dip: DipFact[];
  berkalaRefreshMonths: number;
  scheduled: ScheduledFact[];
  followUps: FollowUpFact[];
  /** null: the request register is not in use */
  requests: { requests: RequestFact[]; objections: ObjectionFact[] } | null;
  /** readable names of workflows and states, for the tables */
  labels?: (workflow: string, state: string) => { alur: string; keadaan: string };
}

export const DIP_UID = 'api::dip-document.dip-document';
/** Audit events the report module writes when a DIP locale goes online (see glue). */
export const PUBLISHED_FIRST = 'diterbitkan';
export const PUBLISHED_AGAIN = 'diterbitkan_ulang';
/** An item that goes online at most this long after its time counts as on time (the cron runs every minute). */
export const ON_TIME_TOLERANCE_MS = 15 * 60_000;
const LIST_LIMIT = 200;
export const DIP_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;

export interface SlaRow {
  alur: string;
  keadaan: string;
  workflow: string;
  state: string;
  jumlah: number;
  terpenuhi: number;
  terlambat: number;
  medianMenitKerja: number | null;
  terlamaMenitKerja: number | null;
}

export interface Figures {
  versi: number;
  periode: Period;
  acuan: string;
  sla: SlaRow[];
  terlambatSekarang: { jumlah: number; rincian: { alur: string; keadaan: string; jumlah: number }[] };
  dip: { perKategori: { kategori: string; terbit: number; diperbarui: number }[]; terbit: number; diperbarui: number };
  berkalaUsang: { jumlah: number; batasBulan: number; entri: { nomor: string; judul: string; terakhirTerbit: string | null }[] };
  terjadwal: { tepatWaktu: number; terlambat: number; gagal: number; belumTayang: number; gagalRincian: { judul: string; alasan: string | null }[] };
  tindakLanjut: { selesai: number; terbuka: number; lewatTenggat: number };
  dikembalikanKoordinator: { jumlah: number; entri: { nomor: string; judul: string; waktu: string; alasan: string | null; oleh: string | null }[] };
  permohonan: null | {
    jumlahPermohonan: number;
    selesai: number;
    dalamProses: number;
    diperpanjang: number;
    keputusan: Record<string, number>;
    medianHariKerja: number | null;
    tepatWaktu: number;
    keberatan: number;
    jumlahLayanan: number;
  };
}

const DAY = 86_400_000;

/** The instants [start, end) of a period of local dates. */
export function periodBounds(period: Period, utcOffsetMinutes: number): { start: Date; end: Date } {
  const at = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`Tanggal periode tidak sah: "${d}"`);
    return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - utcOffsetMinutes * 60_000;
  };
  const start = at(period.mulai);
  const end = at(period.selesai) + DAY;
  if (!(end > start)) throw new Error('Periode berakhir sebelum dimulai');
  return { start: new Date(start), end: new Date(end) };
}

/** The calendar month (local) before the one `now` falls in. */
export function previousMonth(now: Date, utcOffsetMinutes: number): Period {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 0));
  return { mulai: first.toISOString().slice(0, 10), selesai: last.toISOString().slice(0, 10) };
}

/** The semester (Jan–Jun, Jul–Dec, local) that ended last before `now`. */
export function previousSemester(now: Date, utcOffsetMinutes: number): Period {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  return local.getUTCMonth() < 6 ? { mulai: `${y - 1}-07-01`, selesai: `${y - 1}-12-31` } : { mulai: `${y}-01-01`, selesai: `${y}-06-30` };
}

const within = (d: Date, b: { start: Date; end: Date }) => d.getTime() >= b.start.getTime() && d.getTime() < b.end.getTime();
const defaultLabels = (workflow: string, state: string) => ({ alur: workflow, keadaan: state });

export function computeFigures(input: FiguresInput): Figures {
  const cal = input.calendar;
  const bounds = periodBounds(input.period, cal.utcOffsetMinutes);
  // Figures "as of" the end of the period, or now for the running period.
  const ref = new Date(Math.min(input.now.getTime(), bounds.end.getTime()));
  const refDate = localDateOf(new Date(ref.getTime() - 1), cal);
  const labels = input.labels ?? defaultLabels;

  // SLA per procedure step: stays that ended in the period, judged on their own calendar.
  const groups = new Map<string, { workflow: string; state: string; label: string | null; minutes: number[]; met: number; breached: number }>();
  for (const s of input.steps) {
    if (!within(s.leftAt, bounds)) continue;
    const key = `${s.workflow}\u0000${s.state}`;
    const g = groups.get(key) ?? { workflow: s.workflow, state: s.state, label: s.label ?? null, minutes: [], met: 0, breached: 0 };
    const closed = closeTimer(s.enteredAt, s.leftAt, s.dueAt, calendarFor({ calendar: s.calendar } as never, cal));
    g.minutes.push(closed.businessMinutes);
    if (closed.met) g.met++;
    else g.breached++;
    groups.set(key, g);
  }
  const sla: SlaRow[] = [...groups.values()]
    .map((g) => ({
      ...labels(g.workflow, g.state),
      // Obligations are named by their timer (e.g. "Pemutakhiran informasi berkala").
      ...(g.workflow === 'kewajiban' && g.label ? { keadaan: g.label } : {}),
      workflow: g.workflow,
      state: g.state,
      jumlah: g.minutes.length,
      terpenuhi: g.met,
      terlambat: g.breached,
      medianMenitKerja: median(g.minutes),
      terlamaMenitKerja: g.minutes.length ? Math.max(...g.minutes) : null,
    }))
    .sort((a, b) => a.workflow.localeCompare(b.workflow) || a.state.localeCompare(b.state));

  // Overdue now: open timers past their due time.
  const overdue = new Map<string, { alur: string; keadaan: string; jumlah: number }>();
  let overdueCount = 0;
  for (const t of input.openTimers) {
    if (t.dueAt.getTime() >= input.now.getTime()) continue;
    overdueCount++;
    const key = `${t.workflow}\u0000${t.state}`;
    const row = overdue.get(key) ?? { ...labels(t.workflow, t.state), jumlah: 0 };
    if (t.label && t.workflow === 'kewajiban') row.keadaan = t.label;
    row.jumlah++;
    overdue.set(key, row);
  }

  const dipById = new Map(input.dip.map((d) => [d.documentId, d]));
  const periodEvents = input.events.filter((e) => within(e.waktu, bounds));

  // DIP entries that went online for the first time / again, per category (each entry once per kind).
  const first = new Map<string, Set<string>>();
  const again = new Map<string, Set<string>>();
  for (const c of DIP_CATEGORIES) {
    first.set(c, new Set());
    again.set(c, new Set());
  }
  for (const e of periodEvents) {
    if (e.jenisKonten !== DIP_UID || !e.dokumenId) continue;
    const kind = e.peristiwa === PUBLISHED_FIRST ? first : e.peristiwa === PUBLISHED_AGAIN ? again : null;
    if (!kind) continue;
    const cat = dipById.get(e.dokumenId)?.kategori ?? 'tidak_diketahui';
    if (!kind.has(cat)) {
      first.set(cat, first.get(cat) ?? new Set());
      again.set(cat, again.get(cat) ?? new Set());
    }
    kind.get(cat)!.add(e.dokumenId);
  }
  const perKategori = [...first.keys()].map((kategori) => ({ kategori, terbit: first.get(kategori)!.size, diperbarui: again.get(kategori)!.size }));

  // Stale berkala entries: online, and not refreshed within the configured months as of `ref`.
  const stale = input.dip
    .filter((d) => d.kategori === 'berkala' && d.lastPublishedAt)
    .filter((d) => addCalendarMonths(d.lastPublishedAt!, input.berkalaRefreshMonths, cal.utcOffsetMinutes).getTime() < ref.getTime())
    .sort((a, b) => a.lastPublishedAt!.getTime() - b.lastPublishedAt!.getTime());

  // Scheduled items whose time fell in the period.
  const terjadwal = { tepatWaktu: 0, terlambat: 0, gagal: 0, belumTayang: 0, gagalRincian: [] as { judul: string; alasan: string | null }[] };
  for (const s of input.scheduled) {
    if (!within(s.jadwalTayang, bounds)) continue;
    if (s.statusAlur === 'tayang' && s.tayangPada) {
      if (s.tayangPada.getTime() <= s.jadwalTayang.getTime() + ON_TIME_TOLERANCE_MS) terjadwal.tepatWaktu++;
      else terjadwal.terlambat++;
    } else if (s.statusAlur === 'gagal') {
      terjadwal.gagal++;
      if (terjadwal.gagalRincian.length < LIST_LIMIT) terjadwal.gagalRincian.push({ judul: s.judul, alasan: s.alasan ?? null });
    } else if (s.statusAlur !== 'dibatalkan' && s.jadwalTayang.getTime() < ref.getTime()) {
      terjadwal.belumTayang++;
    }
  }

  // Minutes' follow-ups: closed in the period, open at its end, and open past their due date.
  const tindakLanjut = { selesai: 0, terbuka: 0, lewatTenggat: 0 };
  for (const f of input.followUps) {
    if (f.tanggalRapat.getTime() >= ref.getTime()) continue;
    const closedOn = f.status === 'selesai' ? f.tanggalSelesai ?? input.period.mulai : null;
    if (closedOn && closedOn < input.period.mulai) continue;
    if (closedOn && closedOn <= refDate) {
      tindakLanjut.selesai++;
      continue;
    }
    tindakLanjut.terbuka++;
    if (f.tenggat < refDate) tindakLanjut.lewatTenggat++;
  }

  // DIP entries the Koordinator sent back, with the reasons.
  const sentBack = periodEvents
    .filter((e) => e.jenisKonten === DIP_UID && e.ke === 'dikembalikan' && e.dari === 'menunggu_persetujuan')
    .sort((a, b) => a.waktu.getTime() - b.waktu.getTime());

  let permohonan: Figures['permohonan'] = null;
  if (input.requests) {
    const year = Number(input.period.mulai.slice(0, 4));
    const inPeriod = <T>(rows: T[], at: (r: T) => Date) => rows.filter((r) => within(at(r), bounds));
    const rs = inPeriod(input.requests.requests, (r) => r.receivedAt);
    const os = inPeriod(input.requests.objections, (o) => o.filedAt);
    const st = computeStatistics(year, rs, os, cal);
    permohonan = {
      jumlahPermohonan: st.jumlahPermohonan,
      selesai: st.selesai,
      dalamProses: st.dalamProses,
      diperpanjang: st.diperpanjang,
      keputusan: { ...st.keputusan },
      medianHariKerja: st.medianHariKerja,
      tepatWaktu: st.tepatWaktu,
      keberatan: st.keberatan.jumlah,
      jumlahLayanan: st.jumlahPermohonan + st.keberatan.jumlah,
    };
  }

  return {
    versi: FIGURES_VERSION,
    periode: { ...input.period },
    acuan: ref.toISOString(),
    sla,
    terlambatSekarang: { jumlah: overdueCount, rincian: [...overdue.values()].sort((a, b) => b.jumlah - a.jumlah) },
    dip: {
      perKategori,
      terbit: perKategori.reduce((n, r) => n + r.terbit, 0),
      diperbarui: perKategori.reduce((n, r) => n + r.diperbarui, 0),
    },
    berkalaUsang: {
      jumlah: stale.length,
      batasBulan: input.berkalaRefreshMonths,
      entri: stale.slice(0, LIST_LIMIT).map((d) => ({ nomor: d.nomor, judul: d.judul, terakhirTerbit: d.lastPublishedAt ? d.lastPublishedAt.toISOString() : null })),
    },
    terjadwal,
    tindakLanjut,
    dikembalikanKoordinator: {
      jumlah: sentBack.length,
      entri: sentBack.slice(0, LIST_LIMIT).map((e) => ({
        nomor: dipById.get(e.dokumenId ?? '')?.nomor ?? e.dokumenId ?? '',
        judul: dipById.get(e.dokumenId ?? '')?.judul ?? '',
        waktu: e.waktu.toISOString(),
        alasan: e.catatan,
        oleh: e.aktorEmail,
      })),
    },
    permohonan,
  };
}
