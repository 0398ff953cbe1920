import type { DataSource } from 'typeorm';
import { ProposalSearchPage, ProposalSearchQuery, ProposalSearchRepository } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Lists and searches the proposals the caller may see; testable without Nest. */
export class ProposalSearchService {
  private readonly proposals: ProposalSearchRepository;

  constructor(
    dataSource: DataSource,
    private readonly access: ProposalAccessService,
  ) {
    this.proposals = new ProposalSearchRepository(dataSource);
  }

  /** A unit sees only the proposals it is or was assigned to; the committee and the office see all. */
  search(user: AuthenticatedUser, query: Omit<ProposalSearchQuery, 'unitId'>): Promise<ProposalSearchPage> {
    return this.proposals.search({
      ...query,
      ...(this.access.seesEverything(user) ? {} : { unitId: user.unitId }),
    });
  }
}
