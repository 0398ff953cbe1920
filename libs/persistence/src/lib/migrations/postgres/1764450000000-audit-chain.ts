import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAuditChain } from '../../audit-chain';

/**
 * The audit trail becomes a hash chain (docs/developers/verification.md): each event keeps the
 * previous event's hash and its own. Events written before are chained here, in sequence order.
 */
export class AuditChainPostgres1764450000000 implements MigrationInterface {
  name = 'AuditChainPostgres1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal_event" ADD COLUMN "prev_hash" varchar(64)`);
    await q.query(`ALTER TABLE "proposal_event" ADD COLUMN "hash" varchar(64)`);
    await backfillAuditChain(q, (i) => `$${i}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal_event" DROP COLUMN "hash"`);
    await q.query(`ALTER TABLE "proposal_event" DROP COLUMN "prev_hash"`);
  }
}
