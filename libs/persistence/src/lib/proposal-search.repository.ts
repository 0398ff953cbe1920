import type { DataSource } from 'typeorm';
import { parseDocumentNumber, ProposalKind, ProposalStage, Proposer, searchTerms } from '@banli/domain';
import { ascNullsLast, cappedCount, execSql } from './sql';

export interface ProposalSearchQuery {
  /** Free text; a proposal matches when it holds every search term of it (see `searchTerms`). */
  q?: string;
  sessionCode?: string;
  stage?: ProposalStage;
  /** Only proposals this unit is or was assigned to (table proposal_access). */
  unitId?: string;
  page: number;
  pageSize: number;
}

/** A proposal as a list shows it: no body, no deadlines. */
export interface ProposalSummary {
  id: string;
  kind: ProposalKind;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  proposers: Proposer[];
  stage: ProposalStage;
  leadUnitId: string | null;
  assignedUnitIds: string[];
  keyProposal: boolean;
  nextDueAt: string | null;
  closedAt: string | null;
  receivedAt: string;
}

export interface ProposalSearchPage {
  items: ProposalSummary[];
  /** At most COUNT_LIMIT; `totalCapped`: more than that. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Lists and searches proposals of the read model. */
export interface IProposalSearchRepository {
  search(q: ProposalSearchQuery): Promise<ProposalSearchPage>;
}

/**
 * Lists and searches proposals of the read model: key proposals first, then by their next
 * deadline. The text is a document number or matched on the CJK-bigram terms of
 * `proposal.search_terms` (`textMatch`).
 */
export class ProposalSearchRepository implements IProposalSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(q: ProposalSearchQuery): Promise<ProposalSearchPage> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.q !== undefined && q.q.trim() !== '') {
      const text = textMatch(this.dataSource, q.q, 'p."id"', 'p."search_terms"');
      // Only punctuation or symbols: there is nothing a proposal could contain.
      if (!text) return { items: [], total: 0, totalCapped: false, page: q.page, pageSize: q.pageSize };
      where.push(text.condition);
      Object.assign(params, text.params);
    }
    if (q.sessionCode !== undefined) {
      where.push(`p."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
    if (q.stage !== undefined) {
      where.push(`p."stage" = :stage`);
      params['stage'] = q.stage;
    }
    if (q.unitId !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM "proposal_access" a WHERE a."proposal_id" = p."id" AND a."unit_id" = :unitId)`);
      params['unitId'] = q.unitId;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // Served in order by the index ix_proposal_list_page (key_proposal DESC, next_due_at, id).
    const [rows, total] = await Promise.all([
      execSql(
        this.dataSource,
        `SELECT p."id", p."kind", p."session_code", p."session_name", p."number", p."title", p."proposers", p."stage",
                p."lead_unit_id", p."assigned_unit_ids", p."key_proposal", p."next_due_at", p."closed_at", p."received_at"
         FROM "proposal" p
         ${filter}
         ORDER BY p."key_proposal" DESC, ${ascNullsLast(this.dataSource, 'p."next_due_at"')}, p."id" ASC
         LIMIT :limit OFFSET :offset`,
        { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      ),
      cappedCount(this.dataSource, `FROM "proposal" p ${filter}`, params),
    ]);
    return {
      items: rows.rows.map(toSummary),
      total: total.count,
      totalCapped: total.capped,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

}

/**
 * What a search box's text matches: a document number (文号, `〔2026〕12号` or its full form)
 * finds the proposals with a signed reply of that number (through the index
 * uq_reply_signature_number with the issuer, ix_reply_signature_year_sequence without);
 * any other text the proposals holding every search term of it (title, body, points,
 * proposers, session, number), through a GIN full-text index on PostgreSQL and an FTS5 table
 * on SQLite. The user's text only ever reaches the database as bound parameters, never as SQL
 * or query syntax. `null`: nothing can match (only punctuation or symbols).
 */
export function textMatch(
  dataSource: DataSource,
  text: string,
  proposalId: string,
  searchTermsColumn: string,
): { condition: string; params: Record<string, unknown> } | null {
  const documentNumber = parseDocumentNumber(text);
  if (documentNumber) {
    return {
      condition: `${proposalId} IN (SELECT s."proposal_id" FROM "reply_signature" s WHERE s."year" = :docYear AND s."sequence" = :docSequence${
        documentNumber.issuerCode ? ` AND s."issuer_code" = :docIssuer` : ''
      })`,
      params: {
        docYear: documentNumber.year,
        docSequence: documentNumber.sequence,
        ...(documentNumber.issuerCode ? { docIssuer: documentNumber.issuerCode } : {}),
      },
    };
  }
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const postgres = dataSource.options.type === 'postgres';
  // The expression is the index's own, so PostgreSQL uses the GIN index; plainto_tsquery ANDs
  // the words of plain text, FTS5 gets each term as a quoted string.
  return postgres
    ? {
        condition: `to_tsvector('simple', ${searchTermsColumn}) @@ plainto_tsquery('simple', :terms)`,
        params: { terms: terms.join(' ') },
      }
    : {
        condition: `${proposalId} IN (SELECT f."proposal_id" FROM "proposal_fts" f WHERE "proposal_fts" MATCH :terms)`,
        params: { terms: terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ') },
      };
}

function toSummary(r: Record<string, unknown>): ProposalSummary {
  return {
    id: String(r['id']),
    kind: r['kind'] as ProposalKind,
    sessionCode: String(r['session_code']),
    sessionName: String(r['session_name']),
    number: String(r['number']),
    title: String(r['title']),
    proposers: JSON.parse(String(r['proposers'])) as Proposer[],
    stage: r['stage'] as ProposalStage,
    leadUnitId: (r['lead_unit_id'] as string | null) ?? null,
    assignedUnitIds: JSON.parse(String(r['assigned_unit_ids'] ?? '[]')) as string[],
    keyProposal: Number(r['key_proposal']) === 1,
    nextDueAt: (r['next_due_at'] as string | null) ?? null,
    closedAt: (r['closed_at'] as string | null) ?? null,
    receivedAt: String(r['received_at']),
  };
}
