import type { DataSource } from 'typeorm';
import { combinedOpinions, isEvent } from '@banli/contracts';
import type { DraftEventData, ProposalEvent } from '@banli/contracts';
import type { Proposer, ProposalKind, SuggestionPoint } from '@banli/domain';
import { buildReplyLetter, CO_HANDLING_UNITS_COPY, defaultCopyList, ReplyLetter } from '@banli/letters';
import { currentLetterNames, type LetterNames } from './letter-names';
import { ProposalEventRepository } from './proposal-event.repository';
import { execSql } from './sql';

// Deployments name their units in org_unit; without them the letter still gets written,
// with the unit ids in the copy list for someone to notice.
const GOVERNMENT_OFFICE_FALLBACK = 'gov-office';
const COMMITTEE_FALLBACK = 'committee';

/** What a draft version holds for the letter (as submitted, see SubmitDraftInput). */
export type LetterDraft = Omit<DraftEventData, 'round' | 'draftVersion'>;

/**
 * Puts a reply letter together from the read model: the proposal, the units whose opinions
 * were combined, unit names, and a draft. Used to freeze the signed letter and to preview a
 * draft before sign-off, so both read the same. A signed letter takes the names stored with
 * its signature (a unit renamed later keeps its old name there); a preview takes today's.
 */
export class ReplyLetterAssembler {
  constructor(private readonly dataSource: DataSource) {}

  /** The letter as signed: the signature's number and date, and the draft version it signed. */
  async assembleSigned(proposalId: string, unitId: string, round: number): Promise<ReplyLetter> {
    const { signature, draft, events, names } = await this.signedParts(proposalId, unitId, round);
    return this.letterOf(proposalId, draft, events, names, {
      documentNumber: String(signature['document_number']),
      signedOn: String(signature['signed_at']),
    });
  }

  /**
   * The units of this deployment on a signed letter's 抄送 list: an entry is matched to an
   * enabled unit by its full or short name, and 各会办单位 stands for every unit whose opinion
   * the reply combined. Free-text entries (units Banli does not know) match nothing.
   */
  async copyUnitsOfSigned(proposalId: string, unitId: string, round: number): Promise<string[]> {
    const { draft, events, names } = await this.signedParts(proposalId, unitId, round);
    const consulted = combinedOpinions(events).map((o) => o.unitId);
    const list = this.copyListOf(draft.copyTo, names, consulted);
    const units = (
      await execSql(
        this.dataSource,
        `SELECT "id", "name", COALESCE("short_name", "name") AS "short_name", "enabled" FROM "org_unit"`,
      )
    ).rows.filter((u) => Number(u['enabled']) === 1);
    const ids = list.flatMap((entry) =>
      entry === CO_HANDLING_UNITS_COPY
        ? consulted
        : units.filter((u) => u['name'] === entry || u['short_name'] === entry).map((u) => String(u['id'])),
    );
    return [...new Set(ids)].filter((id) => id !== unitId);
  }

  private async signedParts(proposalId: string, unitId: string, round: number) {
    const key = { proposalId, unitId, round };
    const signature = (
      await execSql(
        this.dataSource,
        `SELECT "document_number", "draft_version", "signed_at", "letter_names" FROM "reply_signature"
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round`,
        key,
      )
    ).rows[0];
    if (!signature) throw new Error(`No signature for ${proposalId}/${unitId}/${round}`);
    const events = await this.history(proposalId);
    const draft = events
      .filter(isEvent('draft-submitted'))
      .find(
        (e) =>
          e.unitId === unitId && e.data.round === round && e.data.draftVersion === Number(signature['draft_version']),
      )?.data;
    if (!draft) {
      throw new Error(`No draft version ${signature['draft_version']} of round ${round} for ${proposalId}/${unitId}`);
    }
    // A signature without stored names (or without a stored wording) predates them: its letter
    // was written in the default wording, whatever the templates say now.
    const names: LetterNames =
      typeof signature['letter_names'] === 'string'
        ? (JSON.parse(signature['letter_names']) as LetterNames)
        : { ...(await currentLetterNames(this.dataSource, proposalId, unitId)), wording: undefined };
    return { signature, draft, events, names };
  }

