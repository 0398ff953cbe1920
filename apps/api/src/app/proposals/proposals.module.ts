import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { handlingConfigFromEnv, TemporalConfig } from '@banli/config';
import { ProposalAccessService } from '../access/proposal-access.service';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

@Module({
  controllers: [ProposalsController],
  providers: [
    {
      provide: ProposalsService,
      inject: [Client, DataSource, ProposalAccessService, TEMPORAL_CONFIG],
      useFactory: (client: Client, dataSource: DataSource, access: ProposalAccessService, config: TemporalConfig) =>
        new ProposalsService(client, dataSource, access, config.taskQueue, handlingConfigFromEnv()),
    },
  ],
  exports: [ProposalsService],
})
export class ProposalsModule {}
