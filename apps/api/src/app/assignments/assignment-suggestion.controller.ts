import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError, ApiErrors, ApiSignedIn } from '../common/api-responses';
import { AssignmentSuggestionResponse } from './assignment-suggestion.response';
import { AssignmentSuggestionService } from './assignment-suggestion.service';

@ApiTags('actions')
@ApiSignedIn()
@Controller('proposals/:id/assignment-suggestion')
export class AssignmentSuggestionController {
  constructor(private readonly suggestions: AssignmentSuggestionService) {}

  /**
   * 交办建议: the lead unit and co-handlers the most similar proposals already assigned went to
   * (the 10 most similar by the full-text index, the closest weighing most), with the proposals
   * it rests on. A suggestion only: the officer confirms it by assigning.
   */
  @Get()
  @Roles('assigning-officer')
  @ApiOkResponse({ type: AssignmentSuggestionResponse })
  @ApiErrors(403)
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  suggest(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.suggestions.suggest(user, id);
  }
}
