import {
  ALWAYS_ON,
  DEFAULT_OFFICE_HOURS,
  addBusinessMinutes,
  addWorkingDays,
  businessCalendar,
  businessMinutesBetween,
  isWorkingDay,
  localDateOf,
  parseOfficeHours,
  type BusinessCalendar,
  type OfficeHours,
} from '../../src/workflow/calendar';
import { prng } from '../helpers/prng';

/** Local Jakarta wall-clock time -> instant. 2024-06-03 is a Monday. */
const wib = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
/** Instant -> local Jakarta wall-clock "YYYY-MM-DD HH:MM" (for readable failures). */
const show = (d: Date): string => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const cal = businessCalendar();
// Idul Adha 2024 (Monday 17 June) and its cuti bersama (Tuesday 18 June).
const withHolidays = businessCalendar({ holidays: ['2024-06-17', '2024-06-18'] });
const WEEK = 4 * 510 + 540; // office minutes in a normal week

describe('businessCalendar / DEFAULT_OFFICE_HOURS', () => {
  it('defaults to WIB and the SOP office hours', () => {
    expect(cal.kind).toBe('business');
    expect(cal.utcOffsetMinutes).toBe(420);
    expect(cal.holidays.size).toBe(0);
    expect(DEFAULT_OFFICE_HOURS[1]).toEqual([450, 960]);
    expect(DEFAULT_OFFICE_HOURS[4]).toEqual([450, 960]);
    expect(DEFAULT_OFFICE_HOURS[5]).toEqual([450, 990]);
    expect(DEFAULT_OFFICE_HOURS[0]).toBeNull();
    expect(DEFAULT_OFFICE_HOURS[6]).toBeNull();
  });
  it('copies hours so later mutation of the input has no effect', () => {
    const hours: OfficeHours = { 1: [480, 900] };
    const c = businessCalendar({ hours });
    (hours[1] as [number, number])[1] = 1000;
    expect(c.hours[1]).toEqual([480, 900]);
    expect(c.hours[2]).toBeNull();
  });
  it('rejects malformed holidays and hours', () => {
    expect(() => businessCalendar({ holidays: ['17-06-2024'] })).toThrow(/Invalid local date "17-06-2024"/);
    expect(() => businessCalendar({ holidays: ['2024-02-30'] })).toThrow(/Invalid local date/);
    expect(() => businessCalendar({ hours: { 1: [960, 450] } })).toThrow(/Invalid office hours for weekday 1/);
    expect(() => businessCalendar({ hours: { 1: [0, 1500] } })).toThrow(/Invalid office hours/);
    expect(() => businessCalendar({ utcOffsetMinutes: 7.5 })).toThrow(/utcOffsetMinutes/);
  });
});

describe('localDateOf / isWorkingDay', () => {
  it('uses the local date, not the UTC date', () => {
    expect(localDateOf(new Date('2024-06-03T16:59:59Z'), cal)).toBe('2024-06-03');
    expect(localDateOf(new Date('2024-06-03T17:00:00Z'), cal)).toBe('2024-06-04');
    expect(localDateOf(new Date('2024-06-03T17:00:00Z'), businessCalendar({ utcOffsetMinutes: 0 }))).toBe('2024-06-03');
  });
  it('knows weekdays, weekends and holidays', () => {
    expect(isWorkingDay('2024-06-03', cal)).toBe(true); // Monday
    expect(isWorkingDay('2024-06-07', cal)).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09', cal)).toBe(false); // Sunday
    expect(isWorkingDay('2024-06-17', cal)).toBe(true);
    expect(isWorkingDay('2024-06-17', withHolidays)).toBe(false);
    expect(isWorkingDay('1969-12-31', cal)).toBe(true); // Wednesday before the epoch
  });
  it('throws on malformed dates', () => {
    expect(() => isWorkingDay('2024-6-3', cal)).toThrow(/Invalid local date/);
    expect(() => isWorkingDay('2023-02-29', cal)).toThrow(/Invalid local date/);
  });
});

