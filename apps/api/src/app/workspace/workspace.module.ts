import { Module } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { DraftingWorkspaceService } from './drafting-workspace.service';
import { WorkspaceController } from './workspace.controller';

@Module({
  controllers: [WorkspaceController],
  providers: [
    {
      provide: DraftingWorkspaceService,
      inject: [ProposalAccessService, REPOSITORIES],
      useFactory: (access: ProposalAccessService, repos: Repositories) =>
        new DraftingWorkspaceService(
          access,
          repos.proposals,
          repos.directory,
          repos.letterAssembler,
          handlingConfigFromEnv().normal.replyClasses,
        ),
    },
  ],
})
export class WorkspaceModule {}
