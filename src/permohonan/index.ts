/**
 * Strapi glue of information requests and objections: numbering, dates and legal deadlines on
 * every create; system fields kept out of reach of editors and code; the requester e-mailed at
 * each step; public submission, tracking and statistics; erasure of personal data after the
 * retention period. The decisions live in rules.ts and statistics.ts (pure).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { requestsConfig, type PpidConfig } from '../config/ppid-config';
import { workflowRuntime } from '../workflow';
import { formatWib } from '../workflow/notify';
import { runAsSystem, systemReason } from '../workflow/system-context';
import { addCalendarMonths } from '../workflow/sla';
import { AUDIT_UID } from '../audit/trail';
import { ensureCounterTable, nextSequence } from './counter';
import { notifyRequester } from './notify';
import { PUBLISHABLE_OUTCOMES } from './dip-draft';
import {
  OBJECTION_GROUNDS,
  answerDeadline,
  extendedDeadline,
  formatRegistrationNumber,
  hashTrackingCode,
  isObjectionInTime,
  newTrackingCode,
  objectionAnswerDeadline,
  objectionFilingDeadline,
  trackingCodeMatches,
  type RequestInput,
} from './rules';
import { computeStatistics, type ObjectionFact, type Outcome, type RequestFact } from './statistics';
import { localDateOf } from '../workflow/calendar';
// export.ts reads this module's exports at call time only, so the import cycle is harmless.
import { registerRoutes } from './export';

export const REQUEST_UID = 'api::permohonan-informasi.permohonan-informasi';
export const OBJECTION_UID = 'api::keberatan.keberatan';
const DIP_UID = 'api::dip-document.dip-document';

/** Set only by the system, whatever an editor, a token or code sends. */
const REQUEST_SYSTEM_FIELDS = [
  'nomorRegistrasi', 'tahun', 'urutan', 'kodeLacakHash', 'diterimaPada', 'batasWaktu', 'diperpanjang',
  'alasanPerpanjangan', 'dijawabPada', 'dianonimkanPada',
];
const OBJECTION_SYSTEM_FIELDS = ['nomorRegistrasi', 'tahun', 'urutan', 'diajukanPada', 'batasTanggapan', 'ditanggapiPada'];
export const REQUEST_PERSONAL_FIELDS = ['nama', 'nomorIdentitas', 'alamat', 'telepon', 'email', 'pekerjaan'];

export const STATE_LABELS: Record<string, string> = {
  diterima: 'Diterima',
  diproses: 'Sedang diproses',
  diperpanjang: 'Diperpanjang 7 hari kerja',
  dikabulkan: 'Dikabulkan',
  dikabulkan_sebagian: 'Dikabulkan sebagian',
  ditolak: 'Ditolak',
  tidak_dikuasai: 'Informasi tidak dikuasai',
  diteruskan: 'Diteruskan ke badan publik lain',
};
const FINAL = new Set(['dikabulkan', 'dikabulkan_sebagian', 'ditolak', 'tidak_dikuasai', 'diteruskan']);

const config = (strapi: Core.Strapi) => requestsConfig(strapi.config.get('ppid') as PpidConfig);
const calendar = (strapi: Core.Strapi) => workflowRuntime(strapi).calendars.get();

