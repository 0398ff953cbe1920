import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision read model: one handling record per unit's task (a co-handling unit's
 * opinion, or one round of a replying unit's reply) with its dates and outcome, for the
 * monitoring views, the statistics and public disclosure; the key proposal's supervising
 * leaders; and when a deadline was met (for lateness in working days).
 */
export class SupervisionReadModelSqlite1764210000000 implements MigrationInterface {
  name = 'SupervisionReadModelSqlite1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "handling_record" (
        "proposal_id" varchar(80) NOT NULL,
        "unit_id" varchar(64) NOT NULL,
        "role" varchar(16) NOT NULL,
        "round" integer NOT NULL,
        "session_code" varchar(32) NOT NULL,
        "lead_unit_id" varchar(64),
        "status" varchar(16) NOT NULL,
        "started_at" varchar(30) NOT NULL,
        "due_at" varchar(30),
        "end_date" varchar(10),
        "completed_at" varchar(30),
        "on_time" integer,
        "working_days_taken" integer,
        "working_days_late" integer,
        "reply_class" varchar(8),
        "disclosure" varchar(16),
        "document_number" varchar(64),
        "signed_at" varchar(30),
        "published_at" varchar(30),
        "rating_satisfied" integer NOT NULL DEFAULT 0,
        "rating_basically_satisfied" integer NOT NULL DEFAULT 0,
        "rating_unsatisfied" integer NOT NULL DEFAULT 0,
        "rating_not_rated" integer NOT NULL DEFAULT 0,
        "rated" integer NOT NULL DEFAULT 0,
        "updated_at" varchar(30) NOT NULL,
        PRIMARY KEY ("proposal_id", "unit_id", "role", "round")
      )`);
    await q.query(`CREATE INDEX "ix_handling_record_unit" ON "handling_record" ("unit_id", "role", "status")`);
    await q.query(`CREATE INDEX "ix_handling_record_session" ON "handling_record" ("session_code", "unit_id")`);
    await q.query(`CREATE INDEX "ix_handling_record_published" ON "handling_record" ("disclosure", "published_at")`);
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "key_leaders" text`);
    await q.query(`ALTER TABLE "deadline" ADD COLUMN "met_at" varchar(30)`);
    await q.query(`CREATE INDEX "ix_deadline_running_due" ON "deadline" ("status", "due_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_deadline_running_due"`);
    await q.query(`ALTER TABLE "deadline" DROP COLUMN "met_at"`);
    await q.query(`ALTER TABLE "proposal" DROP COLUMN "key_leaders"`);
    await q.query(`DROP TABLE "handling_record"`);
  }
}
