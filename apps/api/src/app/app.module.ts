import { Module } from '@nestjs/common';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ProposalsModule } from './proposals/proposals.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [DatabaseModule, TemporalModule, HealthModule, ProposalsModule],
})
export class AppModule {}
