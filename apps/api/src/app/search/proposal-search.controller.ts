import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-responses';
import { ProposalSearchPageResponse } from './proposal-search.response';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProposalSearchQueryDto } from './proposal-search-query.dto';
import { ProposalListPage, ProposalSearchService } from './proposal-search.service';

@ApiTags('proposals')
@ApiSignedIn()
@Controller('proposals')
export class ProposalSearchController {
  constructor(private readonly proposals: ProposalSearchService) {}

  /** The proposals the caller may see, optionally searched and filtered; key proposals first, then by deadline. */
  @Get()
  @ApiOkResponse({ type: ProposalSearchPageResponse, description: 'A page of proposal summaries with the total count' })
  search(@CurrentUser() user: AuthenticatedUser, @Query() q: ProposalSearchQueryDto): Promise<ProposalListPage> {
    return this.proposals.search(user, q);
  }
}
