import { Module } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/**
 * How every module of the API wires its parts (this one is the pattern): a service is a
 * plain class without Nest decorators, built here by a factory from the repositories it needs
 * (picked from REPOSITORIES, which the database module provides) and from other services; the
 * controller receives its one service by class. A unit spec builds the same service with stubs.
 */
@Module({
  controllers: [TasksController],
  providers: [
    {
      provide: TasksService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) =>
        new TasksService(repos.tasks, repos.calendars, handlingConfigFromEnv().normal.policy),
    },
  ],
})
export class TasksModule {}
