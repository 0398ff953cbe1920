import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleAndAccessPostgres1764160000000 implements MigrationInterface {
  name = 'PeopleAndAccessPostgres1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "app_user" (
        "id" varchar(64) PRIMARY KEY,
        "username" varchar(64) NOT NULL,
        "display_name" varchar(100) NOT NULL,
        "password_hash" varchar(200) NOT NULL,
        "unit_id" varchar(64) NOT NULL REFERENCES "org_unit" ("id"),
        "roles" text NOT NULL,
        "disabled" integer NOT NULL DEFAULT 0,
        "created_at" varchar(30) NOT NULL,
        "updated_at" varchar(30) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" ("username")`);
    await q.query(`CREATE INDEX "ix_app_user_unit" ON "app_user" ("unit_id")`);

    await q.query(`
      CREATE TABLE "proposal_access" (
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "unit_id" varchar(64) NOT NULL,
        "granted_at" varchar(30) NOT NULL,
        PRIMARY KEY ("proposal_id", "unit_id")
      )`);
    await q.query(`CREATE INDEX "ix_proposal_access_unit" ON "proposal_access" ("unit_id")`);

    await q.query(`
      CREATE TABLE "idempotency_record" (
        "user_id" varchar(64) NOT NULL,
        "key" varchar(100) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "status" varchar(16) NOT NULL,
        "response_status" integer,
        "response_body" text,
        "created_at" varchar(30) NOT NULL,
        PRIMARY KEY ("user_id", "key")
      )`);
    await q.query(`CREATE INDEX "ix_idempotency_created" ON "idempotency_record" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_record"`);
    await q.query(`DROP TABLE "proposal_access"`);
    await q.query(`DROP TABLE "app_user"`);
  }
}
