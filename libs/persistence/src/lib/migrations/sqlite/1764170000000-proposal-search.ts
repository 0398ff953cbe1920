import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillProposalSearchTerms } from '../proposal-search-backfill';

/**
 * Full-text search over proposals: `search_terms` holds the CJK-bigram terms of the proposal
 * (`proposalSearchTerms`, written by the projection); an FTS5 table indexes them, kept in step
 * with the proposal row by triggers. unicode61 splits the space-separated terms, and folds
 * case and Latin accents as the terms already are.
 */
export class ProposalSearchSqlite1764170000000 implements MigrationInterface {
  name = 'ProposalSearchSqlite1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" ADD COLUMN "search_terms" text NOT NULL DEFAULT ''`);
    await backfillProposalSearchTerms(q);
    await q.query(
      `CREATE VIRTUAL TABLE "proposal_fts" USING fts5("proposal_id" UNINDEXED, "search_terms", tokenize = 'unicode61')`,
    );
    await q.query(
      `INSERT INTO "proposal_fts" ("proposal_id", "search_terms") SELECT "id", "search_terms" FROM "proposal"`,
    );
    await q.query(`
      CREATE TRIGGER "proposal_fts_insert" AFTER INSERT ON "proposal" BEGIN
        INSERT INTO "proposal_fts" ("proposal_id", "search_terms") VALUES (new."id", new."search_terms");
      END`);
    // Proposal rows are never updated in their terms nor deleted today; these keep the index
    // right if that changes (a scan of the FTS table, acceptable for such rare writes).
    await q.query(`
      CREATE TRIGGER "proposal_fts_update" AFTER UPDATE OF "id", "search_terms" ON "proposal" BEGIN
        DELETE FROM "proposal_fts" WHERE "proposal_id" = old."id";
        INSERT INTO "proposal_fts" ("proposal_id", "search_terms") VALUES (new."id", new."search_terms");
      END`);
    await q.query(`
      CREATE TRIGGER "proposal_fts_delete" AFTER DELETE ON "proposal" BEGIN
        DELETE FROM "proposal_fts" WHERE "proposal_id" = old."id";
      END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "proposal_fts_delete"`);
    await q.query(`DROP TRIGGER "proposal_fts_update"`);
    await q.query(`DROP TRIGGER "proposal_fts_insert"`);
    await q.query(`DROP TABLE "proposal_fts"`);
    await q.query(`ALTER TABLE "proposal" DROP COLUMN "search_terms"`);
  }
}
