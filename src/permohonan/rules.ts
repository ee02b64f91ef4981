/**
 * Information requests (permohonan informasi, UU 14/2008 Art. 21–22) and objections (keberatan,
 * Art. 35–36): validation of a public submission, the registration number, the legal deadlines
 * and the tracking code. Pure: no Strapi, every instant and the calendar are passed in.
 */
import crypto from 'node:crypto';
import { addWorkingDays, type Calendar } from '../workflow/calendar';

// ---------------------------------------------------------------------------------------------
// Legal deadlines (working days of the business calendar; the day of receipt is not counted).

export const ANSWER_WORKING_DAYS = 10; // Art. 22 (7): paling lambat 10 hari kerja
export const EXTENSION_WORKING_DAYS = 7; // Art. 22 (8): diperpanjang paling lambat 7 hari kerja
export const OBJECTION_FILING_WORKING_DAYS = 30; // Art. 36 (1): 30 hari kerja setelah alasan
export const OBJECTION_ANSWER_WORKING_DAYS = 30; // Art. 36 (2): atasan PPID menanggapi 30 hari kerja

/** The answer is due at closing time of the 10th working day after the day of receipt. */
export function answerDeadline(receivedAt: Date, cal: Calendar): Date {
  return addWorkingDays(receivedAt, ANSWER_WORKING_DAYS, cal);
}

/**
 * The extension (once, with a reason) adds 7 working days to the deadline itself — not to the
 * day the extension was decided — so the total is 17 working days from receipt.
 */
export function extendedDeadline(deadline: Date, cal: Calendar): Date {
  return addWorkingDays(deadline, EXTENSION_WORKING_DAYS, cal);
}

/** The last moment an objection may be filed: 30 working days after the day of its grounds. */
export function objectionFilingDeadline(groundsAt: Date, cal: Calendar): Date {
  return addWorkingDays(groundsAt, OBJECTION_FILING_WORKING_DAYS, cal);
}

/** The superior's answer to an objection is due 30 working days after it was filed. */
export function objectionAnswerDeadline(filedAt: Date, cal: Calendar): Date {
  return addWorkingDays(filedAt, OBJECTION_ANSWER_WORKING_DAYS, cal);
}

export function isObjectionInTime(groundsAt: Date, filedAt: Date, cal: Calendar): boolean {
  return filedAt.getTime() <= objectionFilingDeadline(groundsAt, cal).getTime();
}

// ---------------------------------------------------------------------------------------------
// Registration numbers: a format with {nomor} (zero-padded sequence) and {tahun}, e.g.
// "{nomor}/PPID/{tahun}" -> "007/PPID/2026". The sequence restarts every year.

export const DEFAULT_NUMBER_FORMAT = '{nomor}/PPID/{tahun}';

export function validateNumberFormat(format: string): string | null {
  if (!format.includes('{nomor}')) return 'format nomor registrasi harus memuat {nomor}';
  if (!format.includes('{tahun}')) return 'format nomor registrasi harus memuat {tahun} (nomor berurut per tahun)';
  if (format.length > 60) return 'format nomor registrasi paling panjang 60 karakter';
  if (/[^A-Za-z0-9{}/._-]/.test(format)) return 'format nomor registrasi hanya boleh memuat huruf, angka, /, ., _ dan -';
  return null;
}

export function formatRegistrationNumber(format: string, sequence: number, year: number, pad = 3): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`sequence must be a positive integer (got ${sequence})`);
  return format.replace(/\{nomor\}/g, String(sequence).padStart(pad, '0')).replace(/\{tahun\}/g, String(year));
}

// ---------------------------------------------------------------------------------------------
// Tracking code: 12 characters from an alphabet without look-alikes, stored only as SHA-256.

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newTrackingCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

export function normaliseTrackingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashTrackingCode(code: string): string {
  return crypto.createHash('sha256').update(`ppid-kode-lacak:${normaliseTrackingCode(code)}`).digest('hex');
}

