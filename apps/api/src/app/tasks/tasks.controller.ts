import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-responses';
import { InboxPageResponse } from './inbox.response';

import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InboxQueryDto } from './inbox-query.dto';
import { InboxView, TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiSignedIn()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** The caller's unit's task inbox, key proposals first, then by deadline. */
  @Get()
  @ApiOkResponse({
    type: InboxPageResponse,
    description: 'A page of tasks with counts (open, overdue, due within 7 days)',
  })
  inbox(@CurrentUser() user: AuthenticatedUser, @Query() q: InboxQueryDto): Promise<InboxView> {
    return this.tasks.inbox(user, q);
  }
}
