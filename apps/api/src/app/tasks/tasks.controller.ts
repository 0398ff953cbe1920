import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
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

  /** The caller's task inbox (or with scope=unit the unit's), key proposals first, then by deadline. */
  @Get()
  @ApiOkResponse({
    type: InboxPageResponse,
    description: 'A page of tasks with counts (open, overdue, due soon) over the same scope',
  })
  @ApiError(403, "scope=unit by someone who does not manage the unit's work (ROLE_REQUIRED)")
  inbox(@CurrentUser() user: AuthenticatedUser, @Query() q: InboxQueryDto): Promise<InboxView> {
    return this.tasks.inbox(user, q);
  }
}