describe('addBusinessMinutes', () => {
  const cases: [string, string, number, string, BusinessCalendar][] = [
    ['within a day', '2024-06-03 10:00', 60, '2024-06-03 11:00', cal],
    ['landing exactly on closing stays at closing', '2024-06-03 15:00', 60, '2024-06-03 16:00', cal],
    ['across the night', '2024-06-03 15:30', 60, '2024-06-04 08:00', cal],
    ['starting before opening', '2024-06-03 06:00', 30, '2024-06-03 08:00', cal],
    ['starting at midnight', '2024-06-03 00:00', 1, '2024-06-03 07:31', cal],
    ['starting after closing', '2024-06-03 17:00', 30, '2024-06-04 08:00', cal],
    ['Thursday 15:55 + 10', '2024-06-06 15:55', 10, '2024-06-07 07:35', cal],
    ['Friday closes at 16:30', '2024-06-07 16:00', 30, '2024-06-07 16:30', cal],
    ['Friday 16:00 + 60 uses Friday\'s extra half hour', '2024-06-07 16:00', 60, '2024-06-10 08:00', cal],
    ['Friday after closing + 60', '2024-06-07 16:30', 60, '2024-06-10 08:30', cal],
    ['Saturday start waits for Monday', '2024-06-08 10:00', 10, '2024-06-10 07:40', cal],
    ['Sunday late night start', '2024-06-09 23:59', 10, '2024-06-10 07:40', cal],
    ['holiday on a Monday (and Tuesday cuti bersama)', '2024-06-14 16:00', 60, '2024-06-19 08:00', withHolidays],
    ['starting on the holiday itself', '2024-06-17 09:00', 510, '2024-06-19 16:00', withHolidays],
    ['exactly three weeks of office time', '2024-06-03 07:30', 3 * WEEK, '2024-06-21 16:30', cal],
    ['three weeks and one minute', '2024-06-03 07:30', 3 * WEEK + 1, '2024-06-24 07:31', cal],
    ['several weeks over holidays', '2024-06-03 07:30', 3 * WEEK, '2024-06-25 16:00', withHolidays],
  ];
  // Every row names its calendar: jest would pass its `done` callback in place of a missing argument.
  it.each(cases)('%s', (_name, start, minutes, expected, c) => {
    expect(show(addBusinessMinutes(wib(start), minutes, c))).toBe(expected);
  });

  it('returns start unchanged for zero or negative minutes', () => {
    const s = wib('2024-06-08 10:00');
    expect(addBusinessMinutes(s, 0, cal).getTime()).toBe(s.getTime());
    expect(addBusinessMinutes(s, -5, cal).getTime()).toBe(s.getTime());
  });
  it('handles fractional minutes and seconds precisely', () => {
    expect(addBusinessMinutes(wib('2024-06-03 15:59'), 1.5, cal).toISOString()).toBe(wib('2024-06-04 07:30').toISOString().replace(':00.000Z', ':30.000Z'));
  });
  it('is plain arithmetic for 24x7', () => {
    expect(show(addBusinessMinutes(wib('2024-06-08 23:30'), 60, ALWAYS_ON))).toBe('2024-06-09 00:30');
  });
  it('honours a different offset (WITA, UTC+8)', () => {
    const wita = businessCalendar({ utcOffsetMinutes: 480 });
    // 07:30 WITA = 06:30 WIB
    expect(show(addBusinessMinutes(wib('2024-06-03 06:00'), 30, wita))).toBe('2024-06-03 07:00');
  });
  it('is fast over multi-year spans', () => {
    const t0 = Date.now();
    const end = addBusinessMinutes(wib('2024-01-01 07:30'), 3 * 52 * WEEK, cal);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(end.getTime()).toBeGreaterThan(wib('2026-12-01 00:00').getTime());
    expect(businessMinutesBetween(wib('2024-01-01 07:30'), end, cal)).toBe(3 * 52 * WEEK);
  });
  it('throws instead of looping forever when the office never opens', () => {
    const closed = businessCalendar({ hours: {} });
    expect(() => addBusinessMinutes(wib('2024-06-03 10:00'), 1, closed)).toThrow(/no office hours/);
    expect(() => addWorkingDays(wib('2024-06-03 10:00'), 1, closed)).toThrow(/no working days/);
  });
  it('rejects invalid input', () => {
    expect(() => addBusinessMinutes(new Date('nope'), 1, cal)).toThrow(/not a valid Date/);
    expect(() => addBusinessMinutes(wib('2024-06-03 10:00'), NaN, cal)).toThrow(/finite/);
  });
});

