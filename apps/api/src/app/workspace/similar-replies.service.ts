import { followUpPromiseOf, similarityTerms, type AdoptionSentencePlacement, type FollowUpPromise } from '@banli/domain';
import type { ISimilarReplyRepository } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface SimilarReplySection {
  seq: number;
  adoption: string;
  /** The heading's subject as the letter prints it, when the drafter gave one. */
  title: string | null;
  /** True when the letter printed no heading for it. */
  omitHeading: boolean;
  /** Where the letter printed its adoption sentence (a section signed before the choice: `inline`). */
  adoptionSentence: AdoptionSentencePlacement;
  text: string;
  measures: string[];
}

export interface SimilarReply {
  proposalId: string;
  sessionName: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string;
  round: number;
  documentNumber: string;
  signedAt: string;
  replyClass: string;
  /** Each distinct adoption status of its sections, in section order. */
  adoptions: string[];
  followUp: FollowUpPromise;
  sections: SimilarReplySection[];
}

/**
 * 相似答复参考: while drafting, the signed replies of other proposals most like this one (by
 * the full-text index of title and body), with whether each kept its follow-up promise, so a
 * handler can reuse a section. Only what was signed is shown: never a draft, never an opinion.
 */
export class SimilarRepliesService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly replies: ISimilarReplyRepository,
    private readonly followUpClasses: readonly string[] = ['B'],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async similarReplies(user: AuthenticatedUser, proposalId: string, limit: number): Promise<SimilarReply[]> {
    const proposal = await this.access.readable(user, proposalId);
    const records = await this.replies.similarSignedReplies(proposalId, similarityTerms(proposal), limit);
    const now = this.clock();
    return records.map((r) => ({
      proposalId: r.proposalId,
      sessionName: r.sessionName,
      number: r.number,
      title: r.title,
      unitId: r.unitId,
      unitName: r.unitName ?? r.unitId,
      round: r.round,
      documentNumber: r.documentNumber,
      signedAt: r.signedAt,
      replyClass: r.replyClass,
      adoptions: [...new Set(r.sections.map((s) => s.adoption))],
      followUp: followUpPromiseOf({
        replyClass: r.replyClass,
        followUpClasses: this.followUpClasses,
        latestReply: r.latestReply,
        deadline: r.followUpDeadline,
        now,
      }),
      sections: r.sections.map((s) => ({
        seq: s.seq,
        adoption: s.adoption,
        title: s.title ?? null,
        omitHeading: s.omitHeading ?? false,
        adoptionSentence: s.adoptionSentence ?? 'inline',
        text: s.text,
        measures: s.measures ?? [],
      })),
    }));
  }
}
