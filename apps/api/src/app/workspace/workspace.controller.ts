import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { DraftingWorkspaceResponse } from './workspace.response';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DraftingWorkspace, DraftingWorkspaceService } from './drafting-workspace.service';

@ApiTags('letters')
@ApiSignedIn()
@Controller('proposals/:id/workspace')
export class WorkspaceController {
  constructor(private readonly workspace: DraftingWorkspaceService) {}

  @Get()
  @ApiQuery({ name: 'unitId', required: false, description: 'The replying unit (split mode); default: the lead unit' })
  @ApiOkResponse({
    type: DraftingWorkspaceResponse,
    description: 'Suggestion points beside the co-handlers’ opinions, and the draft versions with their comments',
  })
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  @ApiError(422, 'unitId is not a unit id (VALIDATION_FAILED)')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query('unitId') unitId?: string,
  ): Promise<DraftingWorkspace> {
    return this.workspace.workspace(user, id, unitId);
  }
}
