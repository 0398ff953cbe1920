import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { passwordHasher } from '../auth/password-hasher';
import { AdminController } from './admin.controller';
import { DocumentNumberPoolsService } from './document-number-pools.service';
import { LetterWordingController } from './letter-wording.controller';
import { LetterWordingService } from './letter-wording.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  controllers: [AdminController, OrganisationController, LetterWordingController],
  providers: [
    {
      provide: DocumentNumberPoolsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new DocumentNumberPoolsService(repos.documentNumberPools),
    },
    {
      provide: LetterWordingService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new LetterWordingService(repos.letterWording),
    },
    {
      provide: OrganisationService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new OrganisationService(repos.organisation, passwordHasher.hash),
    },
  ],
})
export class AdminModule {}
