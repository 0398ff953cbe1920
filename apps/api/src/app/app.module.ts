import { httpConfigFromEnv } from '@banli/config';
import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AccountsModule } from './accounts/accounts.module';
import { ActionsModule } from './actions/actions.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { SingleSignOnModule } from './auth/oidc/single-sign-on.module';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { IdempotencyPurge } from './common/idempotency-purge';
import { LoggingModule } from './common/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { DatabaseModule, REPOSITORIES } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { AdminModule } from './admin/admin.module';
import { CalendarsModule } from './calendar/calendars.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WorkspaceModule } from './workspace/workspace.module';
import { LettersModule } from './letters/letters.module';
import { VerificationModule } from './verification/verification.module';
import { SearchModule } from './search/search.module';
import { ProposalsModule } from './proposals/proposals.module';
import { TasksModule } from './tasks/tasks.module';
import { SupervisionModule } from './supervision/supervision.module';
import { SupervisionDocumentsModule } from './supervision-documents/supervision-documents.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { UnitsModule } from './units/units.module';
import { SessionsModule } from './sessions/sessions.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [
    LoggingModule,
    DatabaseModule,
    MetricsModule,
    TemporalModule,
    AuthModule,
    SingleSignOnModule,
    AccessModule,
    HealthModule,
    ProposalsModule,
    IntakeModule,
    AssignmentsModule,
    SearchModule,
    ActionsModule,
    SupervisionDocumentsModule,
    LettersModule,
    VerificationModule,
    WorkspaceModule,
    AdminModule,
    AccountsModule,
    CalendarsModule,
    NotificationsModule,
    TasksModule,
    SupervisionModule,
    DisclosureModule,
    UnitsModule,
    SessionsModule,
  ],
  providers: [
    {
      provide: APP_INTERCEPTOR,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new IdempotencyInterceptor(repos.idempotency),
    },
    {
      provide: IdempotencyPurge,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) =>
        new IdempotencyPurge(repos.idempotency, httpConfigFromEnv().idempotencyRetentionHours),
    },
  ],
})
export class AppModule {}
