import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sort keys of the list pages, copied from the proposal into its tasks and deadlines so that
 * each page's first rows come straight off one index (no join before the ORDER BY, no sort
 * of every match): `task.key_proposal` and `deadline.key_proposal` (0/1, the proposal's
 * `key_proposal`), backfilled here and kept by the projection in the same transaction as the
 * proposal's own. Indexes, one per page, matching its WHERE and ORDER BY:
 * - the inbox: task (unit_id, status, key_proposal DESC, due_at, id);
 * - the supervisors' overdue and due-soon views: deadline (status, key_proposal DESC, due_at,
 *   proposal_id, key), read once per value of key_proposal;
 * - the proposal list: proposal (key_proposal DESC, next_due_at, id).
 * PostgreSQL sorts NULLs last in an ascending index, as the pages do (`NULLS LAST`).
 */
export class QuerySortKeysPostgres1764230000000 implements MigrationInterface {
  name = 'QuerySortKeysPostgres1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "task" ADD COLUMN "key_proposal" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "deadline" ADD COLUMN "key_proposal" integer NOT NULL DEFAULT 0`);
    for (const table of ['task', 'deadline']) {
      await q.query(
        `UPDATE "${table}" SET "key_proposal" = 1
         WHERE "proposal_id" IN (SELECT "id" FROM "proposal" WHERE "key_proposal" = 1)`,
      );
    }
    await q.query(
      `CREATE INDEX "ix_task_inbox_page" ON "task" ("unit_id", "status", "key_proposal" DESC, "due_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "ix_deadline_supervised_page" ON "deadline" ("status", "key_proposal" DESC, "due_at", "proposal_id", "key")`,
    );
    await q.query(`CREATE INDEX "ix_proposal_list_page" ON "proposal" ("key_proposal" DESC, "next_due_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_proposal_list_page"`);
    await q.query(`DROP INDEX "ix_deadline_supervised_page"`);
    await q.query(`DROP INDEX "ix_task_inbox_page"`);
    await q.query(`ALTER TABLE "deadline" DROP COLUMN "key_proposal"`);
    await q.query(`ALTER TABLE "task" DROP COLUMN "key_proposal"`);
  }
}
