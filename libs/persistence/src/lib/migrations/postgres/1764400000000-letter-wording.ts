import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How issuers word their reply letters: one JSON row per scope, `city` (the city's default)
 * or `unit:<unit id>` (one issuing unit's own). Signed letters keep the wording they were
 * signed with in reply_signature.letter_names, so this table only shapes letters to come.
 */
export class LetterWordingPostgres1764400000000 implements MigrationInterface {
  name = 'LetterWordingPostgres1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "letter_wording" (
        "scope" varchar(80) PRIMARY KEY,
        "data" text NOT NULL,
        "updated_at" varchar(30) NOT NULL,
        "updated_by" varchar(64) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "letter_wording"`);
  }
}
