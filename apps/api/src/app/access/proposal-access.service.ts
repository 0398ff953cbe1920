import { DomainError, hasRole, PROPOSAL_ID_PATTERN } from '@banli/domain';
import type { IProposalRepository, ProposalEntity } from '@banli/persistence';
import { AuthenticatedUser, SEES_EVERY_PROPOSAL } from '../auth/authenticated-user';

/**
 * Who may see a proposal: the committee, the assigning office and supervisors see every
 * proposal; a unit sees the proposals it is or was assigned to. Anything else answers 404,
 * so a unit cannot even learn that another unit's proposal exists.
 */
export class ProposalAccessService {
  constructor(private readonly proposals: IProposalRepository) {}

  seesEverything(user: AuthenticatedUser): boolean {
    return hasRole(user, ...SEES_EVERY_PROPOSAL);
  }

  async readable(user: AuthenticatedUser, proposalId: string): Promise<ProposalEntity> {
    const notFound = () => new DomainError('PROPOSAL_NOT_FOUND', `Proposal ${proposalId} does not exist`);
    if (!PROPOSAL_ID_PATTERN.test(proposalId)) throw notFound();
    // Both reads at once (every action and every proposal page starts here): one database
    // round trip of waiting instead of two.
    const [proposal, accessible] = await Promise.all([
      this.proposals.findById(proposalId),
      this.seesEverything(user) || this.proposals.isAccessibleTo(proposalId, user.unitId),
    ]);
    if (!proposal || !accessible) throw notFound();
    return proposal;
  }
}
