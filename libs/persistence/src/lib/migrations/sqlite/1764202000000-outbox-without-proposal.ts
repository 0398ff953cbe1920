import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = [
  'id',
  'proposal_id',
  'unit_id',
  'kind',
  'payload',
  'created_at',
  'status',
  'dispatched_at',
  'attempts',
  'last_error',
  'lease_owner',
  'lease_until',
]
  .map((c) => `"${c}"`)
  .join(', ');

function createOutbox(proposalId: 'NULL' | 'NOT NULL'): string {
  return `
    CREATE TABLE "notification_outbox_next" (
      "id" varchar(120) PRIMARY KEY NOT NULL,
      "proposal_id" varchar(80) ${proposalId === 'NULL' ? '' : 'NOT NULL'},
      "unit_id" varchar(64) NOT NULL,
      "kind" varchar(32) NOT NULL,
      "payload" text NOT NULL,
      "created_at" varchar(30) NOT NULL,
      "status" varchar(16) NOT NULL DEFAULT 'pending',
      "dispatched_at" varchar(30),
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "lease_owner" varchar(100),
      "lease_until" varchar(30)
    )`;
}

/**
 * A notice need not be about one proposal: a unit's daily digest lists many. SQLite cannot
 * drop a NOT NULL constraint, so the table is rebuilt (same columns, same rows, same index).
 */
export class OutboxWithoutProposalSqlite1764202000000 implements MigrationInterface {
  name = 'OutboxWithoutProposalSqlite1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await rebuild(q, 'NULL', '');
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuild(q, 'NOT NULL', `WHERE "proposal_id" IS NOT NULL`);
  }
}

async function rebuild(q: QueryRunner, proposalId: 'NULL' | 'NOT NULL', where: string): Promise<void> {
  await q.query(createOutbox(proposalId));
  await q.query(
    `INSERT INTO "notification_outbox_next" (${COLUMNS}) SELECT ${COLUMNS} FROM "notification_outbox" ${where}`,
  );
  await q.query(`DROP TABLE "notification_outbox"`);
  await q.query(`ALTER TABLE "notification_outbox_next" RENAME TO "notification_outbox"`);
  await q.query(`CREATE INDEX "ix_notification_status" ON "notification_outbox" ("status", "created_at")`);
}
