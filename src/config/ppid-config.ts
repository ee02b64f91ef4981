/** The typed shape of config/ppid.ts and its start-up validation. */
import { parseAuditKeys } from '../audit/keys';
import { validateOutboxConfig, type OutboxConfig } from '../outbox/policy';
import type { SlaSpec } from '../workflow/types';

export type SlaDuration = SlaSpec;

export interface PpidConfig {
  calendar: { utcOffsetMinutes: number; officeHours: string };
  sla: { atRiskShare: number; durations: Record<string, Record<string, SlaDuration>> };
  separationOfDuties: boolean;
  recurring: {
    contentPlanMonths: number;
    uploadMonths: number;
    managementEvaluationMonths: number;
    coordinatorEvaluationMonths: number;
    berkalaRefreshMonths: number;
  };
  password: { minLength: number; historySize: number; maxAgeDays: number; warnDays: number };
  mfa: {
    requiredRoles: string[];
    issuer: string;
    maxFailures: number;
    lockMinutes: number;
    challengeMinutes: number;
    encryptionKey: string;
  };
  upload: {
    maxPdfMb: number;
    pdfAllowScripts: boolean;
    pdfAllowAttachments: boolean;
    signedUrlMinutes: number;
    publicCacheSeconds: number;
  };
  /** The outbox (kotak keluar) every workflow e-mail goes through. */
  outbox: OutboxConfig;
  audit: {
    /** Current key sealing the audit trail (HMAC-SHA256); never stored in the database. */
    key: string;
    /** Retired keys, `id:key` or `key`, comma-separated: events they sealed still verify. */
    oldKeys: string;
    /** Highest seq that may be unkeyed (events written before the key existed); null: not pinned. */
    legacyUntilSeq: number | null;
    /** Directory of the append-only anchor files (relative to the project, or absolute). */
    anchorDir: string;
    /** Where each anchor is also e-mailed (through the outbox); empty: files only. */
    anchorEmail: string;
    /** At most one anchor per this many minutes, and only when the chain has grown. */
    anchorMinutes: number;
  };
  /** information requests and objections (issue #12); absent = the defaults below */
  requests?: Partial<RequestsConfig>;
  /** the office as exported documents name it (issue #11); absent = the defaults in src/reports/office.ts */
  office?: Partial<OfficeConfig>;
}

export interface OfficeConfig {
  /** first letterhead line, e.g. PEMERINTAH PROVINSI SUMATERA BARAT */
  government: string;
  /** second letterhead line: the office */
  name: string;
  /** third letterhead line (address, telephone, website); may be empty */
  address: string;
  /** city written before the date of signing */
  city: string;
  /** path of a PNG or JPEG logo (relative to the project, or absolute); empty = no logo */
  logo: string;
}

export interface RequestsConfig {
  /** registration number of a request: {nomor} (sequence, restarts every year) and {tahun} */
  numberFormat: string;
  /** registration number of an objection */
  objectionNumberFormat: string;
  /** public submissions per IP per hour */
  submissionsPerHour: number;
  /** public tracking look-ups per IP per hour */
  lookupsPerHour: number;
  /** years after the answer after which the requester's personal data is erased (0 = never) */
  retentionYears: number;
}

export const DEFAULT_REQUESTS_CONFIG: RequestsConfig = {
  numberFormat: '{nomor}/PPID/{tahun}',
  objectionNumberFormat: '{nomor}/KEB/PPID/{tahun}',
  submissionsPerHour: 5,
  lookupsPerHour: 60,
  retentionYears: 5,
};

export function requestsConfig(cfg: PpidConfig): RequestsConfig {
  return { ...DEFAULT_REQUESTS_CONFIG, ...(cfg.requests ?? {}) };
}

const NUMBER_FORMAT_RE = /^[A-Za-z0-9{}/._-]{1,60}$/;

const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

