import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HandlingReadModelSqlite1764150000000 implements MigrationInterface {
  name = 'HandlingReadModelSqlite1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "lead_unit_id" varchar(64)`);
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "assigned_unit_ids" text NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "key_proposal" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "next_due_at" varchar(30)`);
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "closed_at" varchar(30)`);
    await q.query(`CREATE INDEX "ix_proposal_lead_unit" ON "proposal" ("lead_unit_id")`);
    await q.query(`CREATE INDEX "ix_proposal_next_due" ON "proposal" ("next_due_at")`);

    await q.query(`
      CREATE TABLE "task" (
        "id" varchar(200) PRIMARY KEY NOT NULL,
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "kind" varchar(32) NOT NULL,
        "unit_id" varchar(64) NOT NULL,
        "status" varchar(16) NOT NULL,
        "deadline_key" varchar(100),
        "due_at" varchar(30),
        "round" integer,
        "opened_at" varchar(30) NOT NULL,
        "closed_at" varchar(30),
        "projection_version" integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "ix_task_inbox" ON "task" ("unit_id", "status", "due_at")`);
    await q.query(`CREATE INDEX "ix_task_proposal" ON "task" ("proposal_id", "status")`);

    await q.query(`
      CREATE TABLE "deadline" (
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "key" varchar(100) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "unit_id" varchar(64) NOT NULL,
        "status" varchar(16) NOT NULL,
        "due_at" varchar(30),
        "end_date" varchar(10),
        "provisional" integer NOT NULL DEFAULT 0,
        "reminders_sent" integer NOT NULL DEFAULT 0,
        "escalations" integer NOT NULL DEFAULT 0,
        "extended" integer NOT NULL DEFAULT 0,
        "explanation" text,
        "projection_version" integer NOT NULL,
        PRIMARY KEY ("proposal_id", "key")
      )`);
    await q.query(`CREATE INDEX "ix_deadline_due" ON "deadline" ("status", "due_at")`);
    await q.query(`CREATE INDEX "ix_deadline_unit" ON "deadline" ("unit_id", "status", "due_at")`);

    await q.query(`
      CREATE TABLE "proposal_event" (
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "seq" integer NOT NULL,
        "type" varchar(32) NOT NULL,
        "at" varchar(30) NOT NULL,
        "actor_user_id" varchar(64),
        "actor_unit_id" varchar(64),
        "unit_id" varchar(64),
        "data" text NOT NULL,
        PRIMARY KEY ("proposal_id", "seq")
      )`);

    await q.query(`
      CREATE TABLE "org_unit" (
        "id" varchar(64) PRIMARY KEY NOT NULL,
        "name" varchar(100) NOT NULL,
        "kind" varchar(32) NOT NULL,
        "issuer_code" varchar(32)
      )`);

    await q.query(`
      CREATE TABLE "document_number_pool" (
        "issuer_code" varchar(32) NOT NULL,
        "year" integer NOT NULL,
        "next_number" integer NOT NULL,
        PRIMARY KEY ("issuer_code", "year")
      )`);

    await q.query(`
      CREATE TABLE "reply_signature" (
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "unit_id" varchar(64) NOT NULL,
        "round" integer NOT NULL,
        "issuer_code" varchar(32) NOT NULL,
        "year" integer NOT NULL,
        "sequence" integer NOT NULL,
        "document_number" varchar(64) NOT NULL,
        "draft_version" integer NOT NULL,
        "signed_by" varchar(64) NOT NULL,
        "signed_at" varchar(30) NOT NULL,
        PRIMARY KEY ("proposal_id", "unit_id", "round")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_reply_signature_number" ON "reply_signature" ("issuer_code", "year", "sequence")`,
    );

    await q.query(`
      CREATE TABLE "notification_outbox" (
        "id" varchar(120) PRIMARY KEY NOT NULL,
        "proposal_id" varchar(80) NOT NULL,
        "unit_id" varchar(64) NOT NULL,
        "kind" varchar(32) NOT NULL,
        "payload" text NOT NULL,
        "created_at" varchar(30) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending'
      )`);
    await q.query(`CREATE INDEX "ix_notification_status" ON "notification_outbox" ("status", "created_at")`);

    await q.query(`
      CREATE TABLE "calendar_override" (
        "label" varchar(64) PRIMARY KEY NOT NULL,
        "data" text NOT NULL,
        "loaded_at" varchar(30) NOT NULL,
        "loaded_by" varchar(64) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'calendar_override',
      'notification_outbox',
      'reply_signature',
      'document_number_pool',
      'org_unit',
      'proposal_event',
      'deadline',
      'task',
    ]) {
      await q.query(`DROP TABLE "${t}"`);
    }
    await q.query(`DROP INDEX "ix_proposal_next_due"`);
    await q.query(`DROP INDEX "ix_proposal_lead_unit"`);
    for (const c of ['closed_at', 'next_due_at', 'key_proposal', 'assigned_unit_ids', 'lead_unit_id']) {
      await q.query(`ALTER TABLE "proposal" DROP COLUMN "${c}"`);
    }
  }
}
