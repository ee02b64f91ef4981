/**
 * Loads the facts of one period for the pure figures module. Every query is bounded by the period
 * through an index (audit events by type and time, timers by closing time, scheduled items by
 * their time), so the cost follows the period's events, not the length of the trail.
 */
import { ensureIndex } from '../db/indexes';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { AUDIT_UID } from '../audit/trail';
import { workflowRuntime } from '../workflow';
import { TIMER_UID } from '../workflow/timers';
import type { ObjectionFact, Outcome, RequestFact } from '../permohonan/statistics';
import {
  DIP_UID,
  PUBLISHED_AGAIN,
  PUBLISHED_FIRST,
  computeFigures,
  periodBounds,
  type AuditFact,
  type DipFact,
  type Figures,
  type FiguresInput,
  type FollowUpFact,
  type Period,
  type ScheduledFact,
} from './figures';

const SCHEDULED_UID = 'api::konten-terjadwal.konten-terjadwal';
const MINUTES_UID = 'api::notulen.notulen';
const REQUEST_UID = 'api::permohonan-informasi.permohonan-informasi';
const OBJECTION_UID = 'api::keberatan.keberatan';
const FINAL = new Set(['dikabulkan', 'dikabulkan_sebagian', 'ditolak', 'tidak_dikuasai', 'diteruskan']);
const CHUNK = 500;

const exists = (strapi: Core.Strapi, uid: string) => Boolean((strapi.contentTypes as Record<string, unknown>)[uid]);
const date = (v: unknown): Date | null => (v ? new Date(v as string) : null);
const localDate = (v: unknown): string | null => (v ? String(v).slice(0, 10) : null);

/** Indexes the period queries use; created at bootstrap (idempotent). */
export async function ensureReportIndexes(strapi: Core.Strapi): Promise<void> {
  await ensureIndex(strapi, AUDIT_UID, { name: 'type_time_idx', attributes: ['jenisKonten', 'waktu'] });
  // Closed timers only (a partial index): the sweeper's query for open timers (`ditutup_pada IS
  // NULL`, by due time) must keep planning on its own due index, which a full index on this
  // column would take from it on SQLite.
  const timers = strapi.db.metadata.get(TIMER_UID) as any;
  await strapi.db.connection.raw(`DROP INDEX IF EXISTS ${timers.tableName}_closed_idx`);
  await ensureIndex(strapi, TIMER_UID, { name: 'closed_at_idx', attributes: ['ditutupPada'], whereNotNull: 'ditutupPada' });
  await ensureIndex(strapi, SCHEDULED_UID, { name: 'time_idx', attributes: ['jadwalTayang'] });
}

