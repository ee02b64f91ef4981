import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../src/config/ppid-config';

/**
 * Every number the workflows run on, in one place. Each says where it comes from:
 *   "SOP …"  — written in the SOPs (seed 000 table A, seed 001 sections A–C, Kualifikasi 4);
 *   "law …"  — UU 14/2008;
 *   "chosen" — the SOP names the step but no time (or no number at all): the project picked the
 *              value, and an office may set its own (README "Configuration", "Readings of the SOP").
 * Change them here or with the variables named. Validated at start-up (src/config/ppid-config.ts):
 * a bad value stops Strapi with a clear message.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): PpidConfig => ({
  calendar: {
    // Asia/Jakarta (WIB). Indonesia keeps no daylight saving, so a fixed offset is exact.
    utcOffsetMinutes: env.int('PPID_UTC_OFFSET_MINUTES', 420),
    officeHours: env('PPID_OFFICE_HOURS', 'mon-thu 07:30-16:00; fri 07:30-16:30'),
  },
  sla: {
    // Share of a step's time after which its timer is "at risk" (SPEC §3.5). Chosen: the SOPs have no warning threshold.
    atRiskShare: env.float('PPID_SLA_AT_RISK_SHARE', 0.8),
    // Per workflow, per waiting state. Minutes run on office hours; workingDays are whole
    // working days (the day of receipt not counted). calendar '24x7' ignores office hours.
    durations: {
      'nota-permintaan': {
        penyusunan_konsep: { minutes: 60, calendar: 'business' }, // SOP seed 000 A step 1: 60 menit
        menunggu_paraf: { minutes: 10, calendar: 'business' }, // SOP step 2: 10 menit
        menunggu_tanda_tangan: { minutes: 10, calendar: 'business' }, // SOP step 3: 10 menit
        menunggu_distribusi: { minutes: 10, calendar: 'business' }, // SOP step 4: 10 menit
        menunggu_dip: { workingDays: 7, calendar: 'business' }, // SOP step 5: 7 hari (read as working days: chosen)
        // SOP step 6: 2 hari (working days: chosen). Paused while linked DIP entries wait for the
        // Koordinator, whose approval runs on the dip-document clock below.
        menunggu_unggah: { workingDays: 2, calendar: 'business' },
        dikembalikan: { minutes: 60, calendar: 'business' }, // chosen: a revision is a redraft, timed like step 1
      },
      'dip-document': {
        menunggu_persetujuan: { workingDays: 2, calendar: 'business' }, // chosen: SOP seed 001 B5 sets no time for the Koordinator's check
        dikembalikan: { workingDays: 2, calendar: 'business' }, // chosen
      },
      'daftar-konten': {
        menunggu_tanda_tangan: { workingDays: 2, calendar: 'business' }, // chosen by the project: the SOP sets none
        menunggu_penerimaan: { workingDays: 5, calendar: 'business' }, // chosen by the project
        dikembalikan: { workingDays: 2, calendar: 'business' }, // chosen by the project
      },
      'konten-terjadwal': {
        menunggu_persetujuan: { workingDays: 2, calendar: 'business' }, // chosen: the SOP sets none
        dikembalikan: { workingDays: 2, calendar: 'business' }, // chosen
      },
      notulen: {
        // chosen: SOP seed 001 B says "sesuai dengan permasalahan jadwal yang ditentukan" (no number)
        menunggu_tinjauan: { workingDays: 2, calendar: 'business' },
        menunggu_penerimaan: { workingDays: 2, calendar: 'business' }, // chosen
      },
      // Internal targets of the office; the legal deadline (batasWaktu) counts from receipt.
      'permohonan-informasi': {
        diterima: { workingDays: 1, calendar: 'business' }, // chosen
        diproses: { workingDays: 10, calendar: 'business' }, // law: UU 14/2008 Pasal 22 (7)
        diperpanjang: { workingDays: 7, calendar: 'business' }, // law: UU 14/2008 Pasal 22 (8)
      },
      keberatan: {
        diajukan: { workingDays: 30, calendar: 'business' }, // UU 14/2008 Pasal 36 (2)
      },
      'laporan-evaluasi': {
        menunggu_penerimaan: { workingDays: 5, calendar: 'business' }, // chosen by the project: the SOP sets none
        menunggu_tanggapan_koordinator: { workingDays: 5, calendar: 'business' }, // chosen by the project
        dikembalikan: { workingDays: 5, calendar: 'business' }, // chosen by the project
      },
    },
  },
  // The person who drafted an item may not approve it (chosen: the SOPs name separate actors per step).
  // Reports and the quarterly list are never accepted by their author, whatever this says.
  separationOfDuties: env.bool('PPID_SEPARATION_OF_DUTIES', true),
  recurring: {
    contentPlanMonths: 3, // SOP seed 001 A1: daftar konten minimal 1 x 3 bulan
    uploadMonths: 1, // SOP seed 001 A2: operator mengunggah tiap bulan
    managementEvaluationMonths: 6, // SOP seed 001 C1: evaluasi koordinator minimal 1 x 6 bulan
    coordinatorEvaluationMonths: 1, // SOP seed 001 C2: kepala dinas mengevaluasi koordinator tiap bulan
    berkalaRefreshMonths: 6, // law: UU 14/2008 — informasi berkala paling singkat 6 bulan sekali
  },
  // chosen: the SOP (seed 000, Kualifikasi 4) asks for complex passwords changed periodically, no numbers.
  password: {
    minLength: env.int('PPID_PASSWORD_MIN_LENGTH', 12),
    historySize: env.int('PPID_PASSWORD_HISTORY', 5),
    maxAgeDays: env.int('PPID_PASSWORD_MAX_AGE_DAYS', 90), // 0 = never expires
    warnDays: env.int('PPID_PASSWORD_WARN_DAYS', 14),
  },
  mfa: {
    // Role codes that must use 2FA, or 'all' (SOP seed 000 Kualifikasi 4: every actor). Counts below: chosen.
    requiredRoles: env.array('PPID_MFA_REQUIRED_ROLES', ['all']),
    issuer: env('PPID_MFA_ISSUER', 'PPID'),
    maxFailures: env.int('PPID_MFA_MAX_FAILURES', 5),
    lockMinutes: env.int('PPID_MFA_LOCK_MINUTES', 15),
    challengeMinutes: 5,
    encryptionKey: env('PPID_MFA_KEY', ''),
  },
  // chosen (all upload and outbox numbers): the SOPs say nothing about them.
  upload: {
    maxPdfMb: env.int('PPID_UPLOAD_MAX_MB', 20),
    // PDFs with JavaScript/automatic actions/XFA, or with embedded files, are refused unless allowed here.
    pdfAllowScripts: env.bool('PPID_PDF_ALLOW_SCRIPTS', false),
    pdfAllowAttachments: env.bool('PPID_PDF_ALLOW_ATTACHMENTS', false),
    // Lifetime of the signed /uploads URLs handed to signed-in admins (Media Library previews).
    signedUrlMinutes: env.int('PPID_UPLOAD_URL_MINUTES', 30),
    // How long one instance remembers whether a file is public (cleared on every publish here).
    publicCacheSeconds: env.int('PPID_UPLOAD_PUBLIC_CACHE_SECONDS', 10),
  },
  // Every workflow e-mail is written to the outbox with the change that caused it, then delivered
  // by the sender (cron, every minute) with retries: 1, 2, 4, 8… minutes, capped, until maxAttempts.
  outbox: {
    maxAttempts: env.int('PPID_OUTBOX_MAX_ATTEMPTS', 8),
    backoffSeconds: env.int('PPID_OUTBOX_BACKOFF_SECONDS', 60),
    backoffMaxSeconds: env.int('PPID_OUTBOX_BACKOFF_MAX_SECONDS', 6 * 3600),
    leaseSeconds: env.int('PPID_OUTBOX_LEASE_SECONDS', 600),
    sendTimeoutSeconds: env.int('PPID_OUTBOX_SEND_TIMEOUT_SECONDS', 120),
    batchSize: 100,
  },
  audit: {
    key: env('PPID_AUDIT_KEY', ''),
    oldKeys: env('PPID_AUDIT_KEYS_OLD', ''),
    legacyUntilSeq: env('PPID_AUDIT_LEGACY_SEQ', '') === '' ? null : Number(env('PPID_AUDIT_LEGACY_SEQ', '')),
    anchorDir: env('PPID_AUDIT_ANCHOR_DIR', 'jangkar-audit'),
    anchorEmail: env('PPID_AUDIT_ANCHOR_EMAIL', ''),
    anchorMinutes: env.int('PPID_AUDIT_ANCHOR_MINUTES', 60),
  },
  // Information requests and objections (UU 14/2008 Art. 22, 35–36). The legal deadlines (10 + 7
  // working days; objections 30 + 30) are the law's and live in src/permohonan/rules.ts.
  requests: {
    numberFormat: env('PPID_REQUEST_NUMBER_FORMAT', '{nomor}/PPID/{tahun}'),
    objectionNumberFormat: env('PPID_OBJECTION_NUMBER_FORMAT', '{nomor}/KEB/PPID/{tahun}'),
    submissionsPerHour: env.int('PPID_REQUEST_RATE_PER_HOUR', 5),
    lookupsPerHour: env.int('PPID_REQUEST_LOOKUPS_PER_HOUR', 60),
    retentionYears: env.int('PPID_REQUEST_RETENTION_YEARS', 5),
  },
  // The office as its exported documents (PDF/XLSX) name it: letterhead lines, city of signing, logo file.
  office: {
    government: env('PPID_OFFICE_GOVERNMENT', 'PEMERINTAH PROVINSI SUMATERA BARAT'),
    name: env('PPID_OFFICE_NAME', 'PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI'),
    address: env('PPID_OFFICE_ADDRESS', ''),
    city: env('PPID_OFFICE_CITY', 'Padang'),
    logo: env('PPID_OFFICE_LOGO', ''),
  },
});
