/**
 * The proposals most like one, by the full-text index of proposals (see ProposalSearchRepository):
 * PostgreSQL's ts_rank over the GIN-indexed tsvector, SQLite's FTS5 bm25. Any term may match,
 * unlike search, where every term must. Used by the similar replies (相似答复参考) and the
 * assignment suggestion (交办建议).
 *
 * Answers a query selecting `"id"` and `"score"` (higher is more similar) of proposals other than
 * `:proposalId` matching `:q` and `only` (a condition on the proposal's id, `{id}` standing for
 * it), with `q`, the terms as the query wants them. Common terms (关于, 提案) match nearly every
 * proposal and ranking computes over each match, so `only` should narrow it.
 */
export function similarProposalsQuery(
  postgres: boolean,
  terms: string[],
  only: (id: string) => string,
): { ranked: string; q: string } {
  // Terms are letters and digits only (searchTerms), quoted anyway; they reach the database as one bound parameter.
  const ranked = postgres
    ? `SELECT p."id", ts_rank(to_tsvector('simple', p."search_terms"), to_tsquery('simple', :q)) AS "score"
       FROM "proposal" p
       WHERE to_tsvector('simple', p."search_terms") @@ to_tsquery('simple', :q)
         AND p."id" <> :proposalId
         AND ${only('p."id"')}`
    : `SELECT "proposal_id" AS "id", -bm25("proposal_fts") AS "score"
       FROM "proposal_fts" WHERE "proposal_fts" MATCH :q
         AND "proposal_id" <> :proposalId
         AND ${only('"proposal_id"')}`;
  const q = postgres
    ? terms.map((t) => `'${t.replace(/'/g, "''")}'`).join(' | ')
    : terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
  return { ranked, q };
}
