import type { DeadlinePlan } from '../handling/handling-state';
import { computeDeadline, DeadlineExplanation, reminderDates } from './deadline';
import { daysBetween, endOfShanghaiDay, IsoDate, isoDateYear, normalizeInstant, toShanghaiDate } from './iso-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** Reminders and escalations go out at 09:00 Asia/Shanghai, the start of an office day. */
export function officeMorning(date: IsoDate): string {
  return `${date}T01:00:00.000Z`;
}

/** A deadline set to a date by decision (an approved extension), explained like any other. */
export function fixedDeadline(
  calendar: WorkingDayCalendar,
  start: string,
  endDate: IsoDate,
  note: string,
): DeadlineExplanation {
  const startInstant = normalizeInstant(start);
  const startDate = toShanghaiDate(start);
  const dueAt = endOfShanghaiDay(endDate);
  const provisional = calendar.dayInfo(endDate).provisional;
  return {
    start: startInstant,
    startDate,
    rule: { unit: 'calendar-days', amount: Math.max(1, daysBetween(startDate, endDate)) },
    nominalEndDate: endDate,
    endDate,
    dueAt,
    skipped: [],
    rolledForward: false,
    calendarVersion: calendar.version,
    provisional,
    provisionalYears: provisional ? [isoDateYear(endDate)] : [],
    text: `Set to ${endDate} by decision (${note}); started ${startInstant}. Due ${endDate} 23:59:59.999 Asia/Shanghai (${dueAt}); calendar ${calendar.version}.`,
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