function yearOf(d: Date, utcOffsetMinutes: number): number {
  return new Date(d.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
}

/** Number, year and sequence of a new request or objection (inside the caller's transaction). */
async function allocateNumber(strapi: Core.Strapi, kind: 'permohonan' | 'keberatan', at: Date) {
  const offset = (strapi.config.get('ppid') as PpidConfig).calendar.utcOffsetMinutes;
  const tahun = yearOf(at, offset);
  const urutan = await nextSequence(strapi, `${kind}:${tahun}`);
  const format = kind === 'permohonan' ? config(strapi).numberFormat : config(strapi).objectionNumberFormat;
  return { tahun, urutan, nomorRegistrasi: formatRegistrationNumber(format, urutan, tahun) };
}

/**
 * Document Service middleware: a new request or objection gets its number and dates here, on
 * every path (public form, Content Manager, code); system fields are never taken from callers.
 */
export function requestsMiddleware(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid === DIP_UID) {
      // The request behind a DIP entry is set only by "Terbitkan sebagai DIP" (publish-dip.ts).
      const dip = ctx.params?.data as Record<string, any> | undefined;
      if (dip && systemReason() !== 'permohonan' && ['create', 'update', 'clone'].includes(ctx.action)) delete dip.permohonanAsal;
      if (ctx.action !== 'clone') return next();
      // A copy is another entry: it does not publish that request's answer (the request links the original).
      return strapi.db.transaction(async () => {
        const result = await next();
        const documentId = result?.documentId;
        if (documentId) {
          const rows = await strapi.db.query(DIP_UID as any).findMany({ where: { documentId }, select: ['id'], populate: { permohonanAsal: { select: ['id'] } } });
          for (const row of rows) if (row.permohonanAsal) await strapi.db.query(DIP_UID as any).update({ where: { id: row.id }, data: { permohonanAsal: null } });
        }
        return result;
      });
    }
    if (ctx.uid !== REQUEST_UID && ctx.uid !== OBJECTION_UID) return next();
    const system = systemReason() === 'permohonan';
    const data = ctx.params?.data as Record<string, any> | undefined;
    const systemFields = ctx.uid === REQUEST_UID ? REQUEST_SYSTEM_FIELDS : OBJECTION_SYSTEM_FIELDS;
    if (data && !system && ['create', 'update', 'clone'].includes(ctx.action)) {
      for (const field of systemFields) delete data[field];
    }
    if (ctx.action === 'clone') {
      throw new errors.ApplicationError('Permohonan dan keberatan tidak dapat diduplikasi: masing-masing punya nomor register sendiri.');
    }
    if (ctx.action === 'update' && ctx.uid === REQUEST_UID && !system) {
      return strapi.db.transaction(async () => {
        const result = await next();
        await checkExemptionLinks(strapi, result?.documentId ?? ctx.params.documentId);
        return result;
      });
    }
    if (ctx.action !== 'create' || system) return next();

    return strapi.db.transaction(async () => {
      const now = new Date();
      const cal = await calendar(strapi);
      if (ctx.uid === REQUEST_UID) {
        // Registered by the office (a request at the desk or by letter): same number series.
        Object.assign(data!, await allocateNumber(strapi, 'permohonan', now), {
          diterimaPada: now.toISOString(),
          batasWaktu: answerDeadline(now, cal).toISOString(),
          diperpanjang: false,
          saluran: data?.saluran && data.saluran !== 'daring' ? data.saluran : 'langsung',
        });
        const result = await next();
        await checkExemptionLinks(strapi, result?.documentId);
        return result;
      } else {
        const grounds = data?.tanggalAlasan ? new Date(data.tanggalAlasan) : null;
        if (!grounds || Number.isNaN(grounds.getTime())) {
          throw new errors.ValidationError('Tanggal alasan keberatan wajib diisi.', { errors: [{ path: ['tanggalAlasan'], message: 'Tanggal alasan keberatan wajib diisi.' }] });
        }
        if (!data?.permohonan || (Array.isArray(data.permohonan?.connect) && data.permohonan.connect.length === 0)) {
          throw new errors.ValidationError('Keberatan harus ditautkan ke permohonan informasinya.', { errors: [{ path: ['permohonan'], message: 'Pilih permohonan yang dikeberatani.' }] });
        }
        if (!isObjectionInTime(grounds, now, cal)) {
          const last = objectionFilingDeadline(grounds, cal);
          throw new errors.ValidationError(
            `Keberatan diajukan lewat dari 30 hari kerja sejak alasannya (batas ${formatWib(last)}); UU 14/2008 Pasal 36 ayat (1).`,
            { errors: [{ path: ['tanggalAlasan'], message: 'Lewat dari 30 hari kerja.' }] },
          );
        }
        Object.assign(data!, await allocateNumber(strapi, 'keberatan', now), {
          diajukanPada: now.toISOString(),
          batasTanggapan: objectionAnswerDeadline(now, cal).toISOString(),
        });
      }
      return next();
    });
  };
}

/**
 * A refusal rests on an exempt DIP entry and its consequence test: the *Dasar pengecualian* links
 * only `dikecualikan` entries (checked after the write, inside its transaction, whatever the
 * relation syntax the caller used).
 */
