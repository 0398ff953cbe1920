import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@banli/domain';
import { execSql, inTransaction } from './sql';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryAttemptView {
  attempt: number;
  relay: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  error: string | null;
  /** After a failure: when the next attempt was scheduled (null after the last one). */
  nextAttemptAt: string | null;
}

export interface DeliveryView {
  id: string;
  outboxId: string;
  channel: string;
  recipient: string;
  target: string;
  kind: string;
  subject: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface DeliveryPage {
  items: DeliveryView[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<DeliveryStatus, number>;
}

export interface DeliveryActor {
  userId: string;
  unitId: string;
}

function toView(r: Record<string, unknown>): DeliveryView {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  return {
    id: String(r['id']),
    outboxId: String(r['outbox_id']),
    channel: String(r['channel']),
    recipient: String(r['recipient']),
    target: String(r['target']),
    kind: String(r['kind']),
    subject: String(r['subject']),
    status: String(r['status']),
    attempts: Number(r['attempts']),
    nextAttemptAt: String(r['next_attempt_at']),
    lastAttemptAt: s('last_attempt_at'),
    lastError: s('last_error'),
    sentAt: s('sent_at'),
    createdAt: String(r['created_at']),
  };
}

const COLUMNS = `"id", "outbox_id", "channel", "recipient", "target", "kind", "subject", "status", "attempts",
  "next_attempt_at", "last_attempt_at", "last_error", "sent_at", "created_at"`;

/** External deliveries of notifications, as an admin sees and retries them. */
export interface INotificationDeliveryRepository {
  list(q: { status?: DeliveryStatus; outboxId?: string; page: number; pageSize: number }): Promise<DeliveryPage>;
  get(id: string): Promise<(DeliveryView & { history: DeliveryAttemptView[] }) | undefined>;
  retry(actor: DeliveryActor, id: string, now?: Date): Promise<DeliveryView>;
}

/** External deliveries as an admin sees them, and the admin's retry of a failed one (audited). */
export class NotificationDeliveryRepository implements INotificationDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: { status?: DeliveryStatus; outboxId?: string; page: number; pageSize: number }): Promise<DeliveryPage> {
    const where: string[] = [];
    if (q.status) where.push(`"status" = :status`);
    if (q.outboxId) where.push(`"outbox_id" = :outboxId`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const params = { status: q.status, outboxId: q.outboxId };
    const rows = await execSql(
      this.dataSource,
      `SELECT ${COLUMNS} FROM "notification_delivery" ${clause}
       ORDER BY "created_at" DESC, "id" LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(
      this.dataSource,
      `SELECT count(*) AS "n" FROM "notification_delivery" ${clause}`,
      params,
    );
    const counts = await execSql(
      this.dataSource,
      `SELECT "status", count(*) AS "n" FROM "notification_delivery" GROUP BY "status"`,
    );
    const byStatus = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const r of counts.rows) {
      const s = String(r['status']) as DeliveryStatus;
      if (s in byStatus) byStatus[s] = Number(r['n']);
    }
    return {
      items: rows.rows.map(toView),
      total: Number(total.rows[0]?.['n'] ?? 0),
      page: q.page,
      pageSize: q.pageSize,
      counts: byStatus,
    };
  }

  async get(id: string): Promise<(DeliveryView & { history: DeliveryAttemptView[] }) | undefined> {
    const { rows } = await execSql(this.dataSource, `SELECT ${COLUMNS} FROM "notification_delivery" WHERE "id" = :id`, {
      id,
    });
    if (!rows[0]) return undefined;
    const attempts = await execSql(
      this.dataSource,
      `SELECT "attempt", "relay", "started_at", "finished_at", "outcome", "error", "next_attempt_at"
       FROM "notification_delivery_attempt" WHERE "delivery_id" = :id ORDER BY "attempt"`,
      { id },
    );
    return {
      ...toView(rows[0]),
      history: attempts.rows.map((a) => ({
        attempt: Number(a['attempt']),
        relay: String(a['relay']),
        startedAt: String(a['started_at']),
        finishedAt: String(a['finished_at']),
        outcome: String(a['outcome']),
        error: (a['error'] as string | null) ?? null,
        nextAttemptAt: (a['next_attempt_at'] as string | null) ?? null,
      })),
    };
  }

  /**
   * Puts a failed (or still pending) delivery back in the queue, due now, with a fresh set of
   * attempts; its earlier attempts stay recorded. A sent delivery is never sent again (409).
   */
  async retry(actor: DeliveryActor, id: string, now: Date = new Date()): Promise<DeliveryView> {
    const before = await this.get(id);
    if (!before) throw new DomainError('NOT_FOUND', 'No such notification delivery');
    const at = now.toISOString();
    return inTransaction(this.dataSource, async (tx) => {
      // Write first (on SQLite a transaction that reads before writing can fail at once when
      // another process wrote); a sent delivery is never touched.
      const { affected } = await execSql(
        tx,
        `UPDATE "notification_delivery"
         SET "status" = 'pending', "attempts" = 0, "next_attempt_at" = :at, "lease_owner" = NULL, "lease_until" = NULL
         WHERE "id" = :id AND "status" <> 'sent'`,
        { id, at },
      );
      if (affected !== 1) throw new DomainError('ALREADY_DONE', 'This delivery was sent already');
      await audit(tx, actor, 'notification-delivery-retried', {
        deliveryId: id,
        channel: before.channel,
        target: before.target,
        previousStatus: before.status,
        previousAttempts: before.attempts,
      });
      const { rows } = await execSql(tx, `SELECT ${COLUMNS} FROM "notification_delivery" WHERE "id" = :id`, { id });
      return toView(rows[0]);
    });
  }
}

async function audit(tx: EntityManager, actor: DeliveryActor, type: string, data: Record<string, unknown>) {
  await execSql(
    tx,
    `INSERT INTO "admin_event" ("id", "at", "actor_user_id", "actor_unit_id", "type", "data")
     VALUES (:id, :at, :userId, :unitId, :type, :data)`,
    {
      id: randomUUID(),
      at: new Date().toISOString(),
      userId: actor.userId,
      unitId: actor.unitId,
      type,
      data: JSON.stringify(data),
    },
  );
}
