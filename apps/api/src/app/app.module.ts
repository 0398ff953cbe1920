import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { ActionsModule } from './actions/actions.module';
import { AuthModule } from './auth/auth.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ProposalsModule } from './proposals/proposals.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [
    DatabaseModule,
    TemporalModule,
    AuthModule,
    AccessModule,
    HealthModule,
    ProposalsModule,
    ActionsModule,
    TasksModule,
  ],
})
export class AppModule {}
