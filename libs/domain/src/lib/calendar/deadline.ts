import { DomainError, ErrorDetail } from '../domain-error';
import {
  addDays,
  addMonths,
  endOfShanghaiDay,
  IsoDate,
  isoDateYear,
  normalizeInstant,
  parseIsoDate,
  toShanghaiDate,
  WEEKDAY_NAMES,
  weekdayOf,
} from './iso-date';
import { DayInfo, WorkingDayCalendar } from './working-day-calendar';

export type DeadlineUnit = 'working-days' | 'calendar-days' | 'months';

export interface DeadlineRule {
  unit: DeadlineUnit;
  /** A positive integer. */
  amount: number;
}

export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['working-days', 'calendar-days', 'months'];

/**
 * Upper bounds far above any handling rule (the longest is six months); they exist so that a
 * configuration typo cannot make a workflow loop over decades of days.
 */
export const MAX_DEADLINE_AMOUNT: Readonly<Record<DeadlineUnit, number>> = {
  'working-days': 1000,
  'calendar-days': 3660,
  months: 120,
};

/** Bound on working-day offsets (reminders, overdue counts) for the same reason. */
const MAX_WORKING_DAY_OFFSET = 10_000;

export type SkipReason = 'weekend' | 'holiday' | 'local-holiday';

export interface SkippedDay {
  date: IsoDate;
  reason: SkipReason;
  name?: string;
}

export interface DeadlineExplanation {
  /** The instant the period started, in canonical UTC form. */
  start: string;
  /** Its Asia/Shanghai date, which is not counted. */
  startDate: IsoDate;
  rule: DeadlineRule;
  /** The end before rolling forward; for working-day rules equal to endDate. */
  nominalEndDate: IsoDate;
  /** The last day of the period. */
  endDate: IsoDate;
  /** endOfShanghaiDay(endDate). */
  dueAt: string;
  /** Non-working days skipped while counting working days, or while rolling forward. */
  skipped: SkippedDay[];
  /** A calendar-day or month period whose last day was not a working day. */
  rolledForward: boolean;
  calendarVersion: string;
  /** Some day examined lies in a year whose calendar is not published yet. */
  provisional: boolean;
  provisionalYears: number[];
  /** One English paragraph a supervisor can read. */
  text: string;
}

export function deadlineRuleProblems(rule: DeadlineRule, field = 'rule'): ErrorDetail[] {
  const unit = (rule as Partial<DeadlineRule> | undefined)?.unit;
  const amount = (rule as Partial<DeadlineRule> | undefined)?.amount;
  if (unit === undefined || !DEADLINE_UNITS.includes(unit)) {
    return [{ field: `${field}.unit`, message: `must be one of ${DEADLINE_UNITS.join(', ')}` }];
  }
  const max = MAX_DEADLINE_AMOUNT[unit];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > max) {
    return [{ field: `${field}.amount`, message: `must be a whole number from 1 to ${max}` }];
  }
  return [];
}

function assertValidRule(rule: DeadlineRule): void {
  const problems = deadlineRuleProblems(rule);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The deadline rule is invalid', problems);
}

function assertOffset(n: number, field: string): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAY_OFFSET) {
    const message = `must be a whole number of working days within ±${MAX_WORKING_DAY_OFFSET}`;
    throw new DomainError('VALIDATION_FAILED', `Invalid ${field}`, [{ field, message }]);
  }
}

export function describeRule(rule: DeadlineRule): string {
  const one = rule.amount === 1;
  switch (rule.unit) {
    case 'working-days':
      return `${rule.amount} working ${one ? 'day' : 'days'}`;
    case 'calendar-days':
      return `${rule.amount} calendar ${one ? 'day' : 'days'}`;
    case 'months':
      return `${rule.amount} ${one ? 'month' : 'months'}`;
  }
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function skippedOf(info: DayInfo): SkippedDay {
  const reason = info.reason as SkipReason;
  return info.name === undefined ? { date: info.date, reason } : { date: info.date, reason, name: info.name };
}

/** Runs of consecutive days with the same reason, so a holiday week reads as one range. */
export function describeDays(days: readonly { date: IsoDate; reason: string; name?: string }[]): string {
  const runs: { from: IsoDate; to: IsoDate; label: string }[] = [];
  for (const d of days) {
    const label = d.name === undefined ? d.reason : `${d.reason}: ${d.name}`;
    const last = runs[runs.length - 1];
    if (last && last.label === label && addDays(last.to, 1) === d.date) last.to = d.date;
    else runs.push({ from: d.date, to: d.date, label });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from} to ${r.to}`} (${r.label})`).join(', ');
}

