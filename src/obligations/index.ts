import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { LOCKS, withDatabaseLock } from '../db/lock';
import { ALWAYS_ON } from '../workflow/calendar';
import { addCalendarMonths, computeAtRiskAt } from '../workflow/sla';
import { closeOpenTimers, findOpenTimer, openTimerUntil, type TimerKey } from '../workflow/timers';
import type { WorkflowRuntime } from '../workflow';
import { describeTimersOf } from '../workflow/notify';
import { BERKALA_REFRESH, OBLIGATIONS, reportMeetsObligation } from './catalogue';

const KIND = 'kewajiban';
const DIP_UID = 'api::dip-document.dip-document';

const config = (strapi: Core.Strapi) => strapi.config.get('ppid') as PpidConfig;

/** Closes the running period of an obligation (met or not) and opens the next one from `doneAt`. */
async function restart(
  strapi: Core.Strapi,
  key: TimerKey,
  spec: { name: string; label: string; responsible: string[]; months: number },
  doneAt: Date,
) {
  const dueAt = addCalendarMonths(doneAt, spec.months, config(strapi).calendar.utcOffsetMinutes);
  const atRiskAt = computeAtRiskAt(doneAt, dueAt, config(strapi).sla.atRiskShare, ALWAYS_ON);
  // Locked so two instances fulfilling at once leave exactly one running period.
  await withDatabaseLock(strapi, LOCKS.obligations, async () => {
    await closeOpenTimers(strapi, key, doneAt, ALWAYS_ON);
    await openTimerUntil(strapi, key, { name: spec.name, label: spec.label, responsible: spec.responsible, calendar: '24x7' }, doneAt, atRiskAt, dueAt);
  });
}

const globalKey = (name: string): TimerKey => ({ jenisKonten: KIND, dokumenId: name, locale: null });

export async function fulfilObligation(strapi: Core.Strapi, name: string, at: Date = new Date()) {
  const obligation = OBLIGATIONS.find((o) => o.name === name);
  if (!obligation) throw new Error(`unknown obligation ${name}`);
  await restart(strapi, globalKey(name), { ...obligation, months: obligation.months(config(strapi)) }, at);
}

/** Start-up: every recurring obligation has a running period (the first one counts from now). */
export async function ensureObligationTimers(strapi: Core.Strapi, now: Date = new Date()) {
  await withDatabaseLock(strapi, LOCKS.obligations, async () => {
    for (const obligation of OBLIGATIONS) {
      if (!(await findOpenTimer(strapi, globalKey(obligation.name)))) await fulfilObligation(strapi, obligation.name, now);
    }
  });
}

/** A berkala entry published (again) counts as refreshed: its 6-month clock restarts. */
async function berkalaPublished(strapi: Core.Strapi, documentId: string, at: Date) {
  await restart(
    strapi,
    { jenisKonten: KIND, dokumenId: `${BERKALA_REFRESH.name}:${documentId}`, locale: null },
    { ...BERKALA_REFRESH, months: BERKALA_REFRESH.months(config(strapi)) },
    at,
  );
}

/**
 * Wires the domain events that fulfil obligations: an approved content plan item, a submitted
 * evaluation report, a published DIP entry.
 */
export function registerObligations(strapi: Core.Strapi, runtime: WorkflowRuntime) {
  describeTimersOf(KIND, (timer) => `Kewajiban berkala: ${timer.label}`);
  runtime.service.events.subscribe('kewajiban', async (event) => {
    // SOP seed 001 A1: the quarterly list received by the Kepala Dinas (not one approved item).
    if (event.def.name === 'daftar-konten' && event.to === 'diterima') await fulfilObligation(strapi, 'rencana_konten', event.at);
    // Met only by a report of the right kind, written by the right role, and accepted (SOP seed 001 C).
    if (event.def.name === 'laporan-evaluasi' && event.to === 'diterima') {
      const report = await strapi.db.query(event.def.uid as any).findOne({
        where: { documentId: event.documentId },
        select: ['jenis'],
        populate: { createdBy: { populate: { roles: { select: ['code'] } } } },
      });
      const authorRoles: string[] = (report?.createdBy?.roles ?? []).map((r: { code: string }) => r.code);
      if (report && reportMeetsObligation(report.jenis, authorRoles)) await fulfilObligation(strapi, report.jenis, event.at);
    }
  });

  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const result = await next();
    if (ctx.uid === DIP_UID && ctx.action === 'publish') {
      const now = new Date();
      await fulfilObligation(strapi, 'unggah_bulanan', now);
      const doc = await strapi.db.query(DIP_UID).findOne({ where: { documentId: ctx.params.documentId }, select: ['kategori'] });
      if (doc?.kategori === 'berkala') await berkalaPublished(strapi, ctx.params.documentId, now);
    }
    return result;
  });
}
