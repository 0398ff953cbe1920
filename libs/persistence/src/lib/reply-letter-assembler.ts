import type { DataSource } from 'typeorm';
import type { Adoption, Disclosure, DraftSection, Proposer, ProposalKind, SuggestionPoint } from '@banli/domain';
import { buildReplyLetter, ReplyLetter } from '@banli/letters';
import { execSql } from './sql';

/** What a draft version holds for the letter (as submitted, see SubmitDraftInput). */
export interface LetterDraft {
  replyClass: string;
  disclosure: Disclosure;
  summary?: string;
  sections: DraftSection[];
  topic?: string;
  contact?: { name: string; phone: string };
}

/**
 * Puts a reply letter together from the read model: the proposal, the units whose opinions
 * were combined, unit names, and a draft. Used to freeze the signed letter and to preview a
 * draft before sign-off, so both read the same.
 */
export class ReplyLetterAssembler {
  constructor(private readonly dataSource: DataSource) {}

  /** The letter as signed: the signature's number and date, and the draft version it signed. */
  async assembleSigned(proposalId: string, unitId: string, round: number): Promise<ReplyLetter> {
    const key = { proposalId, unitId, round };
    const signature = (
      await execSql(
        this.dataSource,
        `SELECT "document_number", "draft_version", "signed_at" FROM "reply_signature"
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round`,
        key,
      )
    ).rows[0];
    if (!signature) throw new Error(`No signature for ${proposalId}/${unitId}/${round}`);
    const drafts = await execSql(
      this.dataSource,
      `SELECT "data" FROM "proposal_event" WHERE "proposal_id" = :proposalId AND "type" = 'draft-submitted' AND "unit_id" = :unitId
       ORDER BY "seq" DESC`,
      key,
    );
    const draft = drafts.rows
      .map((r) => parseJson<LetterDraft & { round: number; draftVersion: number }>(r['data']))
      .find((d) => d.round === round && d.draftVersion === Number(signature['draft_version']));
    if (!draft) {
      throw new Error(`No draft version ${signature['draft_version']} of round ${round} for ${proposalId}/${unitId}`);
    }
    return this.assemble(proposalId, unitId, draft, {
      documentNumber: String(signature['document_number']),
      signedOn: String(signature['signed_at']),
    });
  }

  async assemble(
    proposalId: string,
    unitId: string,
    draft: LetterDraft,
    signing: { documentNumber: string; signedOn: string },
  ): Promise<ReplyLetter> {
    const one = async (sql: string, params: Record<string, unknown>) =>
      (await execSql(this.dataSource, sql, params)).rows[0];
    const proposal = await one(
      `SELECT "kind", "session_name", "number", "title", "proposers", "suggestion_points" FROM "proposal" WHERE "id" = :proposalId`,
      { proposalId },
    );
    if (!proposal) throw new Error(`No proposal ${proposalId}`);
    const opinionUnits = await execSql(
      this.dataSource,
      `SELECT DISTINCT e."unit_id", u."name" FROM "proposal_event" e LEFT JOIN "org_unit" u ON u."id" = e."unit_id"
       WHERE e."proposal_id" = :proposalId AND e."type" = 'opinion-submitted' ORDER BY e."unit_id"`,
      { proposalId },
    );
    const unitName = async (id: string) =>
      String((await one(`SELECT "name" FROM "org_unit" WHERE "id" = :id`, { id }))?.['name'] ?? id);
    const unitOfKind = async (kind: string) =>
      (await one(`SELECT "name" FROM "org_unit" WHERE "kind" = :kind ORDER BY "id" LIMIT 1`, { kind }))?.['name'] as
        string | undefined;
    const points = parseJson<SuggestionPoint[]>(proposal['suggestion_points']);
    const title = String(proposal['title']);
    const [issuerName, governmentOfficeName, proposalCommitteeName] = await Promise.all([
      unitName(unitId),
      unitOfKind('assigning-office'),
      unitOfKind('proposal-committee'),
    ]);
    return buildReplyLetter({
      kind: proposal['kind'] as ProposalKind,
      replyClass: draft.replyClass,
      issuerName,
      documentNumber: signing.documentNumber,
      sessionName: String(proposal['session_name']),
      proposalNumber: String(proposal['number']),
      proposalTitle: title,
      proposers: parseJson<Proposer[]>(proposal['proposers']),
      coHandlingUnitNames: opinionUnits.rows
        .filter((r) => r['unit_id'] !== unitId)
        .map((r) => String(r['name'] ?? r['unit_id'])),
      ...(draft.summary ? { summary: draft.summary } : {}),
      sections: [...draft.sections]
        .sort((a, b) => a.seq - b.seq)
        .map((s) => ({
          pointTitle: s.title ?? points.find((p) => p.seq === s.seq)?.text ?? `第${s.seq}条`,
          adoption: s.adoption as Adoption,
          answer: s.text,
          measures: s.measures ?? [],
        })),
      topic: draft.topic ?? (title.replace(/^关于/, '').replace(/的(提案|建议)$/, '') || title),
      signedOn: signing.signedOn,
      contact: draft.contact ?? { name: issuerName, phone: '—' },
      disclosure: draft.disclosure,
      // Deployments name their units in org_unit; without them the letter still gets written,
      // with the unit ids in the copy list for someone to notice.
      governmentOfficeName: governmentOfficeName ?? 'gov-office',
      proposalCommitteeName: proposalCommitteeName ?? 'committee',
    });
  }
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