/** Constant-time comparison of a presented code with a stored hash (both hashed to 32 bytes). */
export function trackingCodeMatches(code: string, storedHash: string | null | undefined): boolean {
  const presented = Buffer.from(hashTrackingCode(code), 'hex');
  const stored = Buffer.from(/^[0-9a-f]{64}$/.test(storedHash ?? '') ? (storedHash as string) : '0'.repeat(64), 'hex');
  return crypto.timingSafeEqual(presented, stored) && Boolean(storedHash);
}

// ---------------------------------------------------------------------------------------------
// Validation of a public submission. Every message is Indonesian and names the field.

export const CARA_MEMPEROLEH = ['melihat_membaca', 'salinan_softcopy', 'salinan_hardcopy'] as const;
export const CARA_MENERIMA = ['langsung', 'pos', 'email'] as const;
export const JENIS_PEMOHON = ['perorangan', 'badan_hukum'] as const;

export interface RequestInput {
  jenisPemohon: (typeof JENIS_PEMOHON)[number];
  nama: string;
  nomorIdentitas: string;
  alamat: string;
  telepon: string;
  email: string;
  pekerjaan: string;
  rincianInformasi: string;
  tujuanPenggunaan: string;
  caraMemperoleh: (typeof CARA_MEMPEROLEH)[number];
  caraMenerima: (typeof CARA_MENERIMA)[number];
}

export interface FieldError {
  path: [string];
  message: string;
}

export const FIELD_LIMITS = {
  nama: [3, 150],
  alamat: [10, 500],
  pekerjaan: [2, 100],
  rincianInformasi: [10, 5000],
  tujuanPenggunaan: [10, 2000],
  email: [6, 254],
} as const;

/** Names of the fields a submission may carry; anything else is refused (no silent extras). */
export const SUBMISSION_FIELDS = [
  'jenisPemohon', 'nama', 'nomorIdentitas', 'alamat', 'telepon', 'email', 'pekerjaan',
  'rincianInformasi', 'tujuanPenggunaan', 'caraMemperoleh', 'caraMenerima',
] as const;
/** The honeypot: a field hidden from people by the form; a filled one marks a bot. */
export const HONEYPOT_FIELD = 'situsWeb';

const LABELS: Record<string, string> = {
  jenisPemohon: 'Jenis pemohon',
  nama: 'Nama',
  nomorIdentitas: 'Nomor identitas (NIK atau nomor badan hukum)',
  alamat: 'Alamat',
  telepon: 'Nomor telepon',
  email: 'Alamat e-mail',
  pekerjaan: 'Pekerjaan',
  rincianInformasi: 'Rincian informasi yang dibutuhkan',
  tujuanPenggunaan: 'Tujuan penggunaan informasi',
  caraMemperoleh: 'Cara memperoleh informasi',
  caraMenerima: 'Cara mendapatkan salinan informasi',
};

const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
// Control characters (except tab/newline in long texts) have no place in a form.
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type ValidationResult = { ok: true; value: RequestInput } | { ok: false; errors: FieldError[] };

/**
 * Validates a raw JSON body. Trims strings, normalises the phone number and the e-mail's case,
 * and refuses unknown fields, wrong types, missing or over-long values, with one Indonesian
 * message per problem field.
 */
