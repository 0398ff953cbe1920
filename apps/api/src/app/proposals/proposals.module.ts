import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { handlingConfigFromEnv, TemporalConfig } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { WorkflowCallQueue } from '../temporal/workflow-call-queue';

@Module({
  controllers: [ProposalsController],
  providers: [
    {
      provide: ProposalsService,
      inject: [Client, REPOSITORIES, ProposalAccessService, TEMPORAL_CONFIG, WorkflowCallQueue],
      useFactory: (
        client: Client,
        repos: Repositories,
        access: ProposalAccessService,
        config: TemporalConfig,
        calls: WorkflowCallQueue,
      ) =>
        new ProposalsService(
          client,
          repos.proposals,
          repos.calendars,
          repos.sessions,
          access,
          config.taskQueue,
          handlingConfigFromEnv(),
          calls,
        ),
    },
  ],
  exports: [ProposalsService],
})
export class ProposalsModule {}
