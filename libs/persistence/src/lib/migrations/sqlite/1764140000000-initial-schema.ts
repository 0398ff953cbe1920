import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchemaSqlite1764140000000 implements MigrationInterface {
  name = 'InitialSchemaSqlite1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "proposal" (
        "id" varchar(80) PRIMARY KEY NOT NULL,
        "workflow_id" varchar(120) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "session_code" varchar(32) NOT NULL,
        "session_name" varchar(100) NOT NULL,
        "number" varchar(32) NOT NULL,
        "title" varchar(200) NOT NULL,
        "body" text NOT NULL,
        "proposers" text NOT NULL,
        "suggestion_points" text NOT NULL,
        "stage" varchar(24) NOT NULL,
        "received_at" varchar(30) NOT NULL,
        "projection_version" integer NOT NULL,
        "updated_at" varchar(30) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_proposal_session_number" ON "proposal" ("session_code", "number")`);
    await q.query(`CREATE INDEX "ix_proposal_stage" ON "proposal" ("stage")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "proposal"`);
  }
}
