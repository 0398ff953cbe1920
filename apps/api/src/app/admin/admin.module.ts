import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { AdminController } from './admin.controller';
import { DocumentNumberPoolsService } from './document-number-pools.service';

@Module({
  controllers: [AdminController],
  providers: [
    {
      provide: DocumentNumberPoolsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new DocumentNumberPoolsService(repos.documentNumberPools),
    },
  ],
})
export class AdminModule {}
