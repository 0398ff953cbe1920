import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { MarkedReadResponse, NotificationReadResponse } from './notification.response';

import type { UserNotificationPage } from '@banli/persistence';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotificationPageDto, NotificationQueryDto } from './notification.dtos';
import { NotificationsService } from './notifications.service';

/** The caller's own in-app notifications; nobody can list or mark another user's. */
@ApiTags('notifications')
@ApiSignedIn()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto, description: "The caller's notifications, newest first" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: NotificationQueryDto): Promise<UserNotificationPage> {
    return this.notifications.list(user, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadResponse, description: 'How many notifications were marked read' })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<{ marked: number }> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationReadResponse, description: 'Marked read (the first read time stays)' })
  @ApiError(404, 'No such notification of the caller (NOT_FOUND)')
  read(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<{ id: string; readAt: string }> {
    return this.notifications.markRead(user, id);
  }
}
