import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NoticeInput } from '../outbox/queue';

/**
 * The people a timer concerns: active admin users holding any of the role codes, plus direct
 * addresses written as `email:someone@example.org` (an item's assignee).
 */
export async function recipientsFor(strapi: Core.Strapi, responsible: string[]): Promise<string[]> {
  const direct = responsible.filter((r) => r.startsWith('email:')).map((r) => r.slice('email:'.length)).filter(Boolean);
  const roleCodes = responsible.filter((r) => !r.startsWith('email:'));
  const users = roleCodes.length
    ? await strapi.db.query('admin::user').findMany({
        where: { isActive: true, blocked: false, roles: { code: { $in: roleCodes } } },
        select: ['email'],
      })
    : [];
  return [...new Set([...direct, ...users.map((u: { email: string }) => u.email)])].sort();
}

const WIB = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export function formatWib(d: Date): string {
  return `${WIB.format(d)} WIB`;
}

export type Threshold = 'at_risk' | 'breached';

/**
 * How a notice names what its timer is about. Document timers name their type and document; a
 * domain module whose timers are not documents (recurring obligations) registers its own wording.
 */
type TimerDescriber = (timer: { label: string; jenisKonten: string; dokumenId: string; locale?: string | null }) => string;
const describers = new Map<string, TimerDescriber>();

export function describeTimersOf(kind: string, describe: TimerDescriber): void {
  describers.set(kind, describe);
}

function describeTimer(timer: any): string {
  const own = describers.get(timer.jenisKonten);
  return own ? own(timer) : `${timer.label} (${timer.jenisKonten.split('.').pop()} ${timer.dokumenId}${timer.locale ? `, ${timer.locale}` : ''})`;
}

/**
 * The notices one SLA threshold of one timer produces, one per recipient, for the outbox. The
 * idempotency key names the timer (id and start instant, so a timer row id reused after a delete
 * never collides), the threshold and the recipient: each person is told once per threshold.
 */
export function slaNotices(timer: any, threshold: Threshold, recipients: string[]): NoticeInput[] {
  const due = formatWib(new Date(timer.jatuhTempo));
  const what = describeTimer(timer);
  const subject =
    threshold === 'at_risk' ? `[PPID] Hampir jatuh tempo: ${timer.label}` : `[PPID] Melewati batas waktu: ${timer.label}`;
  const text =
    threshold === 'at_risk'
      ? `${what}\nBatas waktu: ${due}.\nSebagian besar waktu layanan sudah terpakai; mohon segera ditindaklanjuti.`
      : `${what}\nBatas waktu ${due} sudah terlewati.\nMohon segera ditindaklanjuti dan dicatat alasannya.`;
  const started = new Date(timer.mulai).getTime();
  return recipients.map((to) => ({
    kunciIdempotensi: `sla:${threshold}:${timer.id}:${started}:${crypto.createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 16)}`,
    jenis: threshold === 'at_risk' ? 'sla_berisiko' : 'sla_terlambat',
    penerima: to,
    subjek: subject,
    isi: text,
    jenisKonten: timer.jenisKonten,
    dokumenId: timer.dokumenId,
    locale: timer.locale ?? null,
    timerId: timer.id,
  }));
}

/**
 * The notice for the assignee of a new follow-up item: queued once per item and assignee (the
 * idempotency key), in the transaction that saves the item.
 */
export function newItemNotice(uid: string, itemLabel: string, documentId: string, itemId: number, summary: string, assignee: string, dueAt: Date): NoticeInput {
  return {
    kunciIdempotensi: `butir_baru:${uid}:${documentId}:${itemId}:${crypto.createHash('sha256').update(assignee.toLowerCase()).digest('hex').slice(0, 16)}`,
    jenis: 'tindak_lanjut_baru',
    penerima: assignee,
    subjek: `[PPID] ${itemLabel} baru untuk Anda: ${summary}`.slice(0, 255),
    isi: `${itemLabel} baru ditugaskan kepada Anda: ${summary}\nBatas waktu: ${formatWib(dueAt)}.`,
    jenisKonten: uid,
    dokumenId: documentId,
    locale: null,
  };
}
