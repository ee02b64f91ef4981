/**
 * A granted answer made public (seed 000: "pemberian dan penginputan data di web"): the decision
 * whether a request may become a DIP draft, and the draft's fields prefilled from the request and
 * its answer. Pure: the caller passes the request row and the officer's optional corrections.
 *
 * The draft never carries the requester's identity (name, NIK, contact); it starts as a draft in
 * the DIP workflow's initial state and goes online only through the Koordinator's approval.
 */

/** Outcomes whose information was given and so may be published. */
export const PUBLISHABLE_OUTCOMES: readonly string[] = ['dikabulkan', 'dikabulkan_sebagian'];
/** Categories a published answer may take (an exempt entry is never the result of a granted answer). */
export const DRAFT_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat'] as const;

export interface RequestForDraft {
  nomorRegistrasi: string;
  statusAlur: string;
  rincianInformasi: string;
  caraMemperoleh?: string | null;
  catatanJawaban?: string | null;
  dijawabPada?: string | Date | null;
  /** the DIP entry already published from this request, if any */
  dipTerbit?: { nomor?: string | null; documentId?: string | null } | null;
}

/** Optional corrections the officer sends with the action (all strings, all optional). */
export interface DraftOverrides {
  nomor?: unknown;
  judul?: unknown;
  ringkasan?: unknown;
  kategori?: unknown;
  pejabatPenguasa?: unknown;
  penanggungJawab?: unknown;
  jangkaWaktuPenyimpanan?: unknown;
}

export interface DipDraftData {
  nomor: string;
  judul: string;
  ringkasan: string;
  kategori: (typeof DRAFT_CATEGORIES)[number];
  pejabatPenguasa: string;
  penanggungJawab: string;
  bentukInformasi: 'softcopy' | 'hardcopy';
  jangkaWaktuPenyimpanan: string;
  tahun: string;
  waktuPembuatan: string;
}

export interface DraftDefaults {
  pejabatPenguasa: string;
  penanggungJawab: string;
  jangkaWaktuPenyimpanan: string;
  /** minutes east of UTC of the office's clock (WIB: 420) */
  utcOffsetMinutes: number;
}

export type DraftRefusal = { status: 400 | 409 | 422; message: string; errors?: { path: string[]; message: string }[] };
export type DraftPlan = { ok: true; data: DipDraftData } | { ok: false; refusal: DraftRefusal };

const LIMITS = { nomor: 100, judul: 300, ringkasan: 5000, pejabatPenguasa: 200, penanggungJawab: 200, jangkaWaktuPenyimpanan: 100 } as const;
const OVERRIDE_FIELDS = ['nomor', 'judul', 'ringkasan', 'kategori', 'pejabatPenguasa', 'penanggungJawab', 'jangkaWaktuPenyimpanan'];

const LABELS: Record<string, string> = {
  nomor: 'Nomor DIP',
  judul: 'Judul',
  ringkasan: 'Ringkasan',
  pejabatPenguasa: 'Pejabat penguasa informasi',
  penanggungJawab: 'Penanggung jawab',
  jangkaWaktuPenyimpanan: 'Jangka waktu penyimpanan',
};

