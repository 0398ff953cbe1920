import type { DeadlinePolicy } from '@banli/domain';
import { DomainError, dueStatus, dueSoonUntil, mayViewUnitInbox, taskKindsFor, type DueStatus } from '@banli/domain';
import type { ICalendarOverrideRepository, InboxPage, InboxRow, ITaskQueryRepository } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { legacyWorkingDays } from '../common/due-status';
import type { InboxQueryDto } from './inbox-query.dto';

export type InboxTask = InboxRow & {
  due: DueStatus;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
};

export type InboxView = InboxPage & { items: InboxTask[] };

/** A task inbox, each task with its due status by the domain's one rule; testable without Nest. */
export class TasksService {
  constructor(
    private readonly tasks: ITaskQueryRepository,
    private readonly calendars: ICalendarOverrideRepository,
    /** The deployment's policy: its `dueSoonWorkingDays` is the one due-soon threshold. */
    private readonly policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * By default the tasks of the caller's unit that the caller's roles complete (a supervisor is
   * never listed the office's ratings, a signer never the handler's contact); `scope=unit` lists
   * all of the unit's, for those who manage its work. Key proposals first, then by deadline.
   */
  async inbox(user: AuthenticatedUser, q: InboxQueryDto): Promise<InboxView> {
    if (q.scope === 'unit' && !mayViewUnitInbox(user)) {
      throw new DomainError('ROLE_REQUIRED', "Only the unit's reviewer, signer or a supervisor sees the unit's inbox");
    }
    const now = this.clock().toISOString();
    const calendar = await this.calendars.current();
    const page = await this.tasks.inbox({
      unitId: user.unitId,
      status: q.status,
      ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore).toISOString() } : {}),
      ...(q.overdue ? { overdue: true } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.stage ? { stage: q.stage } : {}),
      ...(q.sessionCode ? { sessionCode: q.sessionCode } : {}),
      ...(q.scope === 'unit' ? {} : { kinds: taskKindsFor(user) }),
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
      now,
      dueSoonUntil: dueSoonUntil(calendar, now, this.policy),
    });
    return {
      ...page,
      items: page.items.map((t) => {
        const due = dueStatus(
          { status: t.status === 'closed' ? 'closed' : 'open', dueAt: t.dueAt, closedAt: t.closedAt },
          now,
          calendar,
          this.policy,
        );
        return { ...t, due, ...legacyWorkingDays(due) };
      }),
    };
  }
}
