import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InboxPage, TaskQueryRepository } from '@banli/persistence';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InboxQueryDto } from './inbox-query.dto';

const DUE_SOON_MS = 7 * 86_400_000;

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  private readonly tasks: TaskQueryRepository;

  constructor(dataSource: DataSource) {
    this.tasks = new TaskQueryRepository(dataSource);
  }

  /** The caller's unit's task inbox, key proposals first, then by deadline. */
  @Get()
  @ApiOkResponse({ description: 'A page of tasks with counts (open, overdue, due within 7 days)' })
  inbox(@CurrentUser() user: AuthenticatedUser, @Query() q: InboxQueryDto): Promise<InboxPage> {
    const now = new Date();
    return this.tasks.inbox({
      unitId: user.unitId,
      status: q.status,
      ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore).toISOString() } : {}),
      ...(q.overdue ? { overdue: true } : {}),
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
      now: now.toISOString(),
      dueSoonBefore: new Date(now.getTime() + DUE_SOON_MS).toISOString(),
    });
  }
}
