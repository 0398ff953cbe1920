import type { DataSource } from 'typeorm';
import type { AssignedCandidate } from '@banli/domain';
import { similarProposalsQuery } from './similar-proposals';
import { execSql } from './sql';

export interface IAssignmentSuggestionRepository {
  /**
   * The proposals other than `proposalId` already assigned whose index terms share any of
   * `terms`, most similar first, at most `limit`, with the units they are assigned to now
   * (after any change an objection brought) and their index terms.
   */
  similarAssigned(proposalId: string, terms: string[], limit: number): Promise<AssignedCandidate[]>;
}

export class AssignmentSuggestionRepository implements IAssignmentSuggestionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async similarAssigned(proposalId: string, terms: string[], limit: number): Promise<AssignedCandidate[]> {
    if (terms.length === 0) return [];
    const { ranked, q } = similarProposalsQuery(
      this.dataSource.options.type === 'postgres',
      terms,
      (id) => `EXISTS (SELECT 1 FROM "proposal" a0 WHERE a0."id" = ${id} AND a0."assigned_unit_ids" <> '[]')`,
    );
    const { rows } = await execSql(
      this.dataSource,
      `WITH "ranked" AS (${ranked})
       SELECT p."id", p."number", p."title", p."session_name", p."lead_unit_id", p."assigned_unit_ids", p."search_terms"
       FROM "ranked" k JOIN "proposal" p ON p."id" = k."id"
       ORDER BY k."score" DESC, p."id" ASC
       LIMIT :limit`,
      { q, proposalId, limit },
    );
    return rows.map((r) => ({
      proposalId: String(r['id']),
      number: String(r['number']),
      title: String(r['title']),
      sessionName: String(r['session_name']),
      leadUnitId: (r['lead_unit_id'] as string | null) ?? null,
      assignedUnitIds: JSON.parse(String(r['assigned_unit_ids'] ?? '[]')) as string[],
      searchTerms: String(r['search_terms'] ?? '')
        .split(' ')
        .filter(Boolean),
    }));
  }
}
