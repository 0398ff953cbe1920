import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ProposalAccessService } from '../access/proposal-access.service';
import { ProposalActionsController } from './proposal-actions.controller';
import { ProposalActionsService } from './proposal-actions.service';
import { WorkflowCallQueue } from '../temporal/workflow-call-queue';

@Module({
  controllers: [ProposalActionsController],
  providers: [
    {
      provide: ProposalActionsService,
      inject: [Client, ProposalAccessService, WorkflowCallQueue],
      useFactory: (client: Client, access: ProposalAccessService, calls: WorkflowCallQueue) =>
        new ProposalActionsService(client, access, calls),
    },
  ],
  exports: [ProposalActionsService],
})
export class ActionsModule {}
