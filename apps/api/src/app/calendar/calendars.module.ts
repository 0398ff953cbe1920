import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { TemporalConfig } from '@banli/config';
import { CalendarLoading, Repositories, temporalCalendarReplanStarter } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { CalendarsController } from './calendars.controller';

@Module({
  controllers: [CalendarsController],
  providers: [
    {
      provide: CalendarLoading,
      inject: [REPOSITORIES, Client, TEMPORAL_CONFIG],
      useFactory: (repos: Repositories, client: Client, config: TemporalConfig) =>
        new CalendarLoading(repos.calendars, temporalCalendarReplanStarter(client, config.taskQueue)),
    },
  ],
})
export class CalendarsModule {}
