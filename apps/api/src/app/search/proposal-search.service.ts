import type { IProposalSearchRepository, ProposalSearchPage, ProposalSearchQuery } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Lists and searches the proposals the caller may see; testable without Nest. */
export class ProposalSearchService {
  constructor(
    private readonly proposals: IProposalSearchRepository,
    private readonly access: ProposalAccessService,
  ) {}

  /** A unit sees only the proposals it is or was assigned to; the committee and the office see all. */
  search(user: AuthenticatedUser, query: Omit<ProposalSearchQuery, 'unitId'>): Promise<ProposalSearchPage> {
    return this.proposals.search({
      ...query,
      ...(this.access.seesEverything(user) ? {} : { unitId: user.unitId }),
    });
  }
}
