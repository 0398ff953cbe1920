import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ProposalAccessService } from '../access/proposal-access.service';
import { ProposalActionsController } from './proposal-actions.controller';
import { ProposalActionsService } from './proposal-actions.service';
import { WorkflowCallQueue } from '../temporal/workflow-call-queue';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { NamedReferencesChecker } from './named-references.checker';
import { ReadModelWait } from './read-model-wait';
import { SupervisionDocumentsModule } from '../supervision-documents/supervision-documents.module';

@Module({
  imports: [SupervisionDocumentsModule],
  controllers: [ProposalActionsController],
  providers: [
    {
      provide: ProposalActionsService,
      inject: [Client, ProposalAccessService, WorkflowCallQueue, REPOSITORIES],
      useFactory: (client: Client, access: ProposalAccessService, calls: WorkflowCallQueue, repos: Repositories) =>
        new ProposalActionsService(
          client,
          access,
          calls,
          new NamedReferencesChecker(repos.directory, repos.proposals),
          new ReadModelWait(repos.proposals),
        ),
    },
  ],
  exports: [ProposalActionsService],
})
export class ActionsModule {}
