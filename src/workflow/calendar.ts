/**
 * Business calendar arithmetic for SLA deadlines. Pure: every instant is passed in.
 *
 * Time zone: the office works in Asia/Jakarta (WIB, UTC+7). Indonesia has observed no daylight
 * saving time since 1964, so a fixed offset (+07:00 = 420 minutes) is exact and we avoid any
 * dependency on the host's time-zone database. Other offices (WITA +8, WIT +9) just pass a
 * different `utcOffsetMinutes`.
 *
 * Internally a "local day" is the integer number of days since 1970-01-01 in local time; its
 * opening/closing instants are computed directly, so long spans cost one step per day, not per minute.
 */

export interface OfficeHours {
  /** 0=Sunday..6=Saturday -> [startMinuteOfDay, endMinuteOfDay] local time, or null/absent = closed */
  [weekday: number]: [number, number] | null;
}

export interface BusinessCalendar {
  kind: 'business';
  utcOffsetMinutes: number;
  hours: OfficeHours;
  /** 'YYYY-MM-DD' local dates */
  holidays: ReadonlySet<string>;
}

export interface AlwaysOnCalendar {
  kind: '24x7';
}

export type Calendar = BusinessCalendar | AlwaysOnCalendar;

export const JAKARTA_UTC_OFFSET_MINUTES = 420;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Give up after ten years without a single open day (e.g. all weekdays closed): a config error. */
const MAX_SCAN_DAYS = 3660;

/** Mon–Thu 07:30–16:00, Fri 07:30–16:30, Sat/Sun closed. */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze<OfficeHours>({
  0: null,
  1: [450, 960],
  2: [450, 960],
  3: [450, 960],
  4: [450, 960],
  5: [450, 990],
  6: null,
});

export const ALWAYS_ON: AlwaysOnCalendar = Object.freeze({ kind: '24x7' as const });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a 'YYYY-MM-DD' local date into its day number; throws on malformed or impossible dates. */
function dayNumberOf(localDate: string): number {
  const m = DATE_RE.exec(localDate);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== localDate) {
    throw new Error(`Invalid local date "${localDate}" (expected YYYY-MM-DD)`);
  }
  return ms / DAY;
}

const dateStringOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const localDayOf = (ms: number, cal: BusinessCalendar): number =>
  Math.floor((ms + cal.utcOffsetMinutes * MINUTE) / DAY);

function checkInstant(d: Date, what: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(ms)) throw new Error(`${what} is not a valid Date`);
  return ms;
}

function validateHours(hours: OfficeHours): void {
  for (let wd = 0; wd < 7; wd++) {
    const h = hours[wd];
    if (h == null) continue;
    const [s, e] = h;
    if (!(Number.isFinite(s) && Number.isFinite(e) && s >= 0 && e <= 1440 && s < e)) {
      throw new Error(`Invalid office hours for weekday ${wd}: [${s}, ${e}] (need 0 <= start < end <= 1440)`);
    }
  }
}

export function businessCalendar(opts?: {
  hours?: OfficeHours;
  holidays?: Iterable<string>;
  utcOffsetMinutes?: number;
}): BusinessCalendar {
  const src = opts?.hours ?? DEFAULT_OFFICE_HOURS;
  validateHours(src);
  const hours: OfficeHours = {};
  for (let wd = 0; wd < 7; wd++) {
    const h = src[wd];
    hours[wd] = h ? [h[0], h[1]] : null;
  }
  const holidays = new Set<string>();
  for (const h of opts?.holidays ?? []) {
    dayNumberOf(h); // validate early: a typo would otherwise silently make a holiday a working day
    holidays.add(h);
  }
  const utcOffsetMinutes = opts?.utcOffsetMinutes ?? JAKARTA_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new Error(`Invalid utcOffsetMinutes ${utcOffsetMinutes}`);
  }
  return { kind: 'business', utcOffsetMinutes, hours, holidays };
}

// ---------------------------------------------------------------------------------------------
// parseOfficeHours: "mon-thu 07:30-16:00; fri 07:30-16:30" (English or Indonesian day names,
// "closed"/"tutup" allowed, days not mentioned are closed).

const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, sen: 1, senin: 1,
  tue: 2, tuesday: 2, sel: 2, selasa: 2,
  wed: 3, wednesday: 3, rab: 3, rabu: 3,
  thu: 4, thursday: 4, kam: 4, kamis: 4,
  fri: 5, friday: 5, jum: 5, jumat: 5,
  sat: 6, saturday: 6, sab: 6, sabtu: 6,
  sun: 0, sunday: 0, min: 0, minggu: 0,
};
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Ranges run Monday -> Sunday (Indonesian week), so "sat-sun" works and "sun-mon" is an error.
const mondayFirst = (wd: number): number => (wd + 6) % 7;

function parseDay(tok: string, seg: string): number {
  const wd = DAY_NAMES[tok.toLowerCase()];
  if (wd === undefined) throw new Error(`Office hours: unknown day "${tok}" in "${seg}"`);
  return wd;
}

function parseClock(tok: string, seg: string): number {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(tok);
  const min = m ? +m[1] * 60 + +m[2] : NaN;
  if (!m || +m[2] > 59 || min > 1440) throw new Error(`Office hours: invalid time "${tok}" in "${seg}" (use HH:MM)`);
  return min;
}