async function chunked<T>(ids: string[], load: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/** The facts of a period, as the pure module wants them. */
export async function loadFacts(strapi: Core.Strapi, period: Period, now: Date): Promise<FiguresInput> {
  const config = strapi.config.get('ppid') as PpidConfig;
  const runtime = workflowRuntime(strapi);
  const calendar = await runtime.calendars.get();
  const { start, end } = periodBounds(period, calendar.utcOffsetMinutes);
  const ref = new Date(Math.min(now.getTime(), end.getTime()));
  const range = { $gte: start.toISOString(), $lt: end.toISOString() };

  const closed = await strapi.db.query(TIMER_UID).findMany({
    where: { ditutupPada: range },
    select: ['jenisKonten', 'keadaan', 'label', 'kalender', 'mulai', 'jatuhTempo', 'ditutupPada'],
  });
  const open = await strapi.db.query(TIMER_UID).findMany({
    where: { ditutupPada: { $null: true }, jatuhTempo: { $lt: now.toISOString() } },
    select: ['jenisKonten', 'keadaan', 'label', 'dokumenId', 'jatuhTempo'],
  });

  const events: AuditFact[] = (
    await strapi.db.query(AUDIT_UID).findMany({
      where: {
        jenisKonten: DIP_UID,
        waktu: range,
        $or: [{ peristiwa: { $in: [PUBLISHED_FIRST, PUBLISHED_AGAIN] } }, { ke: 'dikembalikan' }],
      },
      select: ['peristiwa', 'jenisKonten', 'dokumenId', 'dari', 'ke', 'waktu', 'catatan', 'aktorEmail'],
      orderBy: { waktu: 'asc' },
    })
  ).map((e: any) => ({ ...e, waktu: new Date(e.waktu) }));

  const dipRow = (r: any): DipFact => ({
    documentId: r.documentId,
    nomor: r.nomor,
    judul: r.judul,
    kategori: r.kategori,
    lastPublishedAt: date(r.publishedAt),
  });
  const ids = [...new Set(events.map((e) => e.dokumenId).filter((d): d is string => Boolean(d)))];
  const named = await chunked(ids, (part) =>
    strapi.db.query(DIP_UID).findMany({ where: { documentId: { $in: part }, locale: 'id', publishedAt: { $null: true } }, select: ['documentId', 'nomor', 'judul', 'kategori'] }),
  );
  const berkala = await strapi.db.query(DIP_UID).findMany({
    where: { kategori: 'berkala', locale: 'id', publishedAt: { $notNull: true } },
    select: ['documentId', 'nomor', 'judul', 'kategori', 'publishedAt'],
  });
  const dip = new Map<string, DipFact>();
  for (const r of named) dip.set(r.documentId, { ...dipRow(r), lastPublishedAt: null });
  for (const r of berkala) dip.set(r.documentId, dipRow(r));

  const scheduledRows = exists(strapi, SCHEDULED_UID)
    ? await strapi.db.query(SCHEDULED_UID).findMany({ where: { jadwalTayang: range }, select: ['documentId', 'judul', 'jadwalTayang', 'tayangPada', 'statusAlur'] })
    : [];
  const scheduled: ScheduledFact[] = [];
  for (const s of scheduledRows as any[]) {
    let alasan: string | null = null;
    if (s.statusAlur === 'gagal') {
      const e = await strapi.db.query(AUDIT_UID).findOne({ where: { jenisKonten: SCHEDULED_UID, dokumenId: s.documentId, ke: 'gagal' }, orderBy: { seq: 'desc' }, select: ['catatan'] });
      alasan = e?.catatan ?? null;
    }
    scheduled.push({ documentId: s.documentId, judul: s.judul, jadwalTayang: new Date(s.jadwalTayang), tayangPada: date(s.tayangPada), statusAlur: s.statusAlur, alasan });
  }

  // Minutes held before the reference time, except those closed (selesai) before the period.
  const minutes = exists(strapi, MINUTES_UID)
    ? await strapi.db.query(MINUTES_UID).findMany({
        where: { tanggalRapat: { $lt: ref.toISOString() }, $or: [{ statusAlur: { $ne: 'selesai' } }, { updatedAt: { $gte: start.toISOString() } }] },
        select: ['judul', 'tanggalRapat'],
        populate: { tindakLanjut: true },
      })
    : [];
  const followUps: FollowUpFact[] = (minutes as any[]).flatMap((m) =>
    (m.tindakLanjut ?? []).map((t: any) => ({
      notulen: m.judul,
      tanggalRapat: new Date(m.tanggalRapat),
      deskripsi: t.deskripsi,
      tenggat: localDate(t.tenggat) ?? period.selesai,
      status: t.status,
      tanggalSelesai: localDate(t.tanggalSelesai),
    })),
  );

  let requests: FiguresInput['requests'] = null;
  if (exists(strapi, REQUEST_UID) && (await strapi.db.query(REQUEST_UID as any).count({})) > 0) {
    const rs = await strapi.db.query(REQUEST_UID as any).findMany({
      where: { diterimaPada: range },
      select: ['diterimaPada', 'dijawabPada', 'batasWaktu', 'statusAlur', 'diperpanjang'],
    });
    const os = exists(strapi, OBJECTION_UID)
      ? await strapi.db.query(OBJECTION_UID as any).findMany({ where: { diajukanPada: range }, select: ['diajukanPada', 'alasan', 'ditanggapiPada', 'statusAlur', 'keKomisiInformasi'] })
      : [];
    requests = {
      requests: rs.map(
        (r: any): RequestFact => ({
          receivedAt: new Date(r.diterimaPada),
          answeredAt: r.dijawabPada && FINAL.has(r.statusAlur) ? new Date(r.dijawabPada) : null,
          deadline: new Date(r.batasWaktu),
          outcome: FINAL.has(r.statusAlur) && r.dijawabPada ? (r.statusAlur as Outcome) : null,
          extended: Boolean(r.diperpanjang),
        }),
      ),
      objections: os.map(
        (o: any): ObjectionFact => ({
          filedAt: new Date(o.diajukanPada),
          grounds: o.alasan,
          answeredAt: date(o.ditanggapiPada),
          outcome: o.statusAlur === 'diajukan' ? null : o.statusAlur,
          toCommission: Boolean(o.keKomisiInformasi),
        }),
      ),
    };
  }

  const labels = (workflow: string, state: string) => {
    const def = runtime.registry.byUid.get(workflow);
    if (!def) return { alur: workflow === 'kewajiban' ? 'Kewajiban berkala' : workflow, keadaan: state };
    const name = (strapi.contentTypes as any)[workflow]?.info?.displayName ?? def.name;
    return { alur: name, keadaan: def.states[state]?.label ?? state };
  };

  return {
    period,
    now,
    calendar,
    steps: (closed as any[]).map((t) => ({
      workflow: t.jenisKonten,
      state: t.keadaan,
      label: t.label,
      enteredAt: new Date(t.mulai),
      leftAt: new Date(t.ditutupPada),
      dueAt: new Date(t.jatuhTempo),
      calendar: t.kalender === '24x7' ? '24x7' : 'business',
    })),
    openTimers: (open as any[]).map((t) => ({ workflow: t.jenisKonten, state: t.keadaan, label: t.label, documentId: t.dokumenId, dueAt: new Date(t.jatuhTempo) })),
    events,
    dip: [...dip.values()],
    berkalaRefreshMonths: config.recurring.berkalaRefreshMonths,
    scheduled,
    followUps,
    requests,
    labels,
  };
}

export async function loadFigures(strapi: Core.Strapi, period: Period, now: Date = new Date()): Promise<Figures> {
  return computeFigures(await loadFacts(strapi, period, now));
}
