import { ALWAYS_ON, businessCalendar } from '../../src/workflow/calendar';
import {
  DEFAULT_AT_RISK_SHARE,
  addCalendarMonths,
  calendarFor,
  closeTimer,
  computeAtRiskAt,
  computeDueAt,
  isRecurringOverdue,
  nextRecurringDue,
  timerStatus,
} from '../../src/workflow/sla';

const wib = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const show = (d: Date): string => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const cal = businessCalendar();
const holidays = businessCalendar({ holidays: ['2024-06-17', '2024-06-18'] });

describe('computeDueAt', () => {
  it('60-minute SLA entered Friday 16:00 -> Monday 08:00 (Friday office hours run to 16:30)', () => {
    expect(show(computeDueAt(wib('2024-06-07 16:00'), { minutes: 60, calendar: 'business' }, cal))).toBe('2024-06-10 08:00');
  });
  it('60-minute SLA entered Friday 16:00 -> Monday 08:30 when Friday closes at 16:00', () => {
    const flat = businessCalendar({ hours: { 1: [450, 960], 2: [450, 960], 3: [450, 960], 4: [450, 960], 5: [450, 960] } });
    expect(show(computeDueAt(wib('2024-06-07 16:00'), { minutes: 60, calendar: 'business' }, flat))).toBe('2024-06-10 08:30');
  });
  it('60-minute SLA entered at Friday closing (16:30) -> Monday 08:30', () => {
    expect(show(computeDueAt(wib('2024-06-07 16:30'), { minutes: 60, calendar: 'business' }, cal))).toBe('2024-06-10 08:30');
  });
  it('10 minutes entered Thursday 15:55 -> Friday 07:35', () => {
    expect(show(computeDueAt(wib('2024-06-06 15:55'), { minutes: 10, calendar: 'business' }, cal))).toBe('2024-06-07 07:35');
  });
  it('7 working days over a holiday', () => {
    const sla = { workingDays: 7, calendar: 'business' as const };
    // Monday 10 June: Tue 11..Fri 14 (4), Mon 17 + Tue 18 holidays, Wed 19..Fri 21 (7).
    expect(show(computeDueAt(wib('2024-06-10 10:00'), sla, holidays))).toBe('2024-06-21 16:30');
    expect(show(computeDueAt(wib('2024-06-10 10:00'), sla, cal))).toBe('2024-06-19 16:00');
  });
  it('2 working days (step 6 of the memo procedure)', () => {
    expect(show(computeDueAt(wib('2024-06-03 10:00'), { workingDays: 2, calendar: 'business' }, cal))).toBe('2024-06-05 16:00');
  });
  it('a 24x7 SLA ignores office hours even when given the business calendar', () => {
    expect(show(computeDueAt(wib('2024-06-07 23:00'), { minutes: 90, calendar: '24x7' }, cal))).toBe('2024-06-08 00:30');
    expect(show(computeDueAt(wib('2024-06-07 23:00'), { workingDays: 2, calendar: '24x7' }, cal))).toBe('2024-06-09 23:00');
    expect(calendarFor({ minutes: 1, calendar: '24x7' }, cal)).toBe(ALWAYS_ON);
    expect(calendarFor({ minutes: 1, calendar: 'business' }, cal)).toBe(cal);
  });
  it('rejects an SLA with both or neither duration', () => {
    expect(() => computeDueAt(wib('2024-06-03 10:00'), { minutes: 1, workingDays: 1, calendar: 'business' }, cal)).toThrow(/exactly one/);
    expect(() => computeDueAt(wib('2024-06-03 10:00'), { calendar: 'business' }, cal)).toThrow(/exactly one/);
  });
});

