/**
 * SLA clock: when a waiting state is due, when it turns "at risk", and how a stopped timer is
 * judged. Pure: `now` and every other instant are passed in by the caller (sweeper, lifecycle).
 */
import {
  ALWAYS_ON,
  JAKARTA_UTC_OFFSET_MINUTES,
  addBusinessMinutes,
  addWorkingDays,
  businessMinutesBetween,
  type Calendar,
} from './calendar';
import type { SlaSpec } from './types';

export type TimerStatus = 'on_track' | 'at_risk' | 'breached';

export const DEFAULT_AT_RISK_SHARE = 0.8;

/**
 * The calendar an SLA runs on: a '24x7' SLA ignores office hours even when the caller passes
 * the office calendar, so callers can always hand in the one configured business calendar.
 */
export function calendarFor(sla: SlaSpec, cal: Calendar): Calendar {
  return sla.calendar === '24x7' ? ALWAYS_ON : cal;
}

export function computeDueAt(enteredAt: Date, sla: SlaSpec, cal: Calendar): Date {
  const c = calendarFor(sla, cal);
  if (sla.minutes !== undefined && sla.workingDays !== undefined) {
    throw new Error('SLA must have exactly one of minutes / workingDays');
  }
  if (sla.minutes !== undefined) return addBusinessMinutes(enteredAt, sla.minutes, c);
  if (sla.workingDays !== undefined) return addWorkingDays(enteredAt, sla.workingDays, c);
  throw new Error('SLA must have exactly one of minutes / workingDays');
}

/**
 * The instant when `share` of the business time between enteredAt and dueAt has been used.
 * Measured in business time so a 2-working-day SLA does not go "at risk" overnight.
 * `share` null/undefined = 0.8. Pass the same calendar used for the due date (see `calendarFor`).
 */
export function computeAtRiskAt(enteredAt: Date, dueAt: Date, share: number | null | undefined, cal: Calendar): Date {
  const s = share ?? DEFAULT_AT_RISK_SHARE;
  if (!(s > 0 && s < 1)) throw new Error(`at-risk share must be between 0 and 1 exclusive (got ${share})`);
  if (dueAt.getTime() <= enteredAt.getTime()) return new Date(dueAt.getTime());
  const total = businessMinutesBetween(enteredAt, dueAt, cal);
  const at = addBusinessMinutes(enteredAt, total * s, cal);
  // Rounding to whole ms must never push the warning past the deadline itself.
  return at.getTime() > dueAt.getTime() ? new Date(dueAt.getTime()) : at;
}

/** Breached only strictly after dueAt, matching closeTimer's `met = leftAt <= dueAt`. */
export function timerStatus(now: Date, atRiskAt: Date, dueAt: Date): TimerStatus {
  const t = now.getTime();
  if (t > dueAt.getTime()) return 'breached';
  if (t >= atRiskAt.getTime()) return 'at_risk';
  return 'on_track';
}

/** Stops a timer. businessMinutes is rounded to whole minutes (it is stored and reported). */
export function closeTimer(
  enteredAt: Date,
  leftAt: Date,
  dueAt: Date,
  cal: Calendar,
): { met: boolean; businessMinutes: number } {
  return {
    met: leftAt.getTime() <= dueAt.getTime(),
    businessMinutes: Math.round(businessMinutesBetween(enteredAt, leftAt, cal)),
  };
}

// ---------------------------------------------------------------------------------------------
// Recurring obligations (quarterly content plan, monthly upload, 6-monthly evaluation, berkala
// refresh). Months are counted on the local (WIB) calendar so "end of January" means what the
// office means; the fixed offset is exact because Indonesia has no DST.

/** Adds calendar months, clamping to month end (Jan 31 + 1 month = Feb 28/29), keeping local time of day. */
export function addCalendarMonths(d: Date, months: number, utcOffsetMinutes = JAKARTA_UTC_OFFSET_MINUTES): Date {
  const shift = utcOffsetMinutes * 60_000;
  const local = new Date(d.getTime() + shift); // read with UTC getters = local wall clock
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const ms = Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(ms - shift);
}

export function nextRecurringDue(
  lastDoneAt: Date | null,
  everyMonths: number,
  anchor: Date,
  utcOffsetMinutes = JAKARTA_UTC_OFFSET_MINUTES,
): Date {
  if (!Number.isInteger(everyMonths) || everyMonths < 1) {
    throw new Error(`everyMonths must be a positive integer (got ${everyMonths})`);
  }
  return addCalendarMonths(lastDoneAt ?? anchor, everyMonths, utcOffsetMinutes);
}

export function isRecurringOverdue(
  lastDoneAt: Date | null,
  everyMonths: number,
  anchor: Date,
  now: Date,
  utcOffsetMinutes = JAKARTA_UTC_OFFSET_MINUTES,
): boolean {
  return now.getTime() > nextRecurringDue(lastDoneAt, everyMonths, anchor, utcOffsetMinutes).getTime();
}
