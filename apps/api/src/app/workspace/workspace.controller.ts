import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DraftingWorkspace, DraftingWorkspaceService } from './drafting-workspace.service';

@ApiTags('letters')
@ApiBearerAuth()
@Controller('proposals/:id/workspace')
export class WorkspaceController {
  constructor(private readonly workspace: DraftingWorkspaceService) {}

  @Get()
  @ApiQuery({ name: 'unitId', required: false, description: 'The replying unit (split mode); default: the lead unit' })
  @ApiOkResponse({
    description: 'Suggestion points beside the co-handlers’ opinions, and the draft versions with their comments',
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query('unitId') unitId?: string,
  ): Promise<DraftingWorkspace> {
    return this.workspace.workspace(user, id, unitId);
  }
}
