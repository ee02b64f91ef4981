import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { queueNotices } from '../outbox/queue';

/**
 * The one place requests and objections e-mail the requester: through the notification outbox,
 * so a failing mail server delays the message instead of losing it. Queued in the caller's
 * transaction where there is one. The idempotency key names the request and the message, never
 * the address (personal data stays out of keys and logs).
 */
export async function notifyRequester(strapi: Core.Strapi, to: string | null | undefined, subject: string, text: string, ref: string): Promise<void> {
  if (!to) return;
  const digest = crypto.createHash('sha256').update(`${to}\u0000${subject}\u0000${text}`).digest('hex').slice(0, 24);
  try {
    await queueNotices(strapi, [{ kunciIdempotensi: `pemohon:${ref}:${digest}`, jenis: 'pemohon', penerima: to, subjek: subject, isi: text }]);
  } catch (error) {
    strapi.log.error(`[ppid] e-mail ke pemohon ${ref} tidak dapat diantrekan: ${(error as Error).message}`);
  }
}