const OUTCOME_LABELS: Record<string, string> = {
  diterima: 'baru diterima',
  diproses: 'masih diproses',
  diperpanjang: 'masih diproses (diperpanjang)',
  ditolak: 'ditolak',
  tidak_dikuasai: 'informasi tidak dikuasai',
  diteruskan: 'diteruskan ke badan publik lain',
};

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function localDate(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The DIP number proposed for a request: "PI/<registration number>" (the officer may change it). */
export function proposedDipNumber(nomorRegistrasi: string): string {
  return `PI/${nomorRegistrasi}`.slice(0, LIMITS.nomor);
}

/**
 * Whether the request may become a DIP draft, and the draft's data. Refused (nothing to write):
 * an outcome other than granted / partly granted, a request already linked to a DIP entry, an
 * unknown or malformed correction, an exempt category.
 */
export function planDipDraft(request: RequestForDraft, overrides: unknown, defaults: DraftDefaults, now: Date): DraftPlan {
  if (!PUBLISHABLE_OUTCOMES.includes(request.statusAlur)) {
    const state = OUTCOME_LABELS[request.statusAlur] ?? request.statusAlur;
    return {
      ok: false,
      refusal: {
        status: 422,
        message: `Hanya permohonan yang dikabulkan atau dikabulkan sebagian yang dapat diterbitkan sebagai DIP; permohonan ${request.nomorRegistrasi} ${state}.`,
      },
    };
  }
  if (request.dipTerbit) {
    return {
      ok: false,
      refusal: {
        status: 409,
        message: `Permohonan ${request.nomorRegistrasi} sudah ditautkan ke entri DIP ${request.dipTerbit.nomor ?? request.dipTerbit.documentId ?? ''}`.trimEnd() + '; tidak dibuat entri kedua.',
      },
    };
  }
  const raw = overrides === undefined || overrides === null ? {} : overrides;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, refusal: { status: 400, message: 'Isian koreksi DIP harus berupa objek JSON.' } };
  }
  const errors: { path: string[]; message: string }[] = [];
  const given = raw as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!OVERRIDE_FIELDS.includes(key)) errors.push({ path: [key], message: `Kolom "${key}" tidak dikenal.` });
  }
  const text = (key: keyof typeof LIMITS): string | undefined => {
    const v = given[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      errors.push({ path: [key], message: `${LABELS[key]} harus berupa teks.` });
      return undefined;
    }
    if (v.trim().length > LIMITS[key]) {
      errors.push({ path: [key], message: `${LABELS[key]} terlalu panjang (maksimal ${LIMITS[key]} karakter).` });
      return undefined;
    }
    return v.trim();
  };
  const nomor = text('nomor');
  const judul = text('judul');
  const ringkasan = text('ringkasan');
  const pejabatPenguasa = text('pejabatPenguasa');
  const penanggungJawab = text('penanggungJawab');
  const jangkaWaktuPenyimpanan = text('jangkaWaktuPenyimpanan');
  let kategori: DipDraftData['kategori'] = 'setiap_saat';
  if (given.kategori !== undefined && given.kategori !== null && given.kategori !== '') {
    if (given.kategori === 'dikecualikan') {
      errors.push({ path: ['kategori'], message: 'Informasi yang diberikan kepada pemohon tidak dapat diterbitkan sebagai informasi dikecualikan.' });
    } else if (!(DRAFT_CATEGORIES as readonly unknown[]).includes(given.kategori)) {
      errors.push({ path: ['kategori'], message: 'Kategori harus berkala, serta_merta, atau setiap_saat.' });
    } else {
      kategori = given.kategori as DipDraftData['kategori'];
    }
  }
  if (errors.length) {
    return { ok: false, refusal: { status: 400, message: errors.map((e) => e.message).join(' '), errors } };
  }

  const answeredAt = request.dijawabPada ? new Date(request.dijawabPada) : now;
  const day = localDate(Number.isNaN(answeredAt.getTime()) ? now : answeredAt, defaults.utcOffsetMinutes);
  const partly = request.statusAlur === 'dikabulkan_sebagian';
  const summary = [
    shorten(request.rincianInformasi, 3500),
    `Informasi ini diberikan atas permohonan informasi nomor ${request.nomorRegistrasi}${partly ? ' (dikabulkan sebagian)' : ''}.`,
    partly && request.catatanJawaban ? `Bagian yang tidak diberikan: ${shorten(request.catatanJawaban, 1200)}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    ok: true,
    data: {
      nomor: nomor ?? proposedDipNumber(request.nomorRegistrasi),
      judul: judul ?? shorten(request.rincianInformasi.split('\n')[0] ?? request.rincianInformasi, LIMITS.judul),
      ringkasan: ringkasan ?? summary,
      kategori,
      pejabatPenguasa: pejabatPenguasa ?? defaults.pejabatPenguasa,
      penanggungJawab: penanggungJawab ?? defaults.penanggungJawab,
      bentukInformasi: request.caraMemperoleh === 'salinan_hardcopy' ? 'hardcopy' : 'softcopy',
      jangkaWaktuPenyimpanan: jangkaWaktuPenyimpanan ?? defaults.jangkaWaktuPenyimpanan,
      tahun: day.slice(0, 4),
      waktuPembuatan: day,
    },
  };
}
