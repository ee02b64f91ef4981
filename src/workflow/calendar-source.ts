import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { businessCalendar, parseOfficeHours, type BusinessCalendar } from './calendar';

const HOLIDAY_UID = 'api::hari-libur.hari-libur';
/** Other instances learn of holiday edits within this time; this instance learns at once. */
const CACHE_MS = 5 * 60 * 1000;

/**
 * The business calendar: office hours from config, holidays from the editable `hari-libur`
 * entries. Cached briefly because every transition and sweep needs it.
 */
export function createCalendarSource(strapi: Core.Strapi) {
  let cached: { calendar: BusinessCalendar; at: number } | null = null;
  const config = () => strapi.config.get('ppid') as PpidConfig;

  return {
    async get(): Promise<BusinessCalendar> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.calendar;
      const rows: { tanggal: string }[] = await strapi.db.query(HOLIDAY_UID).findMany({ select: ['tanggal'] });
      const calendar = businessCalendar({
        hours: parseOfficeHours(config().calendar.officeHours),
        utcOffsetMinutes: config().calendar.utcOffsetMinutes,
        holidays: rows.map((r) => String(r.tanggal).slice(0, 10)),
      });
      cached = { calendar, at: Date.now() };
      return calendar;
    },
    invalidate(): void {
      cached = null;
    },
    /** Document Service middleware: any holiday write refreshes the calendar. */
    middleware() {
      return async (ctx: any, next: () => Promise<any>) => {
        const result = await next();
        if (ctx.uid === HOLIDAY_UID && !['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)) cached = null;
        return result;
      };
    },
  };
}

export type CalendarSource = ReturnType<typeof createCalendarSource>;
