import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal's handling state as the workflow last projected it (JSON, without its
 * projection bookkeeping), so the API can ask the domain what a caller may do without
 * querying the workflow. Null until the workflow projects again after this migration.
 */
export class HandlingStateSqlite1764220000000 implements MigrationInterface {
  name = 'HandlingStateSqlite1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "handling_state" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" DROP COLUMN "handling_state"`);
  }
}
