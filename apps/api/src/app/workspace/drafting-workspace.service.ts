import { draftVersionsOf, opinionsOf, type UnitOpinion } from '@banli/contracts';
import { DomainError, SuggestionPoint } from '@banli/domain';
import type { IDirectoryRepository, IProposalRepository, IReplyLetterAssembler } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface OpinionOnPoint {
  seq: number;
  unitId: string;
  unitName: string;
  version: number;
  adoption: string;
  text: string;
}

export interface DraftComment {
  step: 'review' | 'sign-off';
  outcome: 'sent-back' | 'approved';
  comment: string | null;
  by: string;
  at: string;
}

export interface DraftVersionView {
  round: number;
  draftVersion: number;
  /** Kept as work in progress, or sent for review. */
  status: 'saved' | 'submitted';
  submittedAt: string;
  submittedBy: string;
  content: Record<string, unknown>;
  /** Review and send-back comments on this very version. */
  comments: DraftComment[];
}

export interface DraftingWorkspace {
  proposalId: string;
  unitId: string;
  points: (SuggestionPoint & { opinions: OpinionOnPoint[] })[];
  opinionStatus: { unitId: string; unitName: string; status: 'submitted' | 'returned' | 'waived'; version: number }[];
  drafts: DraftVersionView[];
  /** The reply classes a draft may take (BANLI_REPLY_CLASSES), in order. */
  replyClasses: string[];
  /** The 抄送 list the letter prints when the draft sets none (the city's default, as of now). */
  defaultCopyTo: string[];
}

/**
 * What the lead handler writes the reply from: every suggestion point beside each
 * co-handling unit's latest opinion on it, and the reply's draft versions with the comments
 * made on each. Built from the audit trail, which holds every submitted text once.
 */
export class DraftingWorkspaceService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly proposals: IProposalRepository,
    private readonly directory: IDirectoryRepository,
    private readonly letters: Pick<IReplyLetterAssembler, 'defaultCopyTo'>,
    private readonly replyClasses: string[] = ['A', 'B', 'C'],
  ) {}

  async workspace(user: AuthenticatedUser, proposalId: string, unitId?: string): Promise<DraftingWorkspace> {
    const proposal = await this.access.readable(user, proposalId);
    const replyingUnit = unitId ?? proposal.leadUnitId ?? user.unitId;
    if (unitId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(unitId)) {
      throw new DomainError('VALIDATION_FAILED', 'unitId is not a unit id', [
        { field: 'unitId', message: 'a unit id' },
      ]);
    }
    const [events, units, defaultCopyTo] = await Promise.all([
      this.proposals.historyOf(proposalId),
      this.directory.units(),
      this.letters.defaultCopyTo(proposalId, replyingUnit),
    ]);
    const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;

    // The same folds as the detail and the letter: a unit replaced after its objection no
    // longer counts, whatever it had sent.
    const opinions = opinionsOf(events).filter(
      (o): o is UnitOpinion & { status: 'submitted' | 'returned' | 'waived' } => o.status !== 'pending',
    );
    const inOpinions = opinions.filter((o) => o.status === 'submitted');
    const drafts: DraftVersionView[] = draftVersionsOf(events, replyingUnit).map((d) => ({
      round: d.round,
      draftVersion: d.draftVersion,
      status: d.status,
      submittedAt: d.submittedAt,
      submittedBy: d.submittedBy ?? '',
      content: { ...d.content },
      comments: d.comments.map((c) => ({
        step: c.step,
        outcome: c.outcome,
        comment: c.comment ?? null,
        by: c.by ?? '',
        at: c.at,
      })),
    }));
    return {
      proposalId,
      unitId: replyingUnit,
      points: proposal.suggestionPoints.map((p) => ({
        ...p,
        opinions: inOpinions.flatMap((o) =>
          o.points
            .filter((x) => x.seq === p.seq)
            .map((x) => ({ ...x, unitId: o.unitId, unitName: nameOf(o.unitId), version: o.version })),
        ),
      })),
      opinionStatus: opinions.map((o) => ({
        unitId: o.unitId,
        unitName: nameOf(o.unitId),
        status: o.status,
        version: o.version,
      })),
      drafts,
      replyClasses: [...this.replyClasses],
      defaultCopyTo,
    };
  }
}
