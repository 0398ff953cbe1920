import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents supervisors send (催办单, 督办通知单, 督办通报): who issued which, when, to whom,
 * its number from the pool of its kind, the facts it was written from and the SHA-256 of its
 * text. `source_key` makes the 催办单 of one 催办 one document however often it is asked for.
 */
export class SupervisionDocumentsSqlite1764420000000 implements MigrationInterface {
  name = 'SupervisionDocumentsSqlite1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "supervision_document" (
        "id" varchar(64) PRIMARY KEY,
        "kind" varchar(32) NOT NULL,
        "issuer_code" varchar(40) NOT NULL,
        "year" integer NOT NULL,
        "sequence" integer NOT NULL,
        "document_number" varchar(80) NOT NULL,
        "title" varchar(400) NOT NULL,
        "proposal_id" varchar(64),
        "unit_id" varchar(64),
        "addressee_unit_ids" text NOT NULL,
        "period_from" varchar(10),
        "period_to" varchar(10),
        "facts" text NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "source_key" varchar(200),
        "issued_by" varchar(64) NOT NULL,
        "issuer_unit_id" varchar(64) NOT NULL,
        "issued_at" varchar(30) NOT NULL,
        CONSTRAINT "uq_supervision_document_number" UNIQUE ("issuer_code", "year", "sequence"),
        CONSTRAINT "uq_supervision_document_source" UNIQUE ("source_key")
      )`);
    await q.query(
      `CREATE INDEX "ix_supervision_document_proposal" ON "supervision_document" ("proposal_id", "issued_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "supervision_document"`);
  }
}
