import type { Core } from '@strapi/strapi';
import { appendAuditEvent } from '../audit/trail';

/** Security events in the append-only trail (kategori 'keamanan'); names are stable for reports. */
export type SecurityEvent =
  | 'masuk_berhasil'
  | 'masuk_gagal'
  | 'mfa_didaftarkan'
  | 'mfa_direset'
  | 'mfa_dinonaktifkan'
  | 'mfa_dikunci'
  | 'kode_pemulihan_dipakai'
  | 'kode_pemulihan_dibuat_ulang'
  | 'kata_sandi_diubah';

/** Appends one event with the time (appendAuditEvent) and the client IP of the current request. */
export async function auditSecurity(
  strapi: Core.Strapi,
  event: { peristiwa: SecurityEvent; aktorId?: number | null; aktorEmail?: string | null; catatan?: string | null; ip?: string | null },
): Promise<void> {
  const ctx = strapi.requestContext.get() as any;
  await appendAuditEvent(strapi, {
    kategori: 'keamanan',
    peristiwa: event.peristiwa,
    aktorId: event.aktorId ?? null,
    aktorEmail: event.aktorEmail ? String(event.aktorEmail).slice(0, 255) : null,
    ip: (event.ip ?? ctx?.request?.ip ?? null)?.slice(0, 64) ?? null,
    catatan: event.catatan ? String(event.catatan).slice(0, 5000) : null,
  });
}
