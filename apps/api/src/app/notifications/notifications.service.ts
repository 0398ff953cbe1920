import type { IUserNotificationRepository, UserNotificationPage } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { NotificationQueryDto } from './notification.dtos';

/** The caller's own in-app notifications; every call is scoped to the caller. */
export class NotificationsService {
  constructor(private readonly notifications: IUserNotificationRepository) {}

  list(user: AuthenticatedUser, q: NotificationQueryDto): Promise<UserNotificationPage> {
    return this.notifications.list(user.userId, { unreadOnly: q.unread === true, page: q.page, pageSize: q.pageSize });
  }

  markAllRead(user: AuthenticatedUser): Promise<{ marked: number }> {
    return this.notifications.markAllRead(user.userId);
  }

  markRead(user: AuthenticatedUser, id: string): Promise<{ id: string; readAt: string }> {
    return this.notifications.markRead(user.userId, id);
  }
}