/**
 * When a period ends, by the rules for legal periods: the start day is not counted; a month
 * period ends on the same day of the month (or that month's last day); a calendar-day or
 * month period whose last day is not a working day ends on the next working day; a
 * working-day period counts only working days of the official calendar with its make-up
 * workdays.
 */
export function computeDeadline(
  calendar: WorkingDayCalendar,
  start: string | Date,
  rule: DeadlineRule,
): DeadlineExplanation {
  assertValidRule(rule);
  const startInstant = normalizeInstant(start);
  const startDate = toShanghaiDate(start);
  const skipped: SkippedDay[] = [];
  const madeUp: DayInfo[] = [];
  const provisionalYears = new Set<number>();
  const examine = (date: IsoDate): DayInfo => {
    const info = calendar.dayInfo(date);
    if (info.provisional) provisionalYears.add(isoDateYear(date));
    return info;
  };

  let nominalEndDate: IsoDate;
  let endDate: IsoDate;
  if (rule.unit === 'working-days') {
    let d = startDate;
    for (let counted = 0; counted < rule.amount;) {
      d = addDays(d, 1);
      const info = examine(d);
      if (info.working) {
        counted++;
        if (info.reason === 'make-up-workday') madeUp.push(info);
      } else {
        skipped.push(skippedOf(info));
      }
    }
    nominalEndDate = endDate = d;
  } else {
    nominalEndDate = rule.unit === 'months' ? addMonths(startDate, rule.amount) : addDays(startDate, rule.amount);
    let d = nominalEndDate;
    for (let info = examine(d); !info.working; info = examine(d)) {
      skipped.push(skippedOf(info));
      d = addDays(d, 1);
    }
    endDate = d;
  }

  const rolledForward = endDate !== nominalEndDate;
  const dueAt = endOfShanghaiDay(endDate);
  const years = [...provisionalYears].sort((a, b) => a - b);

  const sentences = [`${describeRule(rule)} from ${startDate} (start day not counted; started ${startInstant}).`];
  if (rule.unit === 'working-days') {
    if (skipped.length > 0) sentences.push(`Skipped non-working days: ${describeDays(skipped)}.`);
    if (madeUp.length > 0) sentences.push(`Counted make-up workdays: ${describeDays(madeUp)}.`);
    sentences.push(`The ${ordinal(rule.amount)} working day after the start is ${endDate}.`);
  } else if (rolledForward) {
    const weekday = WEEKDAY_NAMES[weekdayOf(nominalEndDate)];
    sentences.push(
      `Nominal end ${nominalEndDate} (${weekday}) is not a working day, so the period rolls forward past ${describeDays(skipped)} to the next working day, ${endDate}.`,
    );
  } else {
    const weekday = WEEKDAY_NAMES[weekdayOf(endDate)];
    const made = examine(endDate).reason === 'make-up-workday' ? ', a make-up workday' : '';
    sentences.push(`Nominal end ${nominalEndDate} (${weekday}${made}) is a working day, so the period ends then.`);
  }
  sentences.push(`Due ${endDate} 23:59:59.999 Asia/Shanghai (${dueAt}); calendar ${calendar.version}.`);
  if (years.length > 0) {
    const list = years.join(', ');
    sentences.push(
      `Provisional: the official calendar for ${list} is not published, so weekends there were assumed non-working and weekdays working; recompute when it is loaded.`,
    );
  }

  return {
    start: startInstant,
    startDate,
    rule: { unit: rule.unit, amount: rule.amount },
    nominalEndDate,
    endDate,
    dueAt,
    skipped,
    rolledForward,
    calendarVersion: calendar.version,
    provisional: years.length > 0,
    provisionalYears: years,
    text: sentences.join(' '),
  };
}

/**
 * The n-th working day after the date (n > 0), or before it (n < 0); the date itself for 0.
 * The date itself need not be a working day.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
  parseIsoDate(date);
  assertOffset(n, 'n');
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** The number of working days d with from < d <= to; 0 when to is not after from. */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  parseIsoDate(from);
  parseIsoDate(to);
  // Same as counting day by day (d = from + 1 … to, working days only), from running totals.
  return calendar.workingDaysAfterUpTo(from, to);
}

/**
 * For each entry of workingDaysBefore, the working day that many working days before the end
 * date, in the same order (so result[i] belongs to workingDaysBefore[i]).
 */
export function reminderDates(
  calendar: WorkingDayCalendar,
  endDate: IsoDate,
  workingDaysBefore: readonly number[],
): IsoDate[] {
  return workingDaysBefore.map((n) => {
    if (!Number.isInteger(n) || n < 1) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid reminder offset', [
        { field: 'workingDaysBefore', message: `must be positive whole numbers, got ${n}` },
      ]);
    }
    return addWorkingDays(calendar, endDate, -n);
  });
}
