import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminAuditPostgres1764190000000 implements MigrationInterface {
  name = 'AdminAuditPostgres1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "admin_event" (
        "id" varchar(40) PRIMARY KEY,
        "at" varchar(30) NOT NULL,
        "actor_user_id" varchar(64) NOT NULL,
        "actor_unit_id" varchar(64) NOT NULL,
        "type" varchar(40) NOT NULL,
        "data" text NOT NULL
      )`);
    await q.query(`CREATE INDEX "ix_admin_event_at" ON "admin_event" ("at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "admin_event"`);
  }
}
