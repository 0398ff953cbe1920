import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification delivery: the outbox rows are fanned out (claimed with a lease, then marked
 * dispatched) into in-app notifications per user and deliveries per external channel, each
 * delivery retried with backoff and every attempt recorded.
 */
export class NotificationDeliveryPostgres1764201000000 implements MigrationInterface {
  name = 'NotificationDeliveryPostgres1764201000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification_outbox" ADD COLUMN "dispatched_at" varchar(30)`);
    await q.query(`ALTER TABLE "notification_outbox" ADD COLUMN "attempts" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "notification_outbox" ADD COLUMN "last_error" text`);
    await q.query(`ALTER TABLE "notification_outbox" ADD COLUMN "lease_owner" varchar(100)`);
    await q.query(`ALTER TABLE "notification_outbox" ADD COLUMN "lease_until" varchar(30)`);

    await q.query(`
      CREATE TABLE "user_notification" (
        "id" varchar(40) PRIMARY KEY,
        "user_id" varchar(64) NOT NULL,
        "outbox_id" varchar(120) NOT NULL,
        "kind" varchar(32) NOT NULL,
        "title" varchar(500) NOT NULL,
        "body" text NOT NULL,
        "proposal_id" varchar(80),
        "created_at" varchar(30) NOT NULL,
        "read_at" varchar(30)
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_user_notification_outbox" ON "user_notification" ("outbox_id", "user_id")`);
    await q.query(`CREATE INDEX "ix_user_notification_user" ON "user_notification" ("user_id", "created_at")`);

    await q.query(`
      CREATE TABLE "notification_delivery" (
        "id" varchar(40) PRIMARY KEY,
        "outbox_id" varchar(120) NOT NULL,
        "channel" varchar(16) NOT NULL,
        "recipient" varchar(64) NOT NULL,
        "target" varchar(500) NOT NULL,
        "kind" varchar(32) NOT NULL,
        "subject" varchar(500) NOT NULL,
        "body" text NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" varchar(30) NOT NULL,
        "last_error" text,
        "last_attempt_at" varchar(30),
        "sent_at" varchar(30),
        "lease_owner" varchar(100),
        "lease_until" varchar(30),
        "created_at" varchar(30) NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_notification_delivery" ON "notification_delivery" ("outbox_id", "channel", "recipient")`,
    );
    await q.query(
      `CREATE INDEX "ix_notification_delivery_due" ON "notification_delivery" ("status", "next_attempt_at")`,
    );

    await q.query(`
      CREATE TABLE "notification_delivery_attempt" (
        "delivery_id" varchar(40) NOT NULL,
        "attempt" integer NOT NULL,
        "relay" varchar(100) NOT NULL,
        "started_at" varchar(30) NOT NULL,
        "finished_at" varchar(30) NOT NULL,
        "outcome" varchar(16) NOT NULL,
        "error" text,
        "next_attempt_at" varchar(30),
        PRIMARY KEY ("delivery_id", "attempt")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification_delivery_attempt"`);
    await q.query(`DROP TABLE "notification_delivery"`);
    await q.query(`DROP TABLE "user_notification"`);
    for (const c of ['lease_until', 'lease_owner', 'last_error', 'attempts', 'dispatched_at']) {
      await q.query(`ALTER TABLE "notification_outbox" DROP COLUMN "${c}"`);
    }
  }
}