async function checkExemptionLinks(strapi: Core.Strapi, documentId: string | undefined): Promise<void> {
  if (!documentId) return;
  const row = await strapi.db.query(REQUEST_UID as any).findOne({
    where: { documentId },
    populate: { dasarPengecualian: { select: ['nomor', 'kategori'] }, dipTerbit: { select: ['nomor'] } },
  });
  if (row?.dipTerbit && !PUBLISHABLE_OUTCOMES.includes(row.statusAlur)) {
    const message = `"DIP terbit" hanya dapat diisi untuk permohonan yang dikabulkan atau dikabulkan sebagian (entri ${row.dipTerbit.nomor}).`;
    throw new errors.ValidationError(message, { errors: [{ path: ['dipTerbit'], message }] });
  }
  const wrong = (row?.dasarPengecualian ?? []).filter((d: any) => d.kategori !== 'dikecualikan');
  if (wrong.length) {
    const message = `Dasar pengecualian harus entri DIP berkategori "dikecualikan" (dengan uji konsekuensi); bukan: ${wrong.map((d: any) => d.nomor).join(', ')}.`;
    throw new errors.ValidationError(message, { errors: [{ path: ['dasarPengecualian'], message }] });
  }
}

/** Public submission: stores the request, returns its number and the tracking code (shown once). */
export async function submitRequest(strapi: Core.Strapi, input: RequestInput) {
  const code = newTrackingCode();
  const now = new Date();
  const cal = await calendar(strapi);
  const deadline = answerDeadline(now, cal);
  const created = await runAsSystem('permohonan', () =>
    strapi.db.transaction(async () => {
      const number = await allocateNumber(strapi, 'permohonan', now);
      return (strapi.documents(REQUEST_UID as any) as any).create({
        data: {
          ...input,
          ...number,
          saluran: 'daring',
          kodeLacakHash: hashTrackingCode(code),
          diterimaPada: now.toISOString(),
          batasWaktu: deadline.toISOString(),
          diperpanjang: false,
        },
      });
    }),
  );
  strapi.log.info(`[ppid] permohonan informasi ${created.nomorRegistrasi} diterima`);
  await notifyRequester(
    strapi,
    input.email,
    `Permohonan informasi ${created.nomorRegistrasi} diterima`,
    [
      `Permohonan informasi Anda telah kami terima dengan nomor registrasi ${created.nomorRegistrasi}.`,
      `Kode lacak: ${code} (simpan; kode ini tidak dapat ditampilkan lagi).`,
      `Jawaban paling lambat: ${formatWib(deadline)} (10 hari kerja, UU 14/2008 Pasal 22 ayat 7).`,
    ].join('\n'),
    created.nomorRegistrasi,
  );
  return { nomorRegistrasi: created.nomorRegistrasi as string, kodeLacak: code, diterimaPada: now.toISOString(), batasWaktu: deadline.toISOString() };
}

/** Status for the requester: never personal data. null when the number or the code is wrong. */
export async function trackRequest(strapi: Core.Strapi, nomor: string, kode: string) {
  // One query of the same shape whether the number exists or not (no relations), then the code
  // compared even when the number is unknown: a wrong code and an unknown number take the same work.
  const found = await strapi.db.query(REQUEST_UID as any).findOne({ where: { nomorRegistrasi: nomor }, select: ['id', 'kodeLacakHash'] });
  const matches = trackingCodeMatches(kode, found?.kodeLacakHash ?? null);
  if (!found || !matches) return null;
  const row = await strapi.db.query(REQUEST_UID as any).findOne({
    where: { id: found.id },
    select: ['nomorRegistrasi', 'statusAlur', 'diterimaPada', 'batasWaktu', 'diperpanjang', 'dijawabPada', 'diteruskanKepada', 'alasanPerpanjangan'],
    populate: { dasarPengecualian: { select: ['nomor', 'dasarHukumPengecualian'] }, dipTerbit: { select: ['documentId'] } },
  });
  if (!row) return null;
  const state: string = row.statusAlur;
  return {
    nomorRegistrasi: row.nomorRegistrasi,
    status: state,
    statusLabel: STATE_LABELS[state] ?? state,
    selesai: FINAL.has(state),
    diterimaPada: iso(row.diterimaPada),
    batasWaktu: iso(row.batasWaktu),
    diperpanjang: Boolean(row.diperpanjang),
    alasanPerpanjangan: row.diperpanjang ? row.alasanPerpanjangan ?? null : null,
    dijawabPada: iso(row.dijawabPada),
    keputusan: FINAL.has(state) ? STATE_LABELS[state] : null,
    dasarPengecualian: state === 'ditolak' ? (row.dasarPengecualian ?? []).map((d: any) => d.dasarHukumPengecualian || d.nomor) : [],
    diteruskanKepada: state === 'diteruskan' ? row.diteruskanKepada ?? null : null,
    // Where the answer was published, once it is online (approved, published, not exempt).
    dipTerbit: row.dipTerbit?.documentId ? await publishedDip(strapi, row.dipTerbit.documentId) : null,
  };
}

