import { DomainError, hasRole, PROPOSAL_ID_PATTERN, type Proposer } from '@banli/domain';
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

  /**
   * Proposers' e-mail addresses are for the staff who answer the proposal: the committee, the
   * assigning office, supervisors and admins (who see every proposal), and the replying units
   * (the lead unit, or every assigned unit when there is no lead). A co-handling unit gives
   * the lead its opinion and never writes to the proposer, so it reads the proposal without them.
   */
  seesProposerEmails(user: AuthenticatedUser, p: { leadUnitId: string | null; assignedUnitIds: string[] }): boolean {
    if (this.seesEverything(user)) return true;
    return p.leadUnitId ? p.leadUnitId === user.unitId : p.assignedUnitIds.includes(user.unitId);
  }

  /** The proposers as this user may read them: without e-mail addresses unless seesProposerEmails. */
  proposersFor(
    user: AuthenticatedUser,
    p: { leadUnitId: string | null; assignedUnitIds: string[]; proposers: Proposer[] },
  ): Proposer[] {
    if (this.seesProposerEmails(user, p)) return p.proposers;
    return p.proposers.map(({ email: _email, ...rest }) => rest);
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
