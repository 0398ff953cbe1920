import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-responses';
import { InboxPageResponse } from './inbox.response';
import { DataSource } from 'typeorm';
import { CalendarOverrideRepository, InboxPage, InboxRow, TaskQueryRepository } from '@banli/persistence';
import { toShanghaiDate, workingDaysBetween } from '@banli/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InboxQueryDto } from './inbox-query.dto';

const DUE_SOON_MS = 7 * 86_400_000;

@ApiTags('tasks')
@ApiSignedIn()
@Controller('tasks')
export class TasksController {
  private readonly tasks: TaskQueryRepository;
  private readonly calendars: CalendarOverrideRepository;

  constructor(dataSource: DataSource) {
    this.tasks = new TaskQueryRepository(dataSource);
    this.calendars = new CalendarOverrideRepository(dataSource);
  }

  /** The caller's unit's task inbox, key proposals first, then by deadline. */
  @Get()
  @ApiOkResponse({
    type: InboxPageResponse,
    description: 'A page of tasks with counts (open, overdue, due within 7 days)',
  })
  async inbox(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: InboxQueryDto,
  ): Promise<
    InboxPage & { items: (InboxRow & { workingDaysLeft: number | null; workingDaysOverdue: number | null })[] }
  > {
    const now = new Date();
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