export function parseOfficeHours(spec: string): OfficeHours {
  const segments = spec.split(/[;\n]/).map((s) => s.trim()).filter((s) => s !== '');
  if (segments.length === 0) throw new Error('Office hours: empty specification');
  const hours: OfficeHours = { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null };
  const defined = new Set<number>();

  for (const seg of segments) {
    const m = /^(\S+)\s+(\S+)$/.exec(seg.replace(/\s*([-,])\s*/g, '$1'));
    if (!m) throw new Error(`Office hours: cannot read "${seg}" (expected e.g. "mon-thu 07:30-16:00")`);
    const [, daysPart, timePart] = m;

    const days: number[] = [];
    for (const item of daysPart.split(',')) {
      const range = item.split('-');
      if (range.length === 1) days.push(parseDay(range[0], seg));
      else if (range.length === 2) {
        const a = mondayFirst(parseDay(range[0], seg));
        const b = mondayFirst(parseDay(range[1], seg));
        if (a > b) throw new Error(`Office hours: day range "${item}" must run forward from Monday to Sunday`);
        for (let i = a; i <= b; i++) days.push((i + 1) % 7);
      } else throw new Error(`Office hours: invalid day range "${item}" in "${seg}"`);
    }

    let value: [number, number] | null;
    if (/^(closed|tutup|libur)$/i.test(timePart)) value = null;
    else {
      const t = timePart.split('-');
      if (t.length !== 2) throw new Error(`Office hours: invalid time range "${timePart}" in "${seg}" (use HH:MM-HH:MM)`);
      const [s, e] = [parseClock(t[0], seg), parseClock(t[1], seg)];
      if (s >= e) throw new Error(`Office hours: opening ${t[0]} must be before closing ${t[1]} in "${seg}"`);
      value = [s, e];
    }

    for (const wd of days) {
      if (defined.has(wd)) throw new Error(`Office hours: ${WEEKDAY_EN[wd]} is defined twice in "${spec}"`);
      defined.add(wd);
      hours[wd] = value;
    }
  }
  return hours;
}

// ---------------------------------------------------------------------------------------------

export function localDateOf(d: Date, cal: BusinessCalendar): string {
  return dateStringOf(localDayOf(checkInstant(d, 'date'), cal));
}

function isWorkingDayNum(day: number, cal: BusinessCalendar): boolean {
  return cal.hours[weekdayOf(day)] != null && !cal.holidays.has(dateStringOf(day));
}

export function isWorkingDay(localDate: string, cal: BusinessCalendar): boolean {
  return isWorkingDayNum(dayNumberOf(localDate), cal);
}

/** UTC-ms [open, close) of a local day, or null when the office is closed that day. */
function openInterval(day: number, cal: BusinessCalendar): [number, number] | null {
  if (!isWorkingDayNum(day, cal)) return null;
  const [s, e] = cal.hours[weekdayOf(day)] as [number, number];
  const base = day * DAY - cal.utcOffsetMinutes * MINUTE;
  return [base + s * MINUTE, base + e * MINUTE];
}

/**
 * Adds office minutes. If `start` is outside office hours, counting begins at the next opening.
 * A deadline that lands exactly on closing time stays there (16:00, not next morning 07:30).
 * `minutes <= 0` returns `start` unchanged: nothing to count.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: Calendar): Date {
  const t0 = checkInstant(start, 'start');
  if (!Number.isFinite(minutes)) throw new Error(`minutes must be finite (got ${minutes})`);
  if (minutes <= 0) return new Date(t0);
  if (cal.kind === '24x7') return new Date(Math.round(t0 + minutes * MINUTE));

  let remaining = minutes * MINUTE;
  let idle = 0;
  for (let day = localDayOf(t0, cal); ; day++) {
    const iv = openInterval(day, cal);
    if (!iv) {
      if (++idle > MAX_SCAN_DAYS) throw new Error('Business calendar has no office hours: cannot add time');
      continue;
    }
    idle = 0;
    const from = Math.max(t0, iv[0]);
    if (from >= iv[1]) continue; // start was after this day's closing
    const avail = iv[1] - from;
    if (remaining <= avail) return new Date(Math.round(from + remaining));
    remaining -= avail;
  }
}

/** Office minutes in [a, b); 0 if b <= a; for 24x7 plain elapsed minutes. May be fractional. */
export function businessMinutesBetween(a: Date, b: Date, cal: Calendar): number {
  const ta = checkInstant(a, 'a');
  const tb = checkInstant(b, 'b');
  if (tb <= ta) return 0;
  if (cal.kind === '24x7') return (tb - ta) / MINUTE;
  let total = 0;
  const last = localDayOf(tb, cal);
  for (let day = localDayOf(ta, cal); day <= last; day++) {
    const iv = openInterval(day, cal);
    if (!iv) continue;
    const overlap = Math.min(tb, iv[1]) - Math.max(ta, iv[0]);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE;
}

/**
 * Deadline of "N working days": the day on which `start` falls (day of receipt) is not counted;
 * the deadline is the END of office hours of the N-th working day after it, skipping weekends
 * and holidays. This holds whatever the time of day of `start` (even before opening or on a
 * closed day). N = 0 means "by closing time of the start day, or of the next working day".
 * For 24x7 calendars: start + N × 24 h.
 */
export function addWorkingDays(start: Date, days: number, cal: Calendar): Date {
  const t0 = checkInstant(start, 'start');
  if (!Number.isInteger(days) || days < 0) throw new Error(`days must be a non-negative integer (got ${days})`);
  if (cal.kind === '24x7') return new Date(t0 + days * DAY);

  let day = localDayOf(t0, cal);
  let counted = 0;
  let idle = 0;
  if (days === 0) day--; // so the loop below lands on the start day itself when it is a working day
  const target = Math.max(days, 1);
  while (counted < target) {
    day++;
    if (isWorkingDayNum(day, cal)) {
      counted++;
      idle = 0;
    } else if (++idle > MAX_SCAN_DAYS) throw new Error('Business calendar has no working days: cannot add days');
  }
  return new Date((openInterval(day, cal) as [number, number])[1]);
}
