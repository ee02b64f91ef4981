import { env } from '@strapi/utils';
import ppidConfig from '../../config/ppid';
import { validatePpidConfig } from '../../src/config/ppid-config';

const load = () => ppidConfig({ env });

afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('PPID_')) delete process.env[k];
});

test('the defaults are the SOP numbers and are valid', () => {
  delete process.env.PPID_AUDIT_ANCHOR_DIR; // the test runner points it at a throwaway directory
  process.env.PPID_MFA_KEY = 'k';
  process.env.PPID_AUDIT_KEY = 'k'.repeat(44);
  const cfg = load();
  expect(validatePpidConfig(cfg)).toEqual([]);
  expect(cfg.outbox).toMatchObject({ maxAttempts: 8, backoffSeconds: 60, leaseSeconds: 600, sendTimeoutSeconds: 120 });
  expect(cfg.audit).toMatchObject({ legacyUntilSeq: null, anchorDir: 'jangkar-audit', anchorEmail: '', anchorMinutes: 60 });
  const nota = cfg.sla.durations['nota-permintaan'];
  expect([nota.penyusunan_konsep.minutes, nota.menunggu_paraf.minutes, nota.menunggu_tanda_tangan.minutes, nota.menunggu_distribusi.minutes]).toEqual([60, 10, 10, 10]);
  expect([nota.menunggu_dip.workingDays, nota.menunggu_unggah.workingDays]).toEqual([7, 2]);
  expect(cfg.password).toEqual({ minLength: 12, historySize: 5, maxAgeDays: 90, warnDays: 14 });
  expect(cfg.sla.atRiskShare).toBe(0.8);
  expect(cfg.calendar.officeHours).toBe('mon-thu 07:30-16:00; fri 07:30-16:30');
});

test('bad values are reported each with the setting and variable to fix', () => {
  Object.assign(process.env, {
    PPID_SLA_AT_RISK_SHARE: '1.5',
    PPID_PASSWORD_MIN_LENGTH: '4',
    PPID_PASSWORD_MAX_AGE_DAYS: '-1',
    PPID_MFA_MAX_FAILURES: '0',
    PPID_OUTBOX_LEASE_SECONDS: '60',
    PPID_AUDIT_KEYS_OLD: 'deadbeef:an-old-key-whose-id-is-not-deadbeef',
    PPID_AUDIT_LEGACY_SEQ: 'x',
    PPID_AUDIT_ANCHOR_EMAIL: 'a@b.c, d@e.f',
  });
  const cfg = load();
  cfg.sla.durations['nota-permintaan'].menunggu_paraf = { minutes: 10, workingDays: 1, calendar: 'business' };
  const problems = validatePpidConfig(cfg);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining('PPID_SLA_AT_RISK_SHARE'),
      expect.stringContaining('PPID_PASSWORD_MIN_LENGTH'),
      expect.stringContaining('PPID_PASSWORD_MAX_AGE_DAYS'),
      expect.stringContaining('PPID_MFA_MAX_FAILURES'),
      expect.stringContaining('PPID_MFA_KEY'),
      expect.stringContaining('PPID_AUDIT_KEY'),
      expect.stringContaining('PPID_AUDIT_KEYS_OLD entry 1: id deadbeef does not match'),
      expect.stringContaining('PPID_OUTBOX_LEASE_SECONDS'),
      expect.stringContaining('PPID_AUDIT_LEGACY_SEQ'),
      expect.stringContaining('PPID_AUDIT_ANCHOR_EMAIL'),
      'ppid.sla.durations.nota-permintaan.menunggu_paraf needs exactly one of minutes or workingDays',
    ]),
  );
});