export function validateRequestInput(raw: unknown): ValidationResult {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ path: [field], message });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: ['data'], message: 'Isi permohonan harus berupa objek JSON dengan kolom-kolom formulir.' }] };
  }
  const body = raw as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!(SUBMISSION_FIELDS as readonly string[]).includes(key) && key !== HONEYPOT_FIELD) {
      add(key, `Kolom "${key.slice(0, 40)}" tidak dikenal dalam formulir permohonan.`);
    }
  }
  const out: Record<string, string> = {};
  for (const field of SUBMISSION_FIELDS) {
    const v = body[field];
    const label = LABELS[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      add(field, `${label} wajib diisi.`);
      continue;
    }
    if (typeof v !== 'string') {
      add(field, `${label} harus berupa teks.`);
      continue;
    }
    const s = v.trim();
    const multiline = field === 'rincianInformasi' || field === 'tujuanPenggunaan' || field === 'alamat';
    if (CONTROL_RE.test(s) || (!multiline && /[\n\r\t]/.test(s))) {
      add(field, `${label} memuat karakter yang tidak diperbolehkan.`);
      continue;
    }
    const limits = (FIELD_LIMITS as Record<string, readonly [number, number]>)[field];
    if (limits && s.length < limits[0]) {
      add(field, `${label} terlalu pendek (minimal ${limits[0]} karakter).`);
      continue;
    }
    if (limits && s.length > limits[1]) {
      add(field, `${label} terlalu panjang (maksimal ${limits[1]} karakter, saat ini ${s.length}).`);
      continue;
    }
    out[field] = s;
  }

  if (out.jenisPemohon !== undefined && !(JENIS_PEMOHON as readonly string[]).includes(out.jenisPemohon)) {
    add('jenisPemohon', `${LABELS.jenisPemohon} harus "perorangan" atau "badan_hukum".`);
  }
  if (out.nomorIdentitas !== undefined) {
    if (out.jenisPemohon === 'badan_hukum') {
      if (!/^[A-Za-z0-9./-]{5,50}$/.test(out.nomorIdentitas)) {
        add('nomorIdentitas', 'Nomor badan hukum harus 5–50 karakter berupa huruf, angka, titik, tanda hubung, atau garis miring.');
      }
    } else {
      const nik = out.nomorIdentitas.replace(/[\s.-]/g, '');
      if (!/^\d{16}$/.test(nik)) add('nomorIdentitas', 'NIK harus terdiri atas 16 angka.');
      else out.nomorIdentitas = nik;
    }
  }
  if (out.telepon !== undefined) {
    const phone = out.telepon.replace(/[\s().-]/g, '');
    if (!/^(\+62|62|0)\d{7,13}$/.test(phone)) {
      add('telepon', 'Nomor telepon tidak valid; tulis seperti 081234567890 atau +6281234567890.');
    } else out.telepon = phone;
  }
  if (out.email !== undefined) {
    if (!EMAIL_RE.test(out.email)) add('email', 'Alamat e-mail tidak valid; tulis seperti nama@contoh.id.');
    else out.email = out.email.toLowerCase();
  }
  if (out.nama !== undefined && !/^[\p{L}\p{M} .,'()-]+$/u.test(out.nama)) {
    add('nama', 'Nama hanya boleh memuat huruf, spasi, titik, koma, tanda petik, tanda hubung, dan tanda kurung.');
  }
  if (out.caraMemperoleh !== undefined && !(CARA_MEMPEROLEH as readonly string[]).includes(out.caraMemperoleh)) {
    add('caraMemperoleh', `${LABELS.caraMemperoleh} harus salah satu dari: melihat_membaca, salinan_softcopy, salinan_hardcopy.`);
  }
  if (out.caraMenerima !== undefined && !(CARA_MENERIMA as readonly string[]).includes(out.caraMenerima)) {
    add('caraMenerima', `${LABELS.caraMenerima} harus salah satu dari: langsung, pos, email.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: out as unknown as RequestInput };
}

/** One sentence for the error's message, the details carry one entry per field. */
export function summariseErrors(errors: FieldError[]): string {
  return `Permohonan belum dapat diterima: ${errors.map((e) => e.message).join(' ')}`;
}

export function isHoneypotFilled(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const v = (raw as Record<string, unknown>)[HONEYPOT_FIELD];
  return v !== undefined && v !== null && v !== '';
}

// ---------------------------------------------------------------------------------------------
// Objections: the seven grounds of Art. 35 (1).

export const OBJECTION_GROUNDS = {
  penolakan_pengecualian: 'a. penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)',
  tidak_disediakan_berkala: 'b. tidak disediakannya informasi berkala (Pasal 9)',
  tidak_ditanggapi: 'c. tidak ditanggapinya permintaan informasi',
  ditanggapi_tidak_sebagaimana_diminta: 'd. permintaan informasi ditanggapi tidak sebagaimana yang diminta',
  tidak_dipenuhi: 'e. tidak dipenuhinya permintaan informasi',
  biaya_tidak_wajar: 'f. pengenaan biaya yang tidak wajar',
  melebihi_jangka_waktu: 'g. penyampaian informasi yang melebihi waktu yang diatur dalam undang-undang',
} as const;
