import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { execSql, inTransaction } from './sql';

/*
 * The notification relay's reads and writes. Nothing here assumes a single process: every row
 * is claimed with a lease by one conditional UPDATE (the same SQL on PostgreSQL and SQLite:
 * "affected = 1" means this relay has it), and every later write of that row is conditional
 * on still holding the lease. A relay that dies leaves its lease to expire; another takes over.
 */

export type DeliveryChannel = 'email' | 'webhook' | 'sms';

export interface OutboxRow {
  id: string;
  proposalId: string | null;
  unitId: string;
  kind: string;
  /** As stored: JSON text, parsed by whoever reads it (malformed text must not stop the relay). */
  payload: string;
  createdAt: string;
  attempts: number;
}

export interface RecipientUser {
  id: string;
  unitId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  roles: string[];
}

export interface NoticeProposal {
  id: string;
  kind: string;
  sessionName: string;
  number: string;
  title: string;
}

export interface UnitDeadline {
  kind: string;
  dueAt: string;
}

/** What one outbox row becomes; written in one transaction with the row's dispatch. */
export interface FanOut {
  notifications: { userId: string; title: string; body: string }[];
  deliveries: {
    /** Chosen before the write, so a webhook body can carry it; unused when the row exists. */
    id: string;
    channel: DeliveryChannel;
    /** The user it is for, or '' for a webhook (one per outbox row). */
    recipient: string;
    target: string;
    subject: string;
    body: string;
  }[];
}

/** A file sent with an e-mail (the signed letter's PDF). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface DueDelivery {
  /** Loaded at send time, never stored with the delivery (the letter is in reply_letter). */
  attachments?: MailAttachment[];
  id: string;
  outboxId: string;
  channel: DeliveryChannel;
  recipient: string;
  target: string;
  kind: string;
  subject: string;
  body: string;
  attempts: number;
}