describe('computeAtRiskAt', () => {
  it('uses 80% of a short SLA', () => {
    expect(show(computeAtRiskAt(wib('2024-06-03 10:00'), wib('2024-06-03 11:00'), 0.8, cal))).toBe('2024-06-03 10:48');
  });
  it('defaults to 0.8 when share is null/undefined', () => {
    expect(DEFAULT_AT_RISK_SHARE).toBe(0.8);
    expect(show(computeAtRiskAt(wib('2024-06-03 10:00'), wib('2024-06-03 11:00'), undefined, cal))).toBe('2024-06-03 10:48');
    expect(show(computeAtRiskAt(wib('2024-06-03 10:00'), wib('2024-06-03 11:00'), null, cal))).toBe('2024-06-03 10:48');
  });
  it('counts business time across the night, not wall-clock time', () => {
    const entered = wib('2024-06-03 15:30');
    const due = computeDueAt(entered, { minutes: 60, calendar: 'business' }, cal); // Tue 08:00
    expect(show(computeAtRiskAt(entered, due, 0.8, cal))).toBe('2024-06-04 07:48');
  });
  it('for a working-day SLA goes at risk during office hours of the last day', () => {
    const entered = wib('2024-06-03 10:00');
    const due = computeDueAt(entered, { workingDays: 2, calendar: 'business' }, cal); // Wed 16:00, 1380 office min
    expect(show(computeAtRiskAt(entered, due, 0.8, cal))).toBe('2024-06-05 11:24');
    expect(show(computeAtRiskAt(entered, due, 0.5, cal))).toBe('2024-06-04 13:00');
  });
  it('entered outside office hours: the clock starts at opening', () => {
    expect(show(computeAtRiskAt(wib('2024-06-08 10:00'), wib('2024-06-10 08:30'), 0.8, cal))).toBe('2024-06-10 08:18');
  });
  it('works on 24x7', () => {
    expect(show(computeAtRiskAt(wib('2024-06-08 00:00'), wib('2024-06-10 00:00'), 0.75, ALWAYS_ON))).toBe('2024-06-09 12:00');
  });
  it('returns dueAt when dueAt is not after enteredAt', () => {
    const due = wib('2024-06-03 09:00');
    expect(computeAtRiskAt(wib('2024-06-03 10:00'), due, 0.8, cal).getTime()).toBe(due.getTime());
  });
  it('is never after dueAt and never before enteredAt', () => {
    const entered = wib('2024-06-03 10:00');
    for (const share of [0.01, 0.33, 0.999]) {
      const due = wib('2024-06-04 10:07');
      const at = computeAtRiskAt(entered, due, share, cal).getTime();
      expect(at).toBeGreaterThanOrEqual(entered.getTime());
      expect(at).toBeLessThanOrEqual(due.getTime());
    }
  });
  it.each([0, 1, -0.1, 1.2, NaN])('rejects share %p', (share) => {
    expect(() => computeAtRiskAt(wib('2024-06-03 10:00'), wib('2024-06-03 11:00'), share, cal)).toThrow(/share/);
  });
});

describe('timerStatus', () => {
  const atRisk = wib('2024-06-03 10:48');
  const due = wib('2024-06-03 11:00');
  const at = (s: string, ms = 0) => new Date(wib(s).getTime() + ms);
  it.each([
    ['2024-06-03 10:00', 0, 'on_track'],
    ['2024-06-03 10:48', -1, 'on_track'],
    ['2024-06-03 10:48', 0, 'at_risk'],
    ['2024-06-03 11:00', 0, 'at_risk'],
    ['2024-06-03 11:00', 1, 'breached'],
    ['2024-06-10 11:00', 0, 'breached'],
  ])('%s %i ms -> %s', (s, ms, expected) => {
    expect(timerStatus(at(s, ms), atRisk, due)).toBe(expected);
  });
});