/** Every problem in the configuration, each naming the setting and what is wrong. */
export function validatePpidConfig(cfg: PpidConfig): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, msg: string) => {
    if (!ok) problems.push(msg);
  };

  need(
    Number.isInteger(cfg.calendar.utcOffsetMinutes) && Math.abs(cfg.calendar.utcOffsetMinutes) <= 14 * 60,
    `ppid.calendar.utcOffsetMinutes must be whole minutes within ±840, got ${cfg.calendar.utcOffsetMinutes}`,
  );
  need(
    typeof cfg.sla.atRiskShare === 'number' && cfg.sla.atRiskShare > 0 && cfg.sla.atRiskShare < 1,
    `ppid.sla.atRiskShare (PPID_SLA_AT_RISK_SHARE) must be between 0 and 1 exclusive, got ${cfg.sla.atRiskShare}`,
  );
  for (const [workflow, states] of Object.entries(cfg.sla.durations)) {
    for (const [state, d] of Object.entries(states)) {
      const where = `ppid.sla.durations.${workflow}.${state}`;
      const hasMinutes = d.minutes !== undefined;
      const hasDays = d.workingDays !== undefined;
      need(hasMinutes !== hasDays, `${where} needs exactly one of minutes or workingDays`);
      if (hasMinutes) need(positiveInt(d.minutes), `${where}.minutes must be a positive whole number`);
      if (hasDays) need(positiveInt(d.workingDays), `${where}.workingDays must be a positive whole number`);
      need(d.calendar === 'business' || d.calendar === '24x7', `${where}.calendar must be "business" or "24x7"`);
    }
  }
  for (const [key, value] of Object.entries(cfg.recurring)) {
    need(positiveInt(value), `ppid.recurring.${key} must be a positive whole number of months`);
  }
  need(
    positiveInt(cfg.password.minLength) && cfg.password.minLength >= 8 && cfg.password.minLength <= 64,
    `ppid.password.minLength (PPID_PASSWORD_MIN_LENGTH) must be 8–64, got ${cfg.password.minLength}`,
  );
  need(
    Number.isInteger(cfg.password.historySize) && cfg.password.historySize >= 0 && cfg.password.historySize <= 24,
    `ppid.password.historySize (PPID_PASSWORD_HISTORY) must be 0–24, got ${cfg.password.historySize}`,
  );
  need(
    Number.isInteger(cfg.password.maxAgeDays) && cfg.password.maxAgeDays >= 0,
    `ppid.password.maxAgeDays (PPID_PASSWORD_MAX_AGE_DAYS) must be 0 (never) or more days, got ${cfg.password.maxAgeDays}`,
  );
  need(
    Number.isInteger(cfg.password.warnDays) && cfg.password.warnDays >= 0,
    `ppid.password.warnDays (PPID_PASSWORD_WARN_DAYS) must be 0 or more days, got ${cfg.password.warnDays}`,
  );
  need(positiveInt(cfg.mfa.maxFailures), `ppid.mfa.maxFailures (PPID_MFA_MAX_FAILURES) must be a positive whole number`);
  need(positiveInt(cfg.mfa.lockMinutes), `ppid.mfa.lockMinutes (PPID_MFA_LOCK_MINUTES) must be a positive whole number`);
  need(Boolean(cfg.mfa.encryptionKey), 'ppid.mfa.encryptionKey (PPID_MFA_KEY) must be set');
  need(cfg.mfa.requiredRoles.length > 0, 'ppid.mfa.requiredRoles (PPID_MFA_REQUIRED_ROLES) must name roles or "all"');
  need(positiveInt(cfg.upload.maxPdfMb), `ppid.upload.maxPdfMb (PPID_UPLOAD_MAX_MB) must be a positive whole number`);
  need(
    positiveInt(cfg.upload.signedUrlMinutes) && cfg.upload.signedUrlMinutes <= 24 * 60,
    `ppid.upload.signedUrlMinutes (PPID_UPLOAD_URL_MINUTES) must be 1–1440, got ${cfg.upload.signedUrlMinutes}`,
  );
  need(
    Number.isInteger(cfg.upload.publicCacheSeconds) && cfg.upload.publicCacheSeconds >= 0 && cfg.upload.publicCacheSeconds <= 3600,
    `ppid.upload.publicCacheSeconds (PPID_UPLOAD_PUBLIC_CACHE_SECONDS) must be 0–3600, got ${cfg.upload.publicCacheSeconds}`,
  );
  problems.push(...validateOutboxConfig(cfg.outbox));
  problems.push(...parseAuditKeys(cfg.audit.key, cfg.audit.oldKeys).problems);
  need(
    cfg.audit.legacyUntilSeq === null || (Number.isInteger(cfg.audit.legacyUntilSeq) && cfg.audit.legacyUntilSeq >= 0),
    `ppid.audit.legacyUntilSeq (PPID_AUDIT_LEGACY_SEQ) must be empty or a whole number >= 0, got ${cfg.audit.legacyUntilSeq}`,
  );
  need(Boolean(cfg.audit.anchorDir?.trim()), 'ppid.audit.anchorDir (PPID_AUDIT_ANCHOR_DIR) must name a directory');
  need(
    cfg.audit.anchorEmail === '' || /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(cfg.audit.anchorEmail),
    `ppid.audit.anchorEmail (PPID_AUDIT_ANCHOR_EMAIL) must be one e-mail address or empty, got "${cfg.audit.anchorEmail}"`,
  );
  need(positiveInt(cfg.audit.anchorMinutes), `ppid.audit.anchorMinutes (PPID_AUDIT_ANCHOR_MINUTES) must be a positive whole number, got ${cfg.audit.anchorMinutes}`);
  const rq = requestsConfig(cfg);
  for (const [key, env, format] of [
    ['numberFormat', 'PPID_REQUEST_NUMBER_FORMAT', rq.numberFormat],
    ['objectionNumberFormat', 'PPID_OBJECTION_NUMBER_FORMAT', rq.objectionNumberFormat],
  ] as const) {
    need(
      NUMBER_FORMAT_RE.test(format) && format.includes('{nomor}') && format.includes('{tahun}'),
      `ppid.requests.${key} (${env}) must contain {nomor} and {tahun} and only letters, digits, / . _ - (at most 60), got "${format}"`,
    );
  }
  need(positiveInt(rq.submissionsPerHour), 'ppid.requests.submissionsPerHour (PPID_REQUEST_RATE_PER_HOUR) must be a positive whole number');
  need(positiveInt(rq.lookupsPerHour), 'ppid.requests.lookupsPerHour (PPID_REQUEST_LOOKUPS_PER_HOUR) must be a positive whole number');
  need(Number.isInteger(rq.retentionYears) && rq.retentionYears >= 0, 'ppid.requests.retentionYears (PPID_REQUEST_RETENTION_YEARS) must be a whole number >= 0');
  return problems;
}
