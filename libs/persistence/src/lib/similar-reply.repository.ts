import type { DataSource } from 'typeorm';
import { isEvent } from '@banli/contracts';
import type { DraftSection } from '@banli/domain';
import { ProposalEventRepository } from './proposal-event.repository';
import { similarProposalsQuery } from './similar-proposals';
import { execSql } from './sql';

/** A signed reply of another proposal, with what a handler reusing it needs. */
export interface SimilarReplyRecord {
  proposalId: string;
  sessionName: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string | null;
  round: number;
  documentNumber: string;
  signedAt: string;
  /** The class and sections of the draft version that was signed. */
  replyClass: string;
  sections: DraftSection[];
  /** The unit signed again since (re-handling): its follow-up is the later reply's. */
  latestReply: boolean;
  followUpDeadline: { status: string; dueAt: string | null; metAt: string | null } | null;
}

export interface ISimilarReplyRepository {
  /**
   * The signed replies of proposals other than `proposalId` whose index terms share any of
   * `terms`, most similar first (several replies of one proposal rank together), at most `limit`.
   */
  similarSignedReplies(proposalId: string, terms: string[], limit: number): Promise<SimilarReplyRecord[]>;
}

/**
 * Ranks by the full-text index of proposals (similarProposalsQuery). Only replies with a signature (reply_signature) are read, and
 * their text is the signed draft version's: never a later or unsigned draft.
 */
export class SimilarReplyRepository implements ISimilarReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async similarSignedReplies(proposalId: string, terms: string[], limit: number): Promise<SimilarReplyRecord[]> {
    if (terms.length === 0) return [];
    const postgres = this.dataSource.options.type === 'postgres';
    // Only proposals with a signed reply are ranked.
    const { ranked, q } = similarProposalsQuery(
      postgres,
      terms,
      (id) => `EXISTS (SELECT 1 FROM "reply_signature" s0 WHERE s0."proposal_id" = ${id})`,
    );
    const { rows } = await execSql(
      this.dataSource,
      `WITH "ranked" AS (${ranked})
       SELECT s."proposal_id", s."unit_id", s."round", s."document_number", s."signed_at", s."draft_version",
              p."session_name", p."number", p."title", u."name" AS "unit_name",
              (SELECT max(s2."round") FROM "reply_signature" s2
               WHERE s2."proposal_id" = s."proposal_id" AND s2."unit_id" = s."unit_id") AS "latest_round",
              d."status" AS "follow_up_status", d."due_at" AS "follow_up_due_at", d."met_at" AS "follow_up_met_at"
       FROM "ranked" k
       JOIN "reply_signature" s ON s."proposal_id" = k."id"
       JOIN "proposal" p ON p."id" = s."proposal_id"
       LEFT JOIN "org_unit" u ON u."id" = s."unit_id"
       LEFT JOIN "deadline" d ON d."proposal_id" = s."proposal_id" AND d."key" = 'follow-up:' || s."unit_id"
       WHERE s."proposal_id" <> :proposalId
       ORDER BY k."score" DESC, s."proposal_id" ASC, s."unit_id" ASC, s."round" DESC
       LIMIT :limit`,
      { q, proposalId, limit },
    );
    const events = new ProposalEventRepository(this.dataSource);
    const histories = new Map(
      await Promise.all(
        [...new Set(rows.map((r) => String(r['proposal_id'])))].map(
          async (id) => [id, await events.history(id)] as const,
        ),
      ),
    );
    return rows.flatMap((r) => {
      const id = String(r['proposal_id']);
      const unitId = String(r['unit_id']);
      const round = Number(r['round']);
      const draftVersion = Number(r['draft_version']);
      const signed = (histories.get(id) ?? [])
        .filter(isEvent('draft-submitted'))
        .find((e) => e.unitId === unitId && e.data.round === round && e.data.draftVersion === draftVersion)?.data;
      // A signature always has its submitted draft; without it there is nothing to reuse.
      if (!signed) return [];
      return [
        {
          proposalId: id,
          sessionName: String(r['session_name']),
          number: String(r['number']),
          title: String(r['title']),
          unitId,
          unitName: (r['unit_name'] as string | null | undefined) ?? null,
          round,
          documentNumber: String(r['document_number']),
          signedAt: String(r['signed_at']),
          replyClass: signed.replyClass,
          sections: [...signed.sections].sort((a, b) => a.seq - b.seq),
          latestReply: Number(r['latest_round']) === round,
          followUpDeadline:
            r['follow_up_status'] == null
              ? null
              : {
                  status: String(r['follow_up_status']),
                  dueAt: (r['follow_up_due_at'] as string | null) ?? null,
                  metAt: (r['follow_up_met_at'] as string | null) ?? null,
                },
        },
      ];
    });
  }
}
