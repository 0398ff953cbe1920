import { Module } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

@Module({
  controllers: [SupervisionController],
  providers: [
    {
      provide: SupervisionService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => {
        const handling = handlingConfigFromEnv().normal;
        return new SupervisionService(
          repos.supervision,
          repos.calendars,
          handling.policy,
          repos.directory,
          handling.replyClasses,
        );
      },
    },
  ],
})
export class SupervisionModule {}
