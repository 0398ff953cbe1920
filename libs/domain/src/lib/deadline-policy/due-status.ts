import { addWorkingDays, workingDaysBetween } from '../calendar/deadline';
import {
  addDays,
  endOfShanghaiDay,
  IsoDate,
  isoDateYear,
  normalizeInstant,
  toShanghaiDate,
} from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Deadline } from '../handling/handling-state';
import type { DeadlinePolicy } from './deadline-policy';

/** A deadline (planning, running, met, cancelled) or a task of the inbox (open, closed). */
export interface DueSubject {
  dueAt?: string | null;
  status: Deadline['status'] | 'open' | 'closed';
  /** When a deadline was met. */
  metAt?: string | null;
  /** When a task was closed. */
  closedAt?: string | null;
}

/**
 * How a deadline or task stands, in working days by the official calendar (Asia/Shanghai
 * dates). Something finished is `done` (with when, if known), never "N days left"; something
 * without a due date, or cancelled, is `none`.
 */
export type DueStatus =
  | { state: 'none' }
  | { state: 'done'; doneAt?: string }
  | ({ state: 'overdue'; workingDaysOverdue: number } & Provisional)
  | ({ state: 'due-soon' | 'on-track'; workingDaysLeft: number } & Provisional);

/**
 * A pending date whose year has no official holiday notice loaded: counted with weekends
 * only, so it may move once the notice is loaded (`provisional: true`, else absent).
 */
interface Provisional {
  provisional?: true;
}

export const DUE_STATES = ['none', 'done', 'overdue', 'due-soon', 'on-track'] as const;

export type DueState = (typeof DUE_STATES)[number];

/**
 * The one rule for "how much time is left": working days after today up to the deadline's
 * last day (0 on the day itself), due soon when at most `policy.dueSoonWorkingDays` are left;
 * overdue once the deadline's instant has passed, counted in working days after its last day
 * (0 on the rest of that day's weekend or holiday: overdue, but no working day lost yet).
 */
export function dueStatus(
  subject: DueSubject,
  now: string | Date,
  calendar: WorkingDayCalendar,
  policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
): DueStatus {
  if (subject.status === 'met' || subject.status === 'closed') {
    const doneAt = subject.metAt ?? subject.closedAt;
    return doneAt ? { state: 'done', doneAt } : { state: 'done' };
  }
  if (subject.status === 'cancelled' || !subject.dueAt) return { state: 'none' };
  const today = toShanghaiDate(now);
  const lastDay = toShanghaiDate(subject.dueAt);
  const provisional: Provisional = isProvisionalDue(calendar, subject.dueAt) ? { provisional: true } : {};
  if (normalizeInstant(now) > normalizeInstant(subject.dueAt)) {
    return { state: 'overdue', workingDaysOverdue: workingDaysBetween(calendar, lastDay, today), ...provisional };
  }
  const workingDaysLeft = workingDaysBetween(calendar, today, lastDay);
  return {
    state: workingDaysLeft <= policy.dueSoonWorkingDays ? 'due-soon' : 'on-track',
    workingDaysLeft,
    ...provisional,
  };
}

/**
 * Whether a due instant is provisional: its Asia/Shanghai last day lies in a year whose
 * official holiday notice is not loaded, so it may move once it is.
 */
export function isProvisionalDue(calendar: WorkingDayCalendar, dueAt: string): boolean {
  return !calendar.isPublished(isoDateYear(toShanghaiDate(dueAt)));
}

/**
 * For queries that filter in the database: a deadline not yet passed is due soon exactly when
 * its last day is before this date (the working day after the threshold's last one), the same
 * answer dueStatus gives row by row.
 */
export function dueSoonBefore(
  calendar: WorkingDayCalendar,
  today: IsoDate,
  policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
): IsoDate {
  return addWorkingDays(calendar, today, policy.dueSoonWorkingDays + 1);
}

/**
 * dueSoonBefore as an instant, for columns that hold a deadline's instant: a deadline not yet
 * passed at `now` is due soon exactly when it ends at or before this instant.
 */
export function dueSoonUntil(
  calendar: WorkingDayCalendar,
  now: string | Date,
  policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
): string {
  return endOfShanghaiDay(addDays(dueSoonBefore(calendar, toShanghaiDate(now), policy), -1));
}
