import type { QueryRunner } from 'typeorm';
import { proposalSearchTerms, Proposer, SuggestionPoint } from '@banli/domain';

const BATCH = 500;

/**
 * Computes `search_terms` for the proposals written before search existed, in batches so a
 * large read model is never held in memory at once. It uses the current term function: run
 * later, it indexes the same rows the way new ones are indexed then.
 */
export async function backfillProposalSearchTerms(q: QueryRunner): Promise<void> {
  const run = (text: string, params: Record<string, unknown>) => {
    const [sql, values] = q.connection.driver.escapeQueryWithParameters(text, params);
    return q.query(sql, values);
  };
  let after = '';
  for (;;) {
    const rows: Record<string, string>[] = await run(
      `SELECT "id", "title", "body", "proposers", "suggestion_points", "session_name", "number"
       FROM "proposal" WHERE "id" > :after ORDER BY "id" LIMIT :limit`,
      { after, limit: BATCH },
    );
    for (const r of rows) {
      const terms = proposalSearchTerms({
        title: r['title'],
        body: r['body'],
        proposers: JSON.parse(r['proposers']) as Proposer[],
        suggestionPoints: JSON.parse(r['suggestion_points']) as SuggestionPoint[],
        sessionName: r['session_name'],
        number: r['number'],
      });
      await run(`UPDATE "proposal" SET "search_terms" = :terms WHERE "id" = :id`, { terms, id: r['id'] });
    }
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]['id'];
  }
}