async function publishedDip(strapi: Core.Strapi, documentId: string): Promise<{ documentId: string; nomor: string; judul: string } | null> {
  const entry = await (strapi.documents(DIP_UID as any) as any).findFirst({
    filters: { documentId, kategori: { $ne: 'dikecualikan' } },
    status: 'published',
    locale: 'id',
    fields: ['documentId', 'nomor', 'judul'],
  });
  return entry ? { documentId: entry.documentId, nomor: entry.nomor, judul: entry.judul } : null;
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/** The year's figures (aggregates only). */
export async function requestStatistics(strapi: Core.Strapi, year: number) {
  const cal = await calendar(strapi);
  const offset = cal.utcOffsetMinutes * 60_000;
  const from = new Date(Date.UTC(year, 0, 1) - offset - 86_400_000).toISOString();
  const to = new Date(Date.UTC(year + 1, 0, 1) - offset + 86_400_000).toISOString();
  const requests = await strapi.db.query(REQUEST_UID as any).findMany({
    where: { diterimaPada: { $gte: from, $lt: to } },
    select: ['diterimaPada', 'dijawabPada', 'batasWaktu', 'statusAlur', 'diperpanjang'],
    populate: { dasarPengecualian: { select: ['dasarHukumPengecualian', 'nomor'] } },
  });
  const objections = await strapi.db.query(OBJECTION_UID as any).findMany({
    where: { diajukanPada: { $gte: from, $lt: to } },
    select: ['diajukanPada', 'alasan', 'ditanggapiPada', 'statusAlur', 'keKomisiInformasi'],
  });
  const requestFacts: RequestFact[] = requests.map((r: any) => ({
    receivedAt: new Date(r.diterimaPada),
    answeredAt: r.dijawabPada && FINAL.has(r.statusAlur) ? new Date(r.dijawabPada) : null,
    deadline: new Date(r.batasWaktu),
    outcome: FINAL.has(r.statusAlur) && r.dijawabPada ? (r.statusAlur as Outcome) : null,
    extended: Boolean(r.diperpanjang),
    refusalGround: r.statusAlur === 'ditolak' ? (r.dasarPengecualian ?? []).map((d: any) => d.dasarHukumPengecualian || d.nomor).join('; ') || null : null,
  }));
  const objectionFacts: ObjectionFact[] = objections.map((o: any) => ({
    filedAt: new Date(o.diajukanPada),
    grounds: o.alasan,
    answeredAt: o.ditanggapiPada ? new Date(o.ditanggapiPada) : null,
    outcome: o.statusAlur === 'diajukan' ? null : o.statusAlur,
    toCommission: Boolean(o.keKomisiInformasi),
  }));
  return computeStatistics(year, requestFacts, objectionFacts, cal);
}

/** The note of the step that just happened (the extension's reason, the answer's note). */
export async function latestNote(strapi: Core.Strapi, uid: string, documentId: string, to: string): Promise<string | null> {
  const event = await strapi.db.query(AUDIT_UID).findOne({
    where: { jenisKonten: uid, dokumenId: documentId, ke: to },
    orderBy: { seq: 'desc' },
    select: ['catatan'],
  });
  return event?.catatan ?? null;
}

/** Committed steps: dates and deadline on the record, the requester e-mailed. Retried on failure. */
export function subscribeRequestEvents(strapi: Core.Strapi): void {
  const events = workflowRuntime(strapi).service.events;
  events.subscribe('permohonan-informasi', async (event) => {
    if (event.def.uid !== REQUEST_UID) return;
    const query = strapi.db.query(REQUEST_UID as any);
    const row = await query.findOne({ where: { documentId: event.documentId } });
    if (!row) return;
    const cal = await calendar(strapi);
    const note = await latestNote(strapi, REQUEST_UID, event.documentId, event.to);
    const data: Record<string, unknown> = {};
    let text: string;
    if (event.to === 'diperpanjang') {
      if (row.diperpanjang) return; // already applied (a retried delivery)
      const deadline = extendedDeadline(new Date(row.batasWaktu), cal);
      Object.assign(data, { diperpanjang: true, alasanPerpanjangan: note, batasWaktu: deadline.toISOString() });
      text = `Jangka waktu jawaban atas permohonan ${row.nomorRegistrasi} diperpanjang 7 hari kerja (UU 14/2008 Pasal 22 ayat 8) sampai ${formatWib(deadline)}.\nAlasan: ${note ?? '-'}`;
    } else if (FINAL.has(event.to)) {
      if (row.dijawabPada) return;
      Object.assign(data, { dijawabPada: event.at.toISOString() });
      if (!row.tanggalPemberitahuan) data.tanggalPemberitahuan = localDateOf(event.at, cal);
      text = `Permohonan informasi ${row.nomorRegistrasi} telah dijawab: ${STATE_LABELS[event.to]}.\n${note ? `Keterangan: ${note}\n` : ''}Jika Anda tidak puas, Anda dapat mengajukan keberatan kepada atasan PPID dalam 30 hari kerja (UU 14/2008 Pasal 35–36).`;
    } else {
      text = `Permohonan informasi ${row.nomorRegistrasi}: ${STATE_LABELS[event.to] ?? event.to}. Batas waktu jawaban: ${formatWib(new Date(row.batasWaktu))}.`;
    }
    if (Object.keys(data).length) await query.update({ where: { id: row.id }, data });
    await notifyRequester(strapi, row.email, `Permohonan informasi ${row.nomorRegistrasi}: ${STATE_LABELS[event.to] ?? event.to}`, text, row.nomorRegistrasi);
  });

  events.subscribe('keberatan', async (event) => {
    if (event.def.uid !== OBJECTION_UID) return;
    const query = strapi.db.query(OBJECTION_UID as any);
    const row = await query.findOne({ where: { documentId: event.documentId }, populate: { permohonan: { select: ['email', 'nomorRegistrasi'] } } });
    if (!row || row.ditanggapiPada) return;
    const note = await latestNote(strapi, OBJECTION_UID, event.documentId, event.to);
    await query.update({
      where: { id: row.id },
      data: { ditanggapiPada: event.at.toISOString(), ...(row.tanggapanAtasan ? {} : { tanggapanAtasan: note }) },
    });
    const outcome = event.to === 'dikabulkan' ? 'dikabulkan' : 'ditolak';
    await notifyRequester(
      strapi,
      row.permohonan?.email,
      `Keberatan ${row.nomorRegistrasi}: ${outcome}`,
      `Atasan PPID telah menanggapi keberatan ${row.nomorRegistrasi} (${OBJECTION_GROUNDS[row.alasan as keyof typeof OBJECTION_GROUNDS] ?? row.alasan}): keberatan ${outcome}.\n${note ? `Tanggapan: ${note}\n` : ''}Jika Anda tidak puas, Anda dapat mengajukan sengketa informasi ke Komisi Informasi dalam 14 hari kerja (UU 14/2008 Pasal 37).`,
      row.nomorRegistrasi,
    );
  });
}

/**
 * Erases the requester's personal data of requests answered more than the retention period ago:
 * the register row stays (number, dates, information, decision), anonymised. Returns the count.
 */
export async function erasePersonalData(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const years = config(strapi).retentionYears;
  if (years === 0) return 0;
  const cutoff = addCalendarMonths(now, -12 * years);
  const query = strapi.db.query(REQUEST_UID as any);
  const rows = await query.findMany({
    where: { dijawabPada: { $lt: cutoff.toISOString() }, dianonimkanPada: { $null: true } },
    select: ['id'],
    populate: { lampiranKtp: { select: ['id'] } },
  });
  for (const row of rows) {
    await strapi.db.transaction(async () => {
      await query.update({
        where: { id: row.id },
        data: {
          nama: 'Dihapus (masa retensi berakhir)', nomorIdentitas: '-', alamat: '-', telepon: '-', email: '-', pekerjaan: '-',
          kodeLacakHash: null, lampiranKtp: null, dianonimkanPada: now.toISOString(),
        },
      });
      if (row.lampiranKtp?.id) {
        // The upload service needs the whole file row (provider, URL, formats) to delete its bytes.
        const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: row.lampiranKtp.id } });
        if (file) await strapi.plugin('upload').service('upload').remove(file);
      }
    });
  }
  if (rows.length) strapi.log.info(`[ppid] data pribadi ${rows.length} permohonan dihapus (masa retensi ${years} tahun)`);
  return rows.length;
}

export function registerRequests(strapi: Core.Strapi): void {
  strapi.documents.use(requestsMiddleware(strapi));
  strapi.server.routes(registerRoutes(strapi) as any);
}

export async function bootstrapRequests(strapi: Core.Strapi): Promise<void> {
  await ensureCounterTable(strapi);
  subscribeRequestEvents(strapi);
}
