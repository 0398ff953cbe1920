import { addDays, endOfShanghaiDay } from '../calendar/iso-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_DEADLINE_POLICY, resolveDeadlinePolicy } from './deadline-policy';
import { dueSoonBefore, dueSoonUntil, dueStatus } from './due-status';

const calendar = WorkingDayCalendar.official();
const policy = DEFAULT_DEADLINE_POLICY;

/** An instant given as Asia/Shanghai wall time. */
const sh = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
const running = (lastDay: string) => ({ status: 'running' as const, dueAt: endOfShanghaiDay(lastDay) });

describe('due status: one rule for time left, due soon and overdue', () => {
  it('counts working days left after today up to the last day, 0 on the day itself', () => {
    // Monday 2024-03-11 to Friday 2024-03-15: Tuesday to Friday.
    expect(dueStatus(running('2024-03-15'), sh('2024-03-11'), calendar, policy)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 4,
    });
    expect(dueStatus(running('2024-03-15'), sh('2024-03-15', '23:59'), calendar, policy)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 0,
    });
  });

  it('counts a make-up workday and skips the holiday week (National Day 2025)', () => {
    // Friday 26 September to Tuesday 30 September: Sunday 28 is a make-up workday, so three
    // working days (28, 29, 30) where the plain week would give two.
    expect(dueStatus(running('2025-09-30'), sh('2025-09-26'), calendar, policy)).toMatchObject({
      workingDaysLeft: 3,
    });
    // From 30 September to Thursday 9 October, 1-8 October are holidays: one working day.
    expect(dueStatus(running('2025-10-09'), sh('2025-09-30'), calendar, policy)).toMatchObject({
      workingDaysLeft: 1,
    });
    // Overdue over the holiday: only 9 October counts.
    expect(dueStatus(running('2025-09-30'), sh('2025-10-09'), calendar, policy)).toEqual({
      state: 'overdue',
      workingDaysOverdue: 1,
    });
  });

  it('is due soon up to the threshold of working days left, and on track one day beyond it', () => {
    // From Monday 2024-03-04 the 5th working day is Monday 2024-03-11, the 6th Tuesday 03-12.
    expect(dueStatus(running('2024-03-11'), sh('2024-03-04'), calendar, policy)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 5,
    });
    expect(dueStatus(running('2024-03-12'), sh('2024-03-04'), calendar, policy)).toEqual({
      state: 'on-track',
      workingDaysLeft: 6,
    });
  });

  it('takes the threshold from the deadline policy', () => {
    const strict = resolveDeadlinePolicy({ dueSoonWorkingDays: 0 });
    expect(dueStatus(running('2024-03-11'), sh('2024-03-11'), calendar, strict).state).toBe('due-soon');
    expect(dueStatus(running('2024-03-12'), sh('2024-03-11'), calendar, strict).state).toBe('on-track');
    const relaxed = resolveDeadlinePolicy({ dueSoonWorkingDays: 6 });
    expect(dueStatus(running('2024-03-12'), sh('2024-03-04'), calendar, relaxed).state).toBe('due-soon');
  });

  it('is overdue from the first instant after the deadline, in working days after its last day', () => {
    const d = running('2024-03-15');
    const justAfter = new Date(Date.parse(d.dueAt) + 1).toISOString();
    // Saturday 16 March: overdue, though no working day has been lost yet.
    expect(dueStatus(d, justAfter, calendar, policy)).toEqual({ state: 'overdue', workingDaysOverdue: 0 });
    expect(dueStatus(d, sh('2024-03-19'), calendar, policy)).toEqual({ state: 'overdue', workingDaysOverdue: 2 });
  });

  it('calls a met deadline or a closed task done, with when, never "days left" or overdue', () => {
    const metLate = { status: 'met' as const, dueAt: endOfShanghaiDay('2024-03-15'), metAt: sh('2024-03-20') };
    expect(dueStatus(metLate, sh('2024-03-25'), calendar, policy)).toEqual({ state: 'done', doneAt: sh('2024-03-20') });
    const closedTask = { status: 'closed' as const, dueAt: endOfShanghaiDay('2024-06-07'), closedAt: sh('2024-03-11') };
    expect(dueStatus(closedTask, sh('2024-03-12'), calendar, policy)).toEqual({
      state: 'done',
      doneAt: sh('2024-03-11'),
    });
  });

  it('has nothing to say of a cancelled deadline or one without a due date', () => {
    expect(
      dueStatus({ status: 'cancelled', dueAt: endOfShanghaiDay('2024-03-15') }, sh('2024-03-11'), calendar, policy),
    ).toEqual({ state: 'none' });
    expect(dueStatus({ status: 'planning' }, sh('2024-03-11'), calendar, policy)).toEqual({ state: 'none' });
    expect(dueStatus({ status: 'open', dueAt: null }, sh('2024-03-11'), calendar, policy)).toEqual({ state: 'none' });
  });

  it('marks a pending date provisional while its year has no holiday notice, and final once loaded', () => {
    const now = sh('2026-12-28');
    expect(dueStatus(running('2027-01-08'), now, calendar, policy)).toMatchObject({ provisional: true });
    expect(dueStatus(running('2026-12-31'), now, calendar, policy)).not.toHaveProperty('provisional');
    const loaded = calendar.withOverrides({
      label: 'gov-2027',
      years: [{ year: 2027, holidays: { '2027-01-01': "New Year's Day" }, workdays: {} }],
    });
    expect(dueStatus(running('2027-01-08'), now, loaded, policy)).not.toHaveProperty('provisional');
    expect(dueStatus({ status: 'met', dueAt: running('2027-01-08').dueAt }, now, calendar, policy)).toEqual({
      state: 'done',
    });
  });

  it('gives database queries the same boundary: due soon exactly when the last day is before dueSoonBefore', () => {
    // Around Spring Festival 2024 (holidays and make-up workdays), every today and last day.
    for (let today = '2024-01-25'; today <= '2024-02-25'; today = addDays(today, 1)) {
      const before = dueSoonBefore(calendar, today, policy);
      for (let last = today; last <= addDays(today, 40); last = addDays(last, 1)) {
        const soon = dueStatus(running(last), sh(today), calendar, policy).state === 'due-soon';
        if (soon !== last < before) throw new Error(`today ${today}, last day ${last}: ${soon} vs ${before}`);
      }
    }
  });

  it('gives columns of instants the same boundary: due soon exactly when not passed and due by dueSoonUntil', () => {
    for (let today = '2024-01-25'; today <= '2024-02-25'; today = addDays(today, 1)) {
      const now = sh(today);
      const until = dueSoonUntil(calendar, now, policy);
      for (let last = today; last <= addDays(today, 40); last = addDays(last, 1)) {
        const dueAt = endOfShanghaiDay(last);
        const soon = dueStatus({ status: 'open', dueAt }, now, calendar, policy).state === 'due-soon';
        if (soon !== (dueAt >= now && dueAt <= until))
          throw new Error(`today ${today}, last day ${last}: ${soon} vs ${until}`);
      }
    }
  });
});
