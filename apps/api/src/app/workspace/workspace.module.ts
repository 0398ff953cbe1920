import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalAccessService } from '../access/proposal-access.service';
import { DraftingWorkspaceService } from './drafting-workspace.service';
import { WorkspaceController } from './workspace.controller';

@Module({
  controllers: [WorkspaceController],
  providers: [
    {
      provide: DraftingWorkspaceService,
      inject: [DataSource, ProposalAccessService],
      useFactory: (ds: DataSource, access: ProposalAccessService) => new DraftingWorkspaceService(ds, access),
    },
  ],
})
export class WorkspaceModule {}
