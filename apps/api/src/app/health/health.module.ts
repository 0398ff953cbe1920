import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { TemporalConfig } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  controllers: [HealthController],
  providers: [
    {
      provide: HealthService,
      inject: [REPOSITORIES, Client, TEMPORAL_CONFIG],
      useFactory: (repos: Repositories, temporal: Client, config: TemporalConfig) =>
        new HealthService(repos.database, temporal, config.namespace),
    },
  ],
})
export class HealthModule {}
