import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SimilarRepliesQueryDto } from './similar-replies-query.dto';
import { SimilarReplyResponse } from './similar-replies.response';
import { SimilarRepliesService, SimilarReply } from './similar-replies.service';

@ApiTags('letters')
@ApiSignedIn()
@Controller('proposals/:id/similar-replies')
export class SimilarRepliesController {
  constructor(private readonly similar: SimilarRepliesService) {}

  /** The signed replies of other proposals most similar to this one, with their sections to reuse. */
  @Get()
  @Roles('handler', 'reviewer', 'signer')
  @ApiOkResponse({ type: [SimilarReplyResponse], description: 'Most similar first' })
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  @ApiError(400, 'limit is not a whole number from 1 to 20 (BAD_REQUEST, as every list’s page size)')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() q: SimilarRepliesQueryDto,
  ): Promise<SimilarReply[]> {
    return this.similar.similarReplies(user, id, q.limit);
  }
}