  /** The letter's 抄送 list: the draft's own, else the city's (as of signing for a signed letter), else the default. */
  private copyListOf(
    draftCopyTo: string[] | undefined,
    names: LetterNames,
    consultedUnits: readonly string[],
  ): string[] {
    return (
      draftCopyTo ??
      names.copyTo ??
      defaultCopyList(
        names.governmentOfficeName ?? GOVERNMENT_OFFICE_FALLBACK,
        names.committeeName ?? COMMITTEE_FALLBACK,
        consultedUnits,
      )
    );
  }

  async assemble(
    proposalId: string,
    unitId: string,
    draft: LetterDraft,
    signing: { documentNumber: string; signedOn: string },
  ): Promise<ReplyLetter> {
    const names = await currentLetterNames(this.dataSource, proposalId, unitId);
    return this.letterOf(proposalId, draft, await this.history(proposalId), names, signing);
  }

  /**
   * The 抄送 list a draft of this unit's reply prints when it sets none, as of now: the
   * city's default list, else the office, the committee and 各会办单位.
   */
  async defaultCopyTo(proposalId: string, unitId: string): Promise<string[]> {
    const names = await currentLetterNames(this.dataSource, proposalId, unitId);
    const consulted = combinedOpinions(await this.history(proposalId)).map((o) => o.unitId);
    return this.copyListOf(undefined, names, consulted);
  }

  private history(proposalId: string): Promise<ProposalEvent[]> {
    return new ProposalEventRepository(this.dataSource).history(proposalId);
  }

  private async letterOf(
    proposalId: string,
    draft: LetterDraft,
    events: ProposalEvent[],
    names: LetterNames,
    signing: { documentNumber: string; signedOn: string },
  ): Promise<ReplyLetter> {
    const one = async (sql: string, params: Record<string, unknown>) =>
      (await execSql(this.dataSource, sql, params)).rows[0];
    const proposal = await one(
      `SELECT "kind", "session_name", "number", "title", "proposers", "suggestion_points" FROM "proposal" WHERE "id" = :proposalId`,
      { proposalId },
    );
    if (!proposal) throw new Error(`No proposal ${proposalId}`);
    const points = parseJson<SuggestionPoint[]>(proposal['suggestion_points']);
    const title = String(proposal['title']);
    const issuerName = names.issuerName;
    const coHandlingUnitNames = combinedOpinions(events).map((o) => names.shortNames[o.unitId] ?? o.unitId);
    return buildReplyLetter({
      kind: proposal['kind'] as ProposalKind,
      replyClass: draft.replyClass,
      issuerName,
      documentNumber: signing.documentNumber,
      sessionName: String(proposal['session_name']),
      proposalNumber: String(proposal['number']),
      proposalTitle: title,
      proposers: parseJson<Proposer[]>(proposal['proposers']),
      coHandlingUnitNames,
      ...(draft.summary ? { summary: draft.summary } : {}),
      sections: [...draft.sections]
        .sort((a, b) => a.seq - b.seq)
        .map((s) => ({
          pointTitle: s.title ?? points.find((p) => p.seq === s.seq)?.text ?? `第${s.seq}条`,
          adoption: s.adoption,
          answer: s.text,
          measures: s.measures ?? [],
          ...(s.adoptionSentence ? { adoptionSentence: s.adoptionSentence } : {}),
          ...(s.omitHeading ? { omitHeading: true } : {}),
        })),
      topic: draft.topic ?? (title.replace(/^关于/, '').replace(/的(提案|建议)$/, '') || title),
      signedOn: signing.signedOn,
      contact: draft.contact ?? { name: issuerName, phone: '—' },
      disclosure: draft.disclosure,
      copyTo: this.copyListOf(draft.copyTo, names, coHandlingUnitNames),
      ...(draft.attachments ? { attachments: draft.attachments } : {}),
      ...(names.wording ? { wording: names.wording } : {}),
    });
  }
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