describe('businessMinutesBetween', () => {
  const cases: [string, string, string, number, BusinessCalendar][] = [
    ['within a day', '2024-06-03 10:00', '2024-06-03 11:15', 75, cal],
    ['across a night', '2024-06-03 15:30', '2024-06-04 08:00', 60, cal],
    ['across a weekend from Friday', '2024-06-07 16:00', '2024-06-10 08:00', 60, cal],
    ['entirely outside office hours', '2024-06-03 16:00', '2024-06-04 07:30', 0, cal],
    ['a whole weekend', '2024-06-08 00:00', '2024-06-10 00:00', 0, cal],
    ['a whole week', '2024-06-03 00:00', '2024-06-10 00:00', WEEK, cal],
    ['over holidays', '2024-06-14 16:00', '2024-06-19 08:00', 60, withHolidays],
  ];
  it.each(cases)('%s', (_name, a, b, expected, c) => {
    expect(businessMinutesBetween(wib(a), wib(b), c)).toBe(expected);
  });
  it('is 0 when b <= a', () => {
    expect(businessMinutesBetween(wib('2024-06-03 11:00'), wib('2024-06-03 10:00'), cal)).toBe(0);
    expect(businessMinutesBetween(wib('2024-06-03 11:00'), wib('2024-06-03 11:00'), cal)).toBe(0);
    expect(businessMinutesBetween(wib('2024-06-03 11:00'), wib('2024-06-03 10:00'), ALWAYS_ON)).toBe(0);
  });
  it('is plain minutes for 24x7', () => {
    expect(businessMinutesBetween(wib('2024-06-08 00:00'), wib('2024-06-10 00:00'), ALWAYS_ON)).toBe(2880);
  });
  it('is additive: [a,b) + [b,c) = [a,c)', () => {
    const [a, b, c] = [wib('2024-06-05 09:13'), wib('2024-06-12 18:00'), wib('2024-07-02 10:01')];
    expect(businessMinutesBetween(a, b, withHolidays) + businessMinutesBetween(b, c, withHolidays)).toBe(
      businessMinutesBetween(a, c, withHolidays),
    );
  });
});


/** Minute-by-minute reference implementation (slow, obviously correct) for whole-minute starts. */
function bruteAdd(start: Date, minutes: number, c: BusinessCalendar): Date {
  let t = start.getTime();
  let left = minutes;
  while (left > 0) {
    const local = new Date(t + c.utcOffsetMinutes * 60_000);
    const date = local.toISOString().slice(0, 10);
    const h = c.hours[local.getUTCDay()];
    const mod = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (h && !c.holidays.has(date) && mod >= h[0] && mod < h[1]) left--;
    t += 60_000;
  }
  return new Date(t);
}

describe('property checks (seeded)', () => {
  const rnd = prng(20240603);
  const from = wib('2024-05-01 00:00').getTime();
  const span = 120 * 86_400_000;
  const holidayCal = businessCalendar({ holidays: ['2024-05-09', '2024-05-10', '2024-05-23', '2024-05-24', '2024-06-17', '2024-06-18', '2024-07-08'] });

  it('businessMinutesBetween(start, addBusinessMinutes(start, m)) === m, and due is the earliest such instant', () => {
    for (let i = 0; i < 500; i++) {
      const start = new Date(from + Math.floor(rnd() * span)); // arbitrary ms, not only whole minutes
      const m = 1 + Math.floor(rnd() * 8000);
      const due = addBusinessMinutes(start, m, holidayCal);
      expect(due.getTime()).toBeGreaterThan(start.getTime());
      expect(businessMinutesBetween(start, due, holidayCal)).toBe(m);
      expect(businessMinutesBetween(start, new Date(due.getTime() - 1), holidayCal)).toBeLessThan(m);
      // The deadline is always inside (or at the closing edge of) an office day.
      const h = holidayCal.hours[new Date(due.getTime() + 7 * 3600_000).getUTCDay()];
      expect(h).not.toBeNull();
      expect(isWorkingDay(localDateOf(due, holidayCal), holidayCal)).toBe(true);
    }
  });

  it('addBusinessMinutes agrees with a minute-by-minute reference', () => {
    for (let i = 0; i < 150; i++) {
      const start = new Date(from + Math.floor(rnd() * span / 60_000) * 60_000);
      const m = 1 + Math.floor(rnd() * 1500);
      expect(addBusinessMinutes(start, m, holidayCal).toISOString()).toBe(bruteAdd(start, m, holidayCal).toISOString());
    }
  });

  it('addWorkingDays lands at closing of a working day, N working days after the start day', () => {
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(rnd() * span));
      const n = 1 + Math.floor(rnd() * 20);
      const due = addWorkingDays(start, n, holidayCal);
      const dueDate = localDateOf(due, holidayCal);
      expect(isWorkingDay(dueDate, holidayCal)).toBe(true);
      const local = new Date(due.getTime() + 7 * 3600_000);
      const close = (holidayCal.hours[local.getUTCDay()] as [number, number])[1];
      expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBe(close);
      // Count working days strictly after the start day up to and including the due day.
      let count = 0;
      for (let d = new Date(`${localDateOf(start, holidayCal)}T00:00:00Z`); ; ) {
        d = new Date(d.getTime() + 86_400_000);
        const ds = d.toISOString().slice(0, 10);
        if (isWorkingDay(ds, holidayCal)) count++;
        if (ds === dueDate) break;
      }
      expect(count).toBe(n);
    }
  });
});

