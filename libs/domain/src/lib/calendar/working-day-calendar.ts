import { DomainError, ErrorDetail } from '../domain-error';
import {
  addDays,
  daysBetween,
  formatIsoDate,
  IsoDate,
  isIsoDate,
  isoDateYear,
  isWeekend,
  parseIsoDate,
} from './iso-date';
import { OFFICIAL_CALENDAR_SOURCE, OfficialDayEntry, officialDayEntries } from './official-calendar-data';

/** One year of the State Council's holiday notice. */
export interface CalendarYear {
  year: number;
  /** Official days off, by date, with the holiday's name. */
  holidays: Record<IsoDate, string>;
  /** Make-up working days (调休) on weekends, by date, with the holiday they make up for. */
  workdays: Record<IsoDate, string>;
}

export interface CalendarOverrides {
  /** Short tag appended to the calendar version, e.g. 'gov-2027' or 'shenzhen'. */
  label: string;
  /** A newly published or corrected year: replaces that year's official entries entirely. */
  years?: CalendarYear[];
  /** Local extra days off (e.g. a city's own holiday), by date, with a name. */
  localHolidays?: Record<IsoDate, string>;
}

export type DayReason = 'workday' | 'weekend' | 'holiday' | 'make-up-workday' | 'local-holiday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  name?: string;
  /** The year is not published: weekends are assumed non-working and weekdays working. */
  provisional: boolean;
}

export const CALENDAR_LABEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Checks overrides before they change a calendar. A year's notice may name days in the
 * adjacent December or January (the 2019 notice made 2018-12-29 a working day), so such
 * dates are accepted; any other date outside the year is a mistake.
 */
export function calendarOverridesProblems(o: CalendarOverrides): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  const named = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= 100;
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);

  need(
    typeof o?.label === 'string' && CALENDAR_LABEL_PATTERN.test(o.label),
    'label',
    'must be 1-64 letters, digits, dots, dashes or underscores',
  );

  const years = o?.years ?? [];
  need(Array.isArray(years), 'years', 'must be a list');
  const seen = new Set<number>();
  (Array.isArray(years) ? years : []).forEach((y, i) => {
    const at = `years[${i}]`;
    const year = y?.year;
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      problems.push({ field: `${at}.year`, message: 'must be a year' });
      return;
    }
    need(!seen.has(year), `${at}.year`, `${year} is given twice`);
    seen.add(year);
    const inReach = (d: IsoDate) => {
      const { year: dy, month } = parseIsoDate(d);
      return dy === year || (dy === year - 1 && month === 12) || (dy === year + 1 && month === 1);
    };
    const holidays = isRecord(y.holidays) ? y.holidays : undefined;
    const workdays = isRecord(y.workdays) ? y.workdays : undefined;
    need(holidays !== undefined, `${at}.holidays`, 'must map dates to names');
    need(workdays !== undefined, `${at}.workdays`, 'must map dates to names');
    for (const [date, name] of Object.entries(holidays ?? {})) {
      const ok = isIsoDate(date) && inReach(date);
      need(ok, `${at}.holidays`, `${date} is not a date of ${year} or its adjacent December/January`);
      need(named(name), `${at}.holidays.${date}`, 'needs a name');
    }
    for (const [date, name] of Object.entries(workdays ?? {})) {
      const ok = isIsoDate(date) && inReach(date);
      need(ok, `${at}.workdays`, `${date} is not a date of ${year} or its adjacent December/January`);
      need(named(name), `${at}.workdays.${date}`, 'needs a name');
      // A weekday is a working day anyway; listing one means the notice was misread.
      need(!ok || isWeekend(date), `${at}.workdays.${date}`, 'a make-up workday must be a Saturday or Sunday');
      need(!holidays || !(date in holidays), `${at}.workdays.${date}`, 'is also listed as a holiday');
    }
    need(
      Object.keys(holidays ?? {}).some((d) => isIsoDate(d) && isoDateYear(d) === year),
      `${at}.holidays`,
      `a published year has holidays in ${year}`,
    );
  });

  const local = o?.localHolidays ?? {};
  need(isRecord(local), 'localHolidays', 'must map dates to names');
  for (const [date, name] of Object.entries(isRecord(local) ? local : {})) {
    need(isIsoDate(date), 'localHolidays', `${date} is not a date (YYYY-MM-DD)`);
    need(named(name), `localHolidays.${date}`, 'needs a name');
  }
  return problems;
}

/**
 * The working-day calendar of mainland China: the official State Council calendar from
 * `chinese-days`, optionally corrected or extended by overrides. Immutable: overrides return a
 * new calendar, so a calendar handed to a workflow never changes under it.
 */
export class WorkingDayCalendar {
  private static officialCalendar: WorkingDayCalendar | undefined;

  private constructor(
    readonly version: string,
    private readonly entries: ReadonlyMap<IsoDate, OfficialDayEntry>,
    private readonly localHolidays: ReadonlyMap<IsoDate, string>,
    private readonly published: ReadonlySet<number>,
  ) {}

