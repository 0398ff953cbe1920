import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A notice need not be about one proposal: a unit's daily digest lists many. */
export class OutboxWithoutProposalPostgres1764202000000 implements MigrationInterface {
  name = 'OutboxWithoutProposalPostgres1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "proposal_id" DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "notification_outbox" WHERE "proposal_id" IS NULL`);
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "proposal_id" SET NOT NULL`);
  }
}
