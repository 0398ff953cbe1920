import type { DeadlinePlan } from '../handling/handling-state';
import { computeDeadline, DeadlineExplanation, describeDays, reminderDates, SkippedDay, skippedOf } from './deadline';
import {
  addDays,
  daysBetween,
  endOfShanghaiDay,
  IsoDate,
  isoDateYear,
  normalizeInstant,
  toShanghaiDate,
} from './iso-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** Reminders and escalations go out at 09:00 Asia/Shanghai, the start of an office day. */
export function officeMorning(date: IsoDate): string {
  return `${date}T01:00:00.000Z`;
}

/**
 * A deadline set to a date by decision (an approved extension), explained like any other. A
 * date that is not a working day (a Saturday, a holiday) rolls forward to the next working
 * day, as every deadline does: a unit is never due on a day its office is closed.
 */
export function fixedDeadline(
  calendar: WorkingDayCalendar,
  start: string,
  endDate: IsoDate,
  note: string,
): DeadlineExplanation {
  const startInstant = normalizeInstant(start);
  const startDate = toShanghaiDate(start);
  const skipped: SkippedDay[] = [];
  const provisionalYears = new Set<number>();
  let end = endDate;
  for (let info = calendar.dayInfo(end); ; info = calendar.dayInfo(end)) {
    if (info.provisional) provisionalYears.add(isoDateYear(end));
    if (info.working) break;
    skipped.push(skippedOf(info));
    end = addDays(end, 1);
  }
  const dueAt = endOfShanghaiDay(end);
  const rolled = skipped.length > 0;
  const years = [...provisionalYears].sort((a, b) => a - b);
  return {
    start: startInstant,
    startDate,
    rule: { unit: 'calendar-days', amount: Math.max(1, daysBetween(startDate, endDate)) },
    nominalEndDate: endDate,
    endDate: end,
    dueAt,
    skipped,
    rolledForward: rolled,
    calendarVersion: calendar.version,
    provisional: years.length > 0,
    provisionalYears: years,
    text:
      `Set to ${endDate} by decision (${note}); started ${startInstant}. ` +
      (rolled
        ? `${endDate} is not a working day, so it rolls forward past ${describeDays(skipped)} to the next working day, ${end}. `
        : '') +
      `Due ${end} 23:59:59.999 Asia/Shanghai (${dueAt}); calendar ${calendar.version}.`,
  };
}

/**
 * The explanation of a planned deadline and the instants of its reminders (N working days
 * before its end); reminders that would fall before the period started are dropped.
 */
export function planDeadline(
  calendar: WorkingDayCalendar,
  plan: DeadlinePlan,
  reminderWorkingDaysBefore: number[],
): { explanation: DeadlineExplanation; reminderAt: string[] } {
  const explanation =
    'rule' in plan
      ? computeDeadline(calendar, plan.start, plan.rule)
      : fixedDeadline(calendar, plan.start, plan.fixedEndDate, plan.note);
  const reminderAt = reminderDates(calendar, explanation.endDate, reminderWorkingDaysBefore)
    .filter((d) => d > explanation.startDate && d < explanation.endDate)
    .map(officeMorning)
    .sort();
  return { explanation, reminderAt: [...new Set(reminderAt)] };
}
