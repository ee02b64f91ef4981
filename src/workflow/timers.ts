import type { Core } from '@strapi/strapi';
import { ALWAYS_ON, addBusinessMinutes, businessMinutesBetween, type Calendar } from './calendar';
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
    const timerCalendar = timer.kalender === '24x7' ? ALWAYS_ON : calendar;
    // A timer stopped while paused: the pause up to now is credited like a resumed one.
    const pausedNow = timer.dijedaPada ? businessMinutesBetween(new Date(timer.dijedaPada), leftAt, timerCalendar) : 0;
    const dueAt = pausedNow > 0 ? addBusinessMinutes(new Date(timer.jatuhTempo), pausedNow, timerCalendar) : new Date(timer.jatuhTempo);
    const paused = Number(timer.menitJeda ?? 0) + Math.round(pausedNow);
    const closed = closeTimer(new Date(timer.mulai), leftAt, dueAt, timerCalendar);
    // The minutes recorded are the step's own: time it stood paused is not counted against it.
    const businessMinutes = Math.max(0, closed.businessMinutes - paused);
    const met = closed.met;
    await strapi.db.query(TIMER_UID).update({
      where: { id: timer.id },
      data: { ditutupPada: leftAt, terpenuhi: met, menitKerja: businessMinutes, cekBerikutnya: null, jatuhTempo: dueAt, dijedaPada: null, menitJeda: paused },
    });
    last = { dueAt, met, businessMinutes };
  }
  return last;
}

export async function findOpenTimer(strapi: Core.Strapi, key: TimerKey) {
  return strapi.db.query(TIMER_UID).findOne({ where: { ...key, ditutupPada: null }, orderBy: { id: 'desc' } });
}

/**
 * Stops a running timer's clock: the step waits on someone else (a memo's Operator waiting for the
 * Koordinator to approve the DIP entries). The sweeper skips it while paused. No-op when there is
 * no open timer or it is already paused.
 */
export async function pauseTimer(strapi: Core.Strapi, key: TimerKey, at: Date): Promise<boolean> {
  const timer = await findOpenTimer(strapi, key);
  if (!timer || timer.dijedaPada) return false;
  const { count } = await strapi.db.query(TIMER_UID).updateMany({
    where: { id: timer.id, ditutupPada: null, dijedaPada: null },
    data: { dijedaPada: at, cekBerikutnya: null },
  });
  return count === 1;
}

/**
 * Restarts a paused timer: its deadline and at-risk instant move later by the business time it
 * stood still, which is added to `menitJeda`. No-op when it is not paused.
 */
export async function resumeTimer(strapi: Core.Strapi, key: TimerKey, at: Date, calendar: Calendar): Promise<boolean> {
  const timer = await findOpenTimer(strapi, key);
  if (!timer || !timer.dijedaPada) return false;
  const timerCalendar = timer.kalender === '24x7' ? ALWAYS_ON : calendar;
  const credited = businessMinutesBetween(new Date(timer.dijedaPada), at, timerCalendar);
  const dueAt = addBusinessMinutes(new Date(timer.jatuhTempo), credited, timerCalendar);
  const atRiskAt = addBusinessMinutes(new Date(timer.berisikoPada), credited, timerCalendar);
  const cekBerikutnya = timer.notifLewatPada ? null : timer.notifBerisikoPada ? dueAt : atRiskAt;
  const { count } = await strapi.db.query(TIMER_UID).updateMany({
    where: { id: timer.id, ditutupPada: null, dijedaPada: { $notNull: true } },
    data: { dijedaPada: null, jatuhTempo: dueAt, berisikoPada: atRiskAt, cekBerikutnya, menitJeda: Number(timer.menitJeda ?? 0) + Math.round(credited) },
  });
  return count === 1;
}
