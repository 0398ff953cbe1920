/** GET /api/notifications (the user's own notices, newest first). */
export interface UserNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  proposalId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: UserNotification[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

/** Tells the header's unread badge to count again (it polls otherwise). */
export const NOTIFICATIONS_CHANGED = 'banli:notifications-changed';

export function notificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
