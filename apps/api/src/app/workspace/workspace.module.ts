import { Module } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { DraftingWorkspaceService } from './drafting-workspace.service';
import { SimilarRepliesController } from './similar-replies.controller';
import { SimilarRepliesService } from './similar-replies.service';
import { WorkspaceController } from './workspace.controller';

@Module({
  controllers: [WorkspaceController, SimilarRepliesController],
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
    {
      provide: SimilarRepliesService,
      inject: [ProposalAccessService, REPOSITORIES],
      useFactory: (access: ProposalAccessService, repos: Repositories) =>
        new SimilarRepliesService(access, repos.similarReplies, handlingConfigFromEnv().normal.followUpClasses),
    },
  ],
})
export class WorkspaceModule {}
