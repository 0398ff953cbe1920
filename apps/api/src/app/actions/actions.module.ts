import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ProposalAccessService } from '../access/proposal-access.service';
import { ProposalActionsController } from './proposal-actions.controller';
import { ProposalActionsService } from './proposal-actions.service';

@Module({
  controllers: [ProposalActionsController],
  providers: [
    {
      provide: ProposalActionsService,
      inject: [Client, ProposalAccessService],
      useFactory: (client: Client, access: ProposalAccessService) => new ProposalActionsService(client, access),
    },
  ],
})
export class ActionsModule {}
