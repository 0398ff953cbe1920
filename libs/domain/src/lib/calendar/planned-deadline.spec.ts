import { fixedDeadline } from './planned-deadline';
import { WorkingDayCalendar } from './working-day-calendar';

describe('a deadline set to a date by decision (an approved extension)', () => {
  const calendar = WorkingDayCalendar.official();

  it('ends on that date when it is a working day', () => {
    const d = fixedDeadline(calendar, '2026-06-01T02:00:00.000Z', '2026-07-31', 'extension 1');
    expect([d.endDate, d.rolledForward, d.skipped]).toEqual(['2026-07-31', false, []]);
    expect(d.dueAt).toBe('2026-07-31T15:59:59.999Z');
  });

  it('rolls a Saturday forward to the Monday, saying why', () => {
    const d = fixedDeadline(calendar, '2026-06-01T02:00:00.000Z', '2026-08-01', 'extension 1');
    expect(d.nominalEndDate).toBe('2026-08-01');
    expect(d.endDate).toBe('2026-08-03');
    expect(d.rolledForward).toBe(true);
    expect(d.skipped.map((s) => s.date)).toEqual(['2026-08-01', '2026-08-02']);
    expect(d.text).toMatch(/2026-08-01 is not a working day, so it rolls forward .* to the next working day, 2026-08-03/);
  });

  it('rolls a holiday forward past the whole holiday', () => {
    const d = fixedDeadline(calendar, '2026-06-01T02:00:00.000Z', '2026-10-01', 'extension 2');
    expect(calendar.isWorkingDay(d.endDate)).toBe(true);
    expect(d.endDate > '2026-10-01').toBe(true);
    expect(d.skipped.every((s) => !calendar.isWorkingDay(s.date))).toBe(true);
  });
});
