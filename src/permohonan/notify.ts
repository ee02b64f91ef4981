import type { Core } from '@strapi/strapi';
import { sendMail } from '../workflow/notify';

/**
 * The one place requests and objections e-mail the requester. Today it sends through the Strapi
 * e-mail plugin (the project's notification path); when notifications become a transactional
 * outbox, only this function changes. A failure is logged without the address or any personal data.
 */
export async function notifyRequester(strapi: Core.Strapi, to: string | null | undefined, subject: string, text: string, ref: string): Promise<void> {
  if (!to) return;
  try {
    await sendMail(strapi, to, subject, text);
  } catch (error) {
    strapi.log.error(`[ppid] e-mail ke pemohon ${ref} gagal: ${(error as Error).message}`);
  }
}
