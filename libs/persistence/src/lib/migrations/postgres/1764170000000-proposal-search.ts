import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillProposalSearchTerms } from '../proposal-search-backfill';

/**
 * Full-text search over proposals: `search_terms` holds the CJK-bigram terms of the proposal
 * (`proposalSearchTerms`, written by the projection), indexed with the `simple` configuration,
 * which only lowercases: the terms are already what the index must hold.
 */
export class ProposalSearchPostgres1764170000000 implements MigrationInterface {
  name = 'ProposalSearchPostgres1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "search_terms" text NOT NULL DEFAULT ''`);
    await backfillProposalSearchTerms(q);
    await q.query(
      `CREATE INDEX "ix_proposal_search_terms" ON "proposal" USING GIN (to_tsvector('simple', "search_terms"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_proposal_search_terms"`);
    await q.query(`ALTER TABLE "proposal" DROP COLUMN "search_terms"`);
  }
}
