import { ASSIGNABLE_UNIT_KINDS, precedentsAmong, similarityTerms, suggestAssignment } from '@banli/domain';
import type { AssignmentSuggestion } from '@banli/domain';
import type { IAssignmentSuggestionRepository, IDirectoryRepository } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** How many of the most similar assigned proposals a suggestion weighs. */
export const SUGGESTION_PRECEDENTS = 10;

/**
 * 交办建议: for the office assigning a proposal, the units the most similar proposals already
 * assigned went to (the domain's suggestAssignment), shown for the officer to confirm or change.
 */
export class AssignmentSuggestionService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly directory: Pick<IDirectoryRepository, 'units'>,
    private readonly precedents: IAssignmentSuggestionRepository,
  ) {}

  async suggest(
    user: AuthenticatedUser,
    proposalId: string,
  ): Promise<{ proposalId: string; suggestion: AssignmentSuggestion | null }> {
    const proposal = await this.access.readable(user, proposalId);
    const terms = similarityTerms(proposal);
    const [candidates, units] = await Promise.all([
      // Twice as many as weighed: some share only formulaic words.
      this.precedents.similarAssigned(proposal.id, terms, 2 * SUGGESTION_PRECEDENTS),
      this.directory.units(),
    ]);
    const similar = precedentsAmong(terms, candidates).slice(0, SUGGESTION_PRECEDENTS);
    const assignable = new Set(
      units.filter((u) => u.enabled && ASSIGNABLE_UNIT_KINDS.includes(u.kind)).map((u) => u.id),
    );
    return { proposalId: proposal.id, suggestion: suggestAssignment(similar, assignable) };
  }
}
