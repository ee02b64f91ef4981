import type { Core } from '@strapi/strapi';
import { ALWAYS_ON, type Calendar } from './calendar';
import { calendarFor, closeTimer, computeAtRiskAt, computeDueAt } from './sla';
import type { SlaSpec } from './types';

export const TIMER_UID = 'api::timer-sla.timer-sla';

export interface TimerKey {
  jenisKonten: string;
  dokumenId: string;
  locale: string | null;
}

export interface ClosedTimer {
  dueAt: Date;
  met: boolean;
  businessMinutes: number;
}

/** Starts the timer of a waiting state: due and at-risk instants from the pure SLA clock. */
export async function openTimer(
  strapi: Core.Strapi,
  key: TimerKey,
  state: { name: string; label: string; sla: SlaSpec; responsible: string[] },
  enteredAt: Date,
  calendar: Calendar,
  atRiskShare: number,
) {
  const dueAt = computeDueAt(enteredAt, state.sla, calendar);
  const atRiskAt = computeAtRiskAt(enteredAt, dueAt, atRiskShare, calendarFor(state.sla, calendar));
  return openTimerUntil(strapi, key, { ...state, calendar: state.sla.calendar }, enteredAt, atRiskAt, dueAt);
}

/** A timer with given instants (also used for recurring obligations measured in months). */
export async function openTimerUntil(
  strapi: Core.Strapi,
  key: TimerKey,
  state: { name: string; label: string; responsible: string[]; calendar: 'business' | '24x7' },
  enteredAt: Date,
  atRiskAt: Date,
  dueAt: Date,
) {
  return strapi.db.query(TIMER_UID).create({
    data: {
      ...key,
      keadaan: state.name,
      label: state.label,
      penanggungJawab: state.responsible,
      kalender: state.calendar,
      mulai: enteredAt,
      berisikoPada: atRiskAt,
      jatuhTempo: dueAt,
      // The sweeper looks at a timer only when this instant has passed (indexed).
      cekBerikutnya: atRiskAt,
      status: 'on_track',
    },
  });
}

/** Stops the open timers of a document (one per waiting state); returns the last one closed. */
export async function closeOpenTimers(strapi: Core.Strapi, key: TimerKey, leftAt: Date, calendar: Calendar): Promise<ClosedTimer | null> {
  const open = await strapi.db.query(TIMER_UID).findMany({ where: { ...key, ditutupPada: null } });
  let last: ClosedTimer | null = null;
  for (const timer of open) {
    const dueAt = new Date(timer.jatuhTempo);
    const timerCalendar = timer.kalender === '24x7' ? ALWAYS_ON : calendar;
    const { met, businessMinutes } = closeTimer(new Date(timer.mulai), leftAt, dueAt, timerCalendar);
    await strapi.db.query(TIMER_UID).update({
      where: { id: timer.id },
      data: { ditutupPada: leftAt, terpenuhi: met, menitKerja: businessMinutes, cekBerikutnya: null },
    });
    last = { dueAt, met, businessMinutes };
  }
  return last;
}

export async function findOpenTimer(strapi: Core.Strapi, key: TimerKey) {
  return strapi.db.query(TIMER_UID).findOne({ where: { ...key, ditutupPada: null }, orderBy: { id: 'desc' } });
}
