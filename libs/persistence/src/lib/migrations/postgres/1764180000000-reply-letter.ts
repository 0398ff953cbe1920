import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplyLetterPostgres1764180000000 implements MigrationInterface {
  name = 'ReplyLetterPostgres1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reply_letter" (
        "proposal_id" varchar(80) NOT NULL REFERENCES "proposal" ("id"),
        "unit_id" varchar(64) NOT NULL,
        "round" integer NOT NULL,
        "format" varchar(8) NOT NULL,
        "document_number" varchar(64) NOT NULL,
        "content" bytea NOT NULL,
        "sha256" varchar(64) NOT NULL,
        "created_at" varchar(30) NOT NULL,
        PRIMARY KEY ("proposal_id", "unit_id", "round", "format")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reply_letter"`);
  }
}