describe('closeTimer', () => {
  const entered = wib('2024-06-07 16:00');
  const due = wib('2024-06-10 08:00');
  it('met when leaving exactly at the deadline', () => {
    expect(closeTimer(entered, due, due, cal)).toEqual({ met: true, businessMinutes: 60 });
  });
  it('breached one minute late; business time excludes the weekend', () => {
    expect(closeTimer(entered, wib('2024-06-10 08:01'), due, cal)).toEqual({ met: false, businessMinutes: 61 });
  });
  it('rounds business time to whole minutes', () => {
    expect(closeTimer(entered, new Date(wib('2024-06-07 16:10').getTime() + 29_000), due, cal).businessMinutes).toBe(10);
    expect(closeTimer(entered, new Date(wib('2024-06-07 16:10').getTime() + 31_000), due, cal).businessMinutes).toBe(11);
  });
  it('counts plain minutes on 24x7 and 0 when leaving before entering', () => {
    expect(closeTimer(entered, wib('2024-06-08 16:00'), wib('2024-06-09 16:00'), ALWAYS_ON)).toEqual({ met: true, businessMinutes: 1440 });
    expect(closeTimer(entered, wib('2024-06-07 15:00'), due, cal)).toEqual({ met: true, businessMinutes: 0 });
  });
  it('counts holidays as non-business time', () => {
    expect(closeTimer(wib('2024-06-14 10:00'), wib('2024-06-19 10:00'), wib('2024-06-20 16:00'), holidays)).toEqual({
      met: true,
      businessMinutes: 390 + 150,
    });
  });
});

describe('recurring obligations', () => {
  it('adds calendar months, clamping to month end', () => {
    expect(show(addCalendarMonths(wib('2024-01-31 09:00'), 1))).toBe('2024-02-29 09:00');
    expect(show(addCalendarMonths(wib('2023-01-31 09:00'), 1))).toBe('2023-02-28 09:00');
    expect(show(addCalendarMonths(wib('2024-08-31 09:00'), 6))).toBe('2025-02-28 09:00');
    expect(show(addCalendarMonths(wib('2024-02-29 09:00'), 12))).toBe('2025-02-28 09:00');
    expect(show(addCalendarMonths(wib('2024-11-15 09:00'), 3))).toBe('2025-02-15 09:00');
  });
  it('does month arithmetic on the local (WIB) date, not the UTC date', () => {
    // 2024-01-31T20:00Z is 1 February 03:00 WIB: one month later is 1 March, not 29 February.
    expect(show(nextRecurringDue(new Date('2024-01-31T20:00:00Z'), 1, wib('2020-01-01 00:00')))).toBe('2024-03-01 03:00');
  });
  it('is due everyMonths after the last completion, or after the anchor when never done', () => {
    const anchor = wib('2024-01-01 00:00');
    expect(show(nextRecurringDue(null, 3, anchor))).toBe('2024-04-01 00:00');
    expect(show(nextRecurringDue(wib('2024-05-20 14:00'), 6, anchor))).toBe('2024-11-20 14:00');
    expect(show(nextRecurringDue(wib('2024-05-20 14:00'), 1, anchor))).toBe('2024-06-20 14:00');
  });
  it('is overdue only strictly after the due instant', () => {
    const done = wib('2024-01-31 10:00');
    const anchor = wib('2023-01-01 00:00');
    const due = wib('2024-02-29 10:00');
    expect(isRecurringOverdue(done, 1, anchor, new Date(due.getTime() - 1))).toBe(false);
    expect(isRecurringOverdue(done, 1, anchor, due)).toBe(false);
    expect(isRecurringOverdue(done, 1, anchor, new Date(due.getTime() + 1))).toBe(true);
    expect(isRecurringOverdue(null, 6, anchor, wib('2023-07-01 00:01'))).toBe(true);
    expect(isRecurringOverdue(null, 6, anchor, wib('2023-06-30 23:59'))).toBe(false);
  });
  it.each([0, -1, 1.5, NaN])('rejects everyMonths %p', (n) => {
    expect(() => nextRecurringDue(null, n, wib('2024-01-01 00:00'))).toThrow(/everyMonths/);
  });
});
