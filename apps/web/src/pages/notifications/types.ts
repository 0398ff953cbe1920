import type { Schemas } from '../../api/client';
import { queryClient } from '../../api/query';

/** GET /api/notifications (the user's own notices, newest first). */
export type UserNotification = Schemas['NotificationViewDto'];
export type NotificationPage = Schemas['NotificationPageDto'];

/** The header's unread badge (it polls otherwise). */
export const UNREAD_COUNT = ['notifications', 'unread-count'] as const;

/** Tells every notification read, the header's badge included, to count again. */
export function notificationsChanged(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['notifications'] });
}