describe('addWorkingDays', () => {
  const cases: [string, string, number, string, BusinessCalendar][] = [
    ['Monday 10:00 + 2 -> Wednesday close', '2024-06-03 10:00', 2, '2024-06-05 16:00', cal],
    ['Thursday + 1 -> Friday close (16:30)', '2024-06-06 10:00', 1, '2024-06-07 16:30', cal],
    ['Friday + 1 skips the weekend', '2024-06-07 10:00', 1, '2024-06-10 16:00', cal],
    ['before opening: the day of receipt still is not counted', '2024-06-03 06:00', 1, '2024-06-04 16:00', cal],
    ['after closing', '2024-06-03 20:00', 1, '2024-06-04 16:00', cal],
    ['received on Saturday', '2024-06-08 10:00', 1, '2024-06-10 16:00', cal],
    ['local day differs from UTC day (00:30 WIB Tuesday)', '2024-06-04 00:30', 1, '2024-06-05 16:00', cal],
    ['23:30 WIB Monday is still Monday', '2024-06-03 23:30', 1, '2024-06-04 16:00', cal],
    ['over a Monday holiday + cuti bersama', '2024-06-14 10:00', 2, '2024-06-20 16:00', withHolidays],
    ['received on the holiday', '2024-06-17 10:00', 1, '2024-06-19 16:00', withHolidays],
    ['several weeks', '2024-06-03 10:00', 15, '2024-06-24 16:00', cal],
    ['zero days: close of the start day', '2024-06-03 10:00', 0, '2024-06-03 16:00', cal],
    ['zero days on a weekend: close of next working day', '2024-06-08 10:00', 0, '2024-06-10 16:00', cal],
  ];
  it.each(cases)('%s', (_name, start, n, expected, c) => {
    expect(show(addWorkingDays(wib(start), n, c))).toBe(expected);
  });
  it('is N x 24h for 24x7', () => {
    expect(show(addWorkingDays(wib('2024-06-08 10:00'), 2, ALWAYS_ON))).toBe('2024-06-10 10:00');
  });
  it('rejects negative or fractional days', () => {
    expect(() => addWorkingDays(wib('2024-06-03 10:00'), -1, cal)).toThrow(/non-negative integer/);
    expect(() => addWorkingDays(wib('2024-06-03 10:00'), 1.5, cal)).toThrow(/non-negative integer/);
  });
});

describe('parseOfficeHours', () => {
  it('parses the default spec into DEFAULT_OFFICE_HOURS', () => {
    expect(parseOfficeHours('mon-thu 07:30-16:00; fri 07:30-16:30')).toEqual({ ...DEFAULT_OFFICE_HOURS });
  });
  it('accepts Indonesian names, lists, spaces, newlines and explicit closed days', () => {
    const h = parseOfficeHours('Senin - Kamis 08:00 - 15:30\n jumat,sabtu 08.00-11:00 ; minggu tutup');
    expect(h).toEqual({ 0: null, 1: [480, 930], 2: [480, 930], 3: [480, 930], 4: [480, 930], 5: [480, 660], 6: [480, 660] });
  });
  it('supports a range ending on Sunday and 24:00 closing', () => {
    const h = parseOfficeHours('sat-sun 00:00-24:00');
    expect(h[6]).toEqual([0, 1440]);
    expect(h[0]).toEqual([0, 1440]);
    expect(h[1]).toBeNull();
  });
  it('produces hours usable by businessCalendar', () => {
    const c = businessCalendar({ hours: parseOfficeHours('mon-fri 08:00-16:00') });
    expect(show(addBusinessMinutes(wib('2024-06-07 15:00'), 120, c))).toBe('2024-06-10 09:00');
  });
  it.each([
    ['', /empty specification/],
    [' ; ', /empty specification/],
    ['mon-fri', /cannot read "mon-fri"/],
    ['monday to friday 08:00-16:00', /cannot read/],
    ['funday 08:00-16:00', /unknown day "funday"/],
    ['mon-thu 7:3-16:00', /invalid time "7:3"/],
    ['mon 08:00-25:00', /invalid time "25:00"/],
    ['mon 08:60-16:00', /invalid time "08:60"/],
    ['mon 16:00-08:00', /opening 16:00 must be before closing 08:00/],
    ['mon 08:00-08:00', /must be before closing/],
    ['mon 08:00', /invalid time range "08:00"/],
    ['fri-mon 08:00-16:00', /must run forward from Monday to Sunday/],
    ['mon-wed-fri 08:00-16:00', /invalid day range "mon-wed-fri"/],
    ['mon-thu 08:00-16:00; thu 08:00-12:00', /Thursday is defined twice/],
  ])('rejects %p', (spec, err) => {
    expect(() => parseOfficeHours(spec)).toThrow(err);
  });
});
