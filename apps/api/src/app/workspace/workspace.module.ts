import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { handlingConfigFromEnv } from '@banli/config';
import { ProposalAccessService } from '../access/proposal-access.service';
import { DraftingWorkspaceService } from './drafting-workspace.service';
import { WorkspaceController } from './workspace.controller';

@Module({
  controllers: [WorkspaceController],
  providers: [
    {
      provide: DraftingWorkspaceService,
      inject: [DataSource, ProposalAccessService],
      useFactory: (ds: DataSource, access: ProposalAccessService) =>
        new DraftingWorkspaceService(ds, access, handlingConfigFromEnv().normal.replyClasses),
    },
  ],
})
export class WorkspaceModule {}
