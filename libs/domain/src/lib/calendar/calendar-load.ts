import type { IsoDate } from './iso-date';
import { isoDateYear } from './iso-date';
import type { CalendarOverrides } from './working-day-calendar';

/**
 * A loaded calendar is either a year's official holiday notice (holidays and make-up working
 * days, replacing that year's entries) or local days off (a typhoon closure, a city's own
 * holiday) added on top.
 */
export type CalendarLoadKind = 'notice' | 'days-off';

/** What a load covers: the years whose notice it carries and the local days off it adds. */
export interface CalendarCoverage {
  kind: CalendarLoadKind;
  years: number[];
  localDaysOff: IsoDate[];
}

export function calendarCoverage(o: CalendarOverrides): CalendarCoverage {
  const years = (o.years ?? []).map((y) => y.year).sort((a, b) => a - b);
  const localDaysOff = Object.keys(o.localHolidays ?? {}).sort();
  return { kind: years.length > 0 ? 'notice' : 'days-off', years, localDaysOff };
}

/**
 * The overrides as one canonical JSON text (keys and dates sorted), so the same content
 * loaded twice, from JSON or iCalendar, in any order, hashes the same.
 */
export function canonicalCalendarJson(o: CalendarOverrides): string {
  const sortedRecord = (r: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(r ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const canonical: CalendarOverrides = {
    label: o.label,
    years: [...(o.years ?? [])]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({ year: y.year, holidays: sortedRecord(y.holidays), workdays: sortedRecord(y.workdays) })),
    localHolidays: sortedRecord(o.localHolidays),
  };
  return JSON.stringify(canonical);
}

/**
 * Whether admins should be reminded to load next year's notice: from 1 November (Asia/Shanghai
 * date `today`) while next year is not published. The State Council publishes in late
 * October or November, so earlier reminders would only be noise.
 */
export function nextYearNoticeMissing(today: IsoDate, publishedYears: readonly number[]): number | undefined {
  const year = isoDateYear(today);
  const month = Number(today.slice(5, 7));
  if (month < 11) return undefined;
  return publishedYears.includes(year + 1) ? undefined : year + 1;
}
