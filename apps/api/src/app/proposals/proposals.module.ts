import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { handlingConfigFromEnv, TemporalConfig } from '@banli/config';
import { ProposalAccessService } from '../access/proposal-access.service';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { WorkflowCallQueue } from '../temporal/workflow-call-queue';

@Module({
  controllers: [ProposalsController],
  providers: [
    {
      provide: ProposalsService,
      inject: [Client, DataSource, ProposalAccessService, TEMPORAL_CONFIG, WorkflowCallQueue],
      useFactory: (
        client: Client,
        dataSource: DataSource,
        access: ProposalAccessService,
        config: TemporalConfig,
        calls: WorkflowCallQueue,
      ) => new ProposalsService(client, dataSource, access, config.taskQueue, handlingConfigFromEnv(), calls),
    },
  ],
  exports: [ProposalsService],
})
export class ProposalsModule {}
