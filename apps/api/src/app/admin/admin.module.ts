import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { passwordHasher } from '../auth/password-hasher';
import { AdminController } from './admin.controller';
import { DocumentNumberPoolsService } from './document-number-pools.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  controllers: [AdminController, OrganisationController],
  providers: [
    {
      provide: DocumentNumberPoolsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new DocumentNumberPoolsService(repos.documentNumberPools),
    },
    {
      provide: OrganisationService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new OrganisationService(repos.organisation, passwordHasher.hash),
    },
  ],
})
export class AdminModule {}