  /** The official calendar; built once, since every caller can share the immutable result. */
  static official(): WorkingDayCalendar {
    if (!WorkingDayCalendar.officialCalendar) {
      const entries = officialDayEntries();
      const published = new Set<number>();
      for (const [date, entry] of entries) {
        if (entry.kind === 'holiday') published.add(isoDateYear(date));
      }
      WorkingDayCalendar.officialCalendar = new WorkingDayCalendar(
        OFFICIAL_CALENDAR_SOURCE,
        entries,
        new Map(),
        published,
      );
    }
    return WorkingDayCalendar.officialCalendar;
  }

  /** The official calendar with stored overrides applied in order (e.g. from configuration). */
  static fromOverrides(list: readonly CalendarOverrides[]): WorkingDayCalendar {
    return list.reduce((calendar, o) => calendar.withOverrides(o), WorkingDayCalendar.official());
  }

  withOverrides(o: CalendarOverrides): WorkingDayCalendar {
    const problems = calendarOverridesProblems(o);
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `The calendar overrides '${String(o?.label)}' are invalid`, problems);
    }
    const entries = new Map(this.entries);
    const published = new Set(this.published);
    for (const y of o.years ?? []) {
      for (const date of [...entries.keys()]) {
        if (isoDateYear(date) === y.year) entries.delete(date);
      }
      for (const [date, name] of Object.entries(y.holidays)) entries.set(date, { kind: 'holiday', name });
      for (const [date, name] of Object.entries(y.workdays)) entries.set(date, { kind: 'make-up-workday', name });
      published.add(y.year);
    }
    const localHolidays = new Map(this.localHolidays);
    for (const [date, name] of Object.entries(o.localHolidays ?? {})) localHolidays.set(date, name);
    return new WorkingDayCalendar(`${this.version}+${o.label}`, entries, localHolidays, published);
  }

  /** Whether the State Council calendar for the year is loaded (any holiday in that year). */
  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  publishedYears(): number[] {
    return [...this.published].sort((a, b) => a - b);
  }

  dayInfo(date: IsoDate): DayInfo {
    const provisional = !this.published.has(isoDateYear(date));
    // A local day off wins over everything: even a make-up Saturday is not worked there.
    const local = this.localHolidays.get(date);
    if (local !== undefined) return { date, working: false, reason: 'local-holiday', name: local, provisional };
    const entry = this.entries.get(date);
    if (entry?.kind === 'holiday') return { date, working: false, reason: 'holiday', name: entry.name, provisional };
    if (entry?.kind === 'make-up-workday') {
      return { date, working: true, reason: 'make-up-workday', name: entry.name, provisional };
    }
    return isWeekend(date)
      ? { date, working: false, reason: 'weekend', provisional }
      : { date, working: true, reason: 'workday', provisional };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** Per year, the running total of working days: [i] = working days among the year's first i + 1 days. */
  private readonly runningTotals = new Map<number, Int32Array>();

  private yearTotals(year: number): Int32Array {
    let totals = this.runningTotals.get(year);
    if (!totals) {
      const first = formatIsoDate({ year, month: 1, day: 1 });
      const length = daysBetween(first, formatIsoDate({ year, month: 12, day: 31 })) + 1;
      totals = new Int32Array(length);
      let count = 0;
      let d = first;
      for (let i = 0; i < length; i++) {
        if (i > 0) d = addDays(d, 1);
        if (this.isWorkingDay(d)) count++;
        totals[i] = count;
      }
      this.runningTotals.set(year, totals);
    }
    return totals;
  }

  /** Working days from 1 January of the date's year through the date. */
  private workingDaysThroughInYear(date: IsoDate): number {
    const { year } = parseIsoDate(date);
    return this.yearTotals(year)[daysBetween(formatIsoDate({ year, month: 1, day: 1 }), date)] as number;
  }

  /**
   * Working days d with from < d <= to (0 when `to` is not after `from`), from per-year running
   * totals computed once per year of this (immutable) calendar: the same count as walking day
   * by day, without the walk (supervision and the inbox count it for every row they show).
   */
  workingDaysAfterUpTo(from: IsoDate, to: IsoDate): number {
    if (to <= from) return 0;
    const fy = parseIsoDate(from).year;
    const ty = parseIsoDate(to).year;
    if (fy === ty) return this.workingDaysThroughInYear(to) - this.workingDaysThroughInYear(from);
    const fromTotals = this.yearTotals(fy);
    let count = (fromTotals[fromTotals.length - 1] as number) - this.workingDaysThroughInYear(from);
    for (let y = fy + 1; y < ty; y++) {
      const t = this.yearTotals(y);
      count += t[t.length - 1] as number;
    }
    return count + this.workingDaysThroughInYear(to);
  }

  /** The first working day on or after the date. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
}
