import type { DataSource } from 'typeorm';
import { CalendarOverrides, calendarOverridesProblems, DomainError, WorkingDayCalendar } from '@banli/domain';
import { CalendarOverrideEntity } from './entities';
import { inTransaction } from './sql';

/** The working-day calendar in force: the official one with the overrides an admin loaded. */
export interface ICalendarOverrideRepository {
  current(nowMs?: number, refresh?: boolean): Promise<WorkingDayCalendar>;
  load(overrides: CalendarOverrides, loadedBy: string, now?: Date): Promise<void>;
}

/**
 * Calendar overrides (a newly published year, local holidays) as loaded by an admin, applied
 * in loading order on top of the official calendar. Every process reads them from the
 * database, so all API and worker replicas compute with the same calendar.
 */
export class CalendarOverrideRepository implements ICalendarOverrideRepository {
  private cached?: { calendar: WorkingDayCalendar; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly cacheMs = 10_000,
  ) {}

  async current(nowMs: number = Date.now(), refresh = false): Promise<WorkingDayCalendar> {
    if (!refresh && this.cached && nowMs - this.cached.at < this.cacheMs) return this.cached.calendar;
    const rows = await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .find({ order: { loadedAt: 'ASC', label: 'ASC' } });
    const calendar = WorkingDayCalendar.fromOverrides(rows.map((r) => r.data as CalendarOverrides));
    this.cached = { calendar, at: nowMs };
    return calendar;
  }

  async load(overrides: CalendarOverrides, loadedBy: string, now: Date = new Date()): Promise<void> {
    const problems = calendarOverridesProblems(overrides);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'The calendar overrides are invalid', problems);
    await inTransaction(this.dataSource, (tx) =>
      tx.getRepository(CalendarOverrideEntity).save({
        label: overrides.label,
        data: overrides,
        loadedAt: now.toISOString(),
        loadedBy,
      }),
    );
    this.cached = undefined;
  }
}
