import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { handlingConfigFromEnv, TemporalConfig } from '@banli/config';
import { ProposalQueryRepository } from '@banli/persistence';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

@Module({
  controllers: [ProposalsController],
  providers: [
    {
      provide: ProposalsService,
      inject: [Client, DataSource, TEMPORAL_CONFIG],
      useFactory: (client: Client, dataSource: DataSource, config: TemporalConfig) =>
        new ProposalsService(
          client,
          new ProposalQueryRepository(dataSource),
          config.taskQueue,
          handlingConfigFromEnv(),
        ),
    },
  ],
})
export class ProposalsModule {}
