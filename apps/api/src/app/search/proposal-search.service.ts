import { isProvisionalDue } from '@banli/domain';
import type {
  ICalendarOverrideRepository,
  IProposalSearchRepository,
  ProposalSearchPage,
  ProposalSearchQuery,
  ProposalSummary,
} from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** A list row: its next due date says whether it is provisional (its year's notice not loaded). */
export interface ProposalListItem extends ProposalSummary {
  nextDueProvisional: boolean;
}

export interface ProposalListPage extends Omit<ProposalSearchPage, 'items'> {
  items: ProposalListItem[];
}

/** Lists and searches the proposals the caller may see; testable without Nest. */
export class ProposalSearchService {
  constructor(
    private readonly proposals: IProposalSearchRepository,
    private readonly access: ProposalAccessService,
    private readonly calendars: ICalendarOverrideRepository,
  ) {}

  /** A unit sees only the proposals it is or was assigned to; the committee and the office see all. */
  async search(user: AuthenticatedUser, query: Omit<ProposalSearchQuery, 'unitId'>): Promise<ProposalListPage> {
    const [page, calendar] = await Promise.all([
      this.proposals.search({
        ...query,
        ...(this.access.seesEverything(user) ? {} : { unitId: user.unitId }),
      }),
      this.calendars.current(),
    ]);
    return {
      ...page,
      items: page.items.map((p) => ({
        ...p,
        proposers: this.access.proposersFor(user, p),
        nextDueProvisional: !p.closedAt && !!p.nextDueAt && isProvisionalDue(calendar, p.nextDueAt),
      })),
    };
  }
}