export const newDeliveryId = (): string => randomUUID();

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export class NotificationRelayStore {
  constructor(
    private readonly dataSource: DataSource,
    /** This relay's name in leases and attempt records (host, pid, random suffix). */
    readonly owner: string,
  ) {}

  // ------------------------------------------------------------------ outbox → fan-out

  /** Outbox rows nobody holds, oldest first. Candidates only: each must still be claimed. */
  async pendingOutbox(now: string, limit: number): Promise<string[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id" FROM "notification_outbox"
       WHERE "status" = 'pending' AND ("lease_until" IS NULL OR "lease_until" < :now)
       ORDER BY "created_at", "id" LIMIT :limit`,
      { now, limit },
    );
    return rows.map((r) => String(r['id']));
  }

  async claimOutbox(id: string, now: string, leaseUntil: string): Promise<OutboxRow | undefined> {
    const claimed = await inTransaction(this.dataSource, (tx) =>
      execSql(
        tx,
        `UPDATE "notification_outbox" SET "lease_owner" = :owner, "lease_until" = :leaseUntil
         WHERE "id" = :id AND "status" = 'pending' AND ("lease_until" IS NULL OR "lease_until" < :now)`,
        { id, now, leaseUntil, owner: this.owner },
      ),
    );
    if (claimed.affected !== 1) return undefined;
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "proposal_id", "unit_id", "kind", "payload", "created_at", "attempts"
       FROM "notification_outbox" WHERE "id" = :id`,
      { id },
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: String(r['id']),
      proposalId: str(r['proposal_id']),
      unitId: String(r['unit_id']),
      kind: String(r['kind']),
      payload: String(r['payload']),
      createdAt: String(r['created_at']),
      attempts: Number(r['attempts'] ?? 0),
    };
  }

  /** Enabled users of the unit, and (for escalations) every enabled supervisor. */
  async recipients(unitId: string, withSupervisors: boolean): Promise<RecipientUser[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "unit_id", "display_name", "email", "phone", "roles" FROM "app_user"
       WHERE "disabled" = 0 AND ("unit_id" = :unitId OR (:withSupervisors = 1 AND "roles" LIKE :supervisor))
       ORDER BY "id"`,
      { unitId, withSupervisors: withSupervisors ? 1 : 0, supervisor: '%"supervisor"%' },
    );
    return rows.map((r) => ({
      id: String(r['id']),
      unitId: String(r['unit_id']),
      displayName: String(r['display_name']),
      email: str(r['email'])?.trim() || null,
      phone: str(r['phone'])?.trim() || null,
      roles: parseRoles(r['roles']),
    }));
  }

  async proposal(id: string): Promise<NoticeProposal | undefined> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "kind", "session_name", "number", "title" FROM "proposal" WHERE "id" = :id`,
      { id },
    );
    const r = rows[0];
    return r
      ? {
          id: String(r['id']),
          kind: String(r['kind']),
          sessionName: String(r['session_name']),
          number: String(r['number']),
          title: String(r['title']),
        }
      : undefined;
  }

  async unitNames(): Promise<Map<string, string>> {
    const { rows } = await execSql(this.dataSource, `SELECT "id", "name" FROM "org_unit"`);
    return new Map(rows.map((r) => [String(r['id']), String(r['name'])]));
  }

  /** The proposers with an e-mail address, as registered. */
  async proposerEmails(proposalId: string): Promise<{ name: string; email: string }[]> {
    const { rows } = await execSql(this.dataSource, `SELECT "proposers" FROM "proposal" WHERE "id" = :proposalId`, {
      proposalId,
    });
    const raw = rows[0]?.['proposers'];
    const proposers = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as { name: string; email?: string }[];
    return proposers.flatMap((p) => (p.email ? [{ name: p.name, email: p.email }] : []));
  }

  /**
   * The signed letter's PDF, exactly as frozen, of the reply a `reply-dispatched` outbox row
   * is about (its proposal, unit and round). Throws when it is not there, so the send is retried.
   */
  async dispatchedLetterPdf(outboxId: string): Promise<MailAttachment> {
    const row = (
      await execSql(
        this.dataSource,
        `SELECT "proposal_id", "unit_id", "payload" FROM "notification_outbox" WHERE "id" = :outboxId`,
        { outboxId },
      )
    ).rows[0];
    const round = Number((JSON.parse(String(row?.['payload'] ?? '{}')) as { data?: { round?: unknown } }).data?.round);
    const file = (
      await execSql(
        this.dataSource,
        `SELECT "content", "document_number" FROM "reply_letter"
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round AND "format" = 'pdf'`,
        { proposalId: row?.['proposal_id'], unitId: row?.['unit_id'], round },
      )
    ).rows[0];
    if (!file) throw new Error(`No signed PDF for the dispatch notice ${outboxId}`);
    return {
      filename: `${String(file['document_number'])}.pdf`,
      contentType: 'application/pdf',
      content: Buffer.from(file['content'] as Uint8Array),
    };
  }

  /** A unit's live deadlines on a proposal (for an assignment notice: what is due when). */
  async unitDeadlines(proposalId: string, unitId: string): Promise<UnitDeadline[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "kind", "due_at" FROM "deadline"
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "status" = 'running' AND "due_at" IS NOT NULL
       ORDER BY "due_at"`,
      { proposalId, unitId },
    );
    return rows.map((r) => ({ kind: String(r['kind']), dueAt: String(r['due_at']) }));
  }

  /**
   * Writes the fan-out and marks the row dispatched, in one transaction, only while this relay
   * still holds the row. Unique keys (outbox row + user; outbox row + channel + recipient) make
   * a second fan-out of the same row add nothing. False when the lease was lost.
   */
  async dispatch(row: OutboxRow, fanOut: FanOut, now: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (tx) => {
      const marked = await execSql(
        tx,
        `UPDATE "notification_outbox"
         SET "status" = 'dispatched', "dispatched_at" = :now, "lease_owner" = NULL, "lease_until" = NULL,
             "attempts" = "attempts" + 1, "last_error" = NULL
         WHERE "id" = :id AND "status" = 'pending' AND "lease_owner" = :owner`,
        { id: row.id, now, owner: this.owner },
      );
      if (marked.affected !== 1) return false;
      for (const n of fanOut.notifications) {
        await execSql(
          tx,
          `INSERT INTO "user_notification" ("id", "user_id", "outbox_id", "kind", "title", "body", "proposal_id", "created_at")
           VALUES (:id, :userId, :outboxId, :kind, :title, :body, :proposalId, :createdAt)
           ON CONFLICT ("outbox_id", "user_id") DO NOTHING`,
          {
            id: randomUUID(),
            userId: n.userId,
            outboxId: row.id,
            kind: row.kind,
            title: n.title,
            body: n.body,
            proposalId: row.proposalId,
            createdAt: row.createdAt,
          },
        );
      }
      for (const d of fanOut.deliveries) {
        await execSql(
          tx,
          `INSERT INTO "notification_delivery"
             ("id", "outbox_id", "channel", "recipient", "target", "kind", "subject", "body", "status", "attempts",
              "next_attempt_at", "created_at")
           VALUES (:id, :outboxId, :channel, :recipient, :target, :kind, :subject, :body, 'pending', 0, :now, :now)
           ON CONFLICT ("outbox_id", "channel", "recipient") DO NOTHING`,
          { ...d, outboxId: row.id, kind: row.kind, now },
        );
      }
      return true;
    });
  }

  /** The fan-out itself failed (e.g. the database): the row stays pending, retried at `retryAt`. */
  async outboxFailed(id: string, error: string, retryAt: string): Promise<void> {
    await inTransaction(this.dataSource, (tx) =>
      execSql(
        tx,
        `UPDATE "notification_outbox"
         SET "attempts" = "attempts" + 1, "last_error" = :error, "lease_owner" = NULL, "lease_until" = :retryAt
         WHERE "id" = :id AND "status" = 'pending' AND "lease_owner" = :owner`,
        { id, error: error.slice(0, 2000), retryAt, owner: this.owner },
      ),
    );
  }

  // ------------------------------------------------------------------ deliveries → channels

  /** Deliveries due now on the given channels that nobody holds. Candidates only. */
  async dueDeliveries(now: string, channels: DeliveryChannel[], limit: number): Promise<string[]> {
    if (channels.length === 0) return [];
    const names = Object.fromEntries(channels.map((c, i) => [`c${i}`, c]));
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id" FROM "notification_delivery"
       WHERE "status" = 'pending' AND "next_attempt_at" <= :now
         AND "channel" IN (${channels.map((_, i) => `:c${i}`).join(', ')})
         AND ("lease_until" IS NULL OR "lease_until" < :now)
       ORDER BY "next_attempt_at", "id" LIMIT :limit`,
      { now, limit, ...names },
    );
    return rows.map((r) => String(r['id']));
  }

  async claimDelivery(id: string, now: string, leaseUntil: string): Promise<DueDelivery | undefined> {
    const claimed = await inTransaction(this.dataSource, (tx) =>
      execSql(
        tx,
        `UPDATE "notification_delivery" SET "lease_owner" = :owner, "lease_until" = :leaseUntil
         WHERE "id" = :id AND "status" = 'pending' AND "next_attempt_at" <= :now
           AND ("lease_until" IS NULL OR "lease_until" < :now)`,
        { id, now, leaseUntil, owner: this.owner },
      ),
    );
    if (claimed.affected !== 1) return undefined;
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "outbox_id", "channel", "recipient", "target", "kind", "subject", "body", "attempts"
       FROM "notification_delivery" WHERE "id" = :id`,
      { id },
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: String(r['id']),
      outboxId: String(r['outbox_id']),
      channel: String(r['channel']) as DeliveryChannel,
      recipient: String(r['recipient']),
      target: String(r['target']),
      kind: String(r['kind']),
      subject: String(r['subject']),
      body: String(r['body']),
      attempts: Number(r['attempts']),
    };
  }

  /**
   * Records one attempt and its outcome. `nextAttemptAt` null after a failure means the last
   * attempt was used up: the delivery is `failed` (kept, listed, retryable by an admin).
   */
  async recordAttempt(
    d: DueDelivery,
    outcome: { sent: true } | { sent: false; error: string; nextAttemptAt: string | null },
    startedAt: string,
    finishedAt: string,
  ): Promise<void> {
    const attempt = d.attempts + 1;
    await inTransaction(this.dataSource, async (tx) => {
      // The record numbers attempts over the delivery's whole life (an admin retry starts a new
      // count of `attempts`, not a new record). One statement that writes first: on SQLite a
      // transaction that reads before it writes can fail at once when another process wrote.
      await execSql(
        tx,
        `INSERT INTO "notification_delivery_attempt"
           ("delivery_id", "attempt", "relay", "started_at", "finished_at", "outcome", "error", "next_attempt_at")
         VALUES (:id, (SELECT coalesce(max("attempt"), 0) + 1 FROM "notification_delivery_attempt" WHERE "delivery_id" = :deliveryId),
                 :owner, :startedAt, :finishedAt, :outcome, :error, :nextAttemptAt)
         ON CONFLICT ("delivery_id", "attempt") DO NOTHING`,
        {
          id: d.id,
          // The same value under another name: PostgreSQL deduces one type per parameter, and
          // the two uses (a column value, a comparison) would deduce text and varchar.
          deliveryId: d.id,
          owner: this.owner,
          startedAt,
          finishedAt,
          outcome: outcome.sent ? 'sent' : 'failed',
          error: outcome.sent ? null : outcome.error.slice(0, 2000),
          nextAttemptAt: outcome.sent ? null : outcome.nextAttemptAt,
        },
      );
      if (outcome.sent) {
        await execSql(
          tx,
          `UPDATE "notification_delivery"
           SET "status" = 'sent', "attempts" = :attempt, "sent_at" = :finishedAt, "last_attempt_at" = :startedAt,
               "last_error" = NULL, "lease_owner" = NULL, "lease_until" = NULL
           WHERE "id" = :id AND "lease_owner" = :owner`,
          { id: d.id, attempt, finishedAt, startedAt, owner: this.owner },
        );
      } else {
        await execSql(
          tx,
          `UPDATE "notification_delivery"
           SET "status" = :status, "attempts" = :attempt, "last_attempt_at" = :startedAt, "last_error" = :error,
               "next_attempt_at" = :nextAttemptAt, "lease_owner" = NULL, "lease_until" = NULL
           WHERE "id" = :id AND "lease_owner" = :owner`,
          {
            id: d.id,
            attempt,
            startedAt,
            status: outcome.nextAttemptAt ? 'pending' : 'failed',
            error: outcome.error.slice(0, 2000),
            nextAttemptAt: outcome.nextAttemptAt ?? finishedAt,
            owner: this.owner,
          },
        );
      }
    });
  }
}

function parseRoles(raw: unknown): string[] {
  try {
    const roles = JSON.parse(String(raw));
    return Array.isArray(roles) ? roles.map(String) : [];
  } catch {
    return [];
  }
}
