import type { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { execSql, inTransaction } from './sql';

export interface UserNotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  proposalId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UserNotificationPage {
  items: UserNotificationView[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

/** A user's in-app notifications. */
export interface IUserNotificationRepository {
  list(userId: string, q: { unreadOnly: boolean; page: number; pageSize: number }): Promise<UserNotificationPage>;
  markRead(userId: string, id: string, now?: Date): Promise<{ id: string; readAt: string }>;
  markAllRead(userId: string, now?: Date): Promise<{ marked: number }>;
}

/**
 * A user's in-app notifications. Every statement is scoped to the caller's user id, so no
 * query can return or change another user's notification.
 */
export class UserNotificationRepository implements IUserNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    userId: string,
    q: { unreadOnly: boolean; page: number; pageSize: number },
  ): Promise<UserNotificationPage> {
    const where = `"user_id" = :userId${q.unreadOnly ? ` AND "read_at" IS NULL` : ''}`;
    const rows = await execSql(
      this.dataSource,
      `SELECT "id", "kind", "title", "body", "proposal_id", "created_at", "read_at" FROM "user_notification"
       WHERE ${where} ORDER BY "created_at" DESC, "id" DESC LIMIT :limit OFFSET :offset`,
      { userId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const counts = await execSql(
      this.dataSource,
      `SELECT count(*) AS "total", sum(CASE WHEN "read_at" IS NULL THEN 1 ELSE 0 END) AS "unread"
       FROM "user_notification" WHERE "user_id" = :userId`,
      { userId },
    );
    const c = counts.rows[0] ?? {};
    const unreadCount = Number(c['unread'] ?? 0);
    return {
      items: rows.rows.map((r) => ({
        id: String(r['id']),
        kind: String(r['kind']),
        title: String(r['title']),
        body: String(r['body']),
        proposalId: (r['proposal_id'] as string | null) ?? null,
        createdAt: String(r['created_at']),
        readAt: (r['read_at'] as string | null) ?? null,
      })),
      total: q.unreadOnly ? unreadCount : Number(c['total'] ?? 0),
      page: q.page,
      pageSize: q.pageSize,
      unreadCount,
    };
  }

  /** Marks one of the user's notifications read (once: the first read time stays). */
  async markRead(userId: string, id: string, now: Date = new Date()): Promise<{ id: string; readAt: string }> {
    return inTransaction(this.dataSource, async (tx) => {
      await execSql(
        tx,
        `UPDATE "user_notification" SET "read_at" = :now WHERE "id" = :id AND "user_id" = :userId AND "read_at" IS NULL`,
        { id, userId, now: now.toISOString() },
      );
      const { rows } = await execSql(
        tx,
        `SELECT "read_at" FROM "user_notification" WHERE "id" = :id AND "user_id" = :userId`,
        { id, userId },
      );
      if (!rows[0]) throw new DomainError('NOT_FOUND', 'No such notification');
      return { id, readAt: String(rows[0]['read_at']) };
    });
  }

  async markAllRead(userId: string, now: Date = new Date()): Promise<{ marked: number }> {
    const { affected } = await inTransaction(this.dataSource, (tx) =>
      execSql(tx, `UPDATE "user_notification" SET "read_at" = :now WHERE "user_id" = :userId AND "read_at" IS NULL`, {
        userId,
        now: now.toISOString(),
      }),
    );
    return { marked: affected };
  }
}
