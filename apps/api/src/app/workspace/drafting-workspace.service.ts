import { DomainError, SuggestionPoint } from '@banli/domain';
import type { IDirectoryRepository, IProposalRepository } from '@banli/persistence';
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
    const [events, units] = await Promise.all([this.proposals.eventsOf(proposalId), this.directory.units()]);
    const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;

    const opinions = new Map<
      string,
      { status: 'submitted' | 'returned' | 'waived'; version: number; points: OpinionOnPoint[] }
    >();
    const drafts: DraftVersionView[] = [];
    const latestDraft = (version: unknown) => [...drafts].reverse().find((d) => d.draftVersion === Number(version));
    for (const e of events) {
      const d = e.data;
      const unit = e.unitId ?? '';
      if (e.type === 'opinion-submitted') {
        const points = (d['points'] as { seq: number; adoption: string; text: string }[]) ?? [];
        opinions.set(unit, {
          status: 'submitted',
          version: Number(d['version']),
          points: points.map((p) => ({ ...p, unitId: unit, unitName: nameOf(unit), version: Number(d['version']) })),
        });
      } else if ((e.type === 'opinion-returned' || e.type === 'opinion-waived') && opinions.has(unit)) {
        (opinions.get(unit) as { status: string }).status = e.type === 'opinion-returned' ? 'returned' : 'waived';
      } else if (e.type === 'opinion-waived') {
        opinions.set(unit, { status: 'waived', version: 0, points: [] });
      } else if (unit === replyingUnit && (e.type === 'draft-submitted' || e.type === 'draft-saved')) {
        const { round, draftVersion, ...content } = d;
        drafts.push({
          round: Number(round),
          draftVersion: Number(draftVersion),
          status: e.type === 'draft-saved' ? 'saved' : 'submitted',
          submittedAt: e.at,
          submittedBy: e.actorUserId ?? '',
          content,
          comments: [],
        });
      } else if (unit === replyingUnit && (e.type === 'draft-sent-back' || e.type === 'draft-reviewed')) {
        latestDraft(d['draftVersion'])?.comments.push({
          step: e.type === 'draft-reviewed' ? 'review' : (d['step'] as 'review' | 'sign-off'),
          outcome: e.type === 'draft-reviewed' ? 'approved' : 'sent-back',
          comment: (d['comment'] as string | undefined) ?? null,
          by: e.actorUserId ?? '',
          at: e.at,
        });
      }
    }
    const inOpinions = [...opinions.entries()].filter(([, o]) => o.status === 'submitted');
    return {
      proposalId,
      unitId: replyingUnit,
      points: proposal.suggestionPoints.map((p) => ({
        ...p,
        opinions: inOpinions.flatMap(([, o]) => o.points.filter((x) => x.seq === p.seq)),
      })),
      opinionStatus: [...opinions.entries()].map(([id, o]) => ({
        unitId: id,
        unitName: nameOf(id),
        status: o.status,
        version: o.version,
      })),
      drafts,
      replyClasses: [...this.replyClasses],
    };
  }
}
