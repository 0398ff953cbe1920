import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the find screens (issue 18): a document number typed without its issuer
 * (`〔2026〕12号`) finds its signatures by reply_signature (year, sequence), the unique
 * (issuer_code, year, sequence) index serving the full form; the inbox sorted by when each task
 * was received reads task (unit_id, status, opened_at, id) in order, either way.
 */
export class FindIndexesSqlite1764440000000 implements MigrationInterface {
  name = 'FindIndexesSqlite1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_reply_signature_year_sequence" ON "reply_signature" ("year", "sequence")`);
    await q.query(`CREATE INDEX "ix_task_inbox_received" ON "task" ("unit_id", "status", "opened_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_task_inbox_received"`);
    await q.query(`DROP INDEX "ix_reply_signature_year_sequence"`);
  }
}
