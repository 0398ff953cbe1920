import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { AdminSessionsController, SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, AdminSessionsController],
  providers: [
    {
      provide: SessionsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new SessionsService(repos.sessions),
    },
  ],
})
export class SessionsModule {}
