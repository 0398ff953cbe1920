import { toShanghaiDate, workingDaysBetween } from '@banli/domain';
import type { ICalendarOverrideRepository, InboxPage, InboxRow, ITaskQueryRepository } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { InboxQueryDto } from './inbox-query.dto';

const DUE_SOON_MS = 7 * 86_400_000;

export type InboxTask = InboxRow & { workingDaysLeft: number | null; workingDaysOverdue: number | null };

export type InboxView = InboxPage & { items: InboxTask[] };

/** A unit's task inbox, with the working days each task has left; testable without Nest. */
export class TasksService {
  constructor(
    private readonly tasks: ITaskQueryRepository,
    private readonly calendars: ICalendarOverrideRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The caller's unit's tasks, key proposals first, then by deadline. */
  async inbox(user: AuthenticatedUser, q: InboxQueryDto): Promise<InboxView> {
    const now = this.clock();
    const page = await this.tasks.inbox({
      unitId: user.unitId,
      status: q.status,
      ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore).toISOString() } : {}),
      ...(q.overdue ? { overdue: true } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
      now: now.toISOString(),
      dueSoonBefore: new Date(now.getTime() + DUE_SOON_MS).toISOString(),
    });
    // Working days left (0: due today) or overdue, by the official calendar, for every row.
    const calendar = await this.calendars.current();
    const today = toShanghaiDate(now);
    return {
      ...page,
      items: page.items.map((t) => {
        if (!t.dueAt) return { ...t, workingDaysLeft: null, workingDaysOverdue: null };
        const end = toShanghaiDate(t.dueAt);
        return end < today
          ? { ...t, workingDaysLeft: null, workingDaysOverdue: workingDaysBetween(calendar, end, today) }
          : { ...t, workingDaysLeft: workingDaysBetween(calendar, today, end), workingDaysOverdue: null };
      }),
    };
  }
}
