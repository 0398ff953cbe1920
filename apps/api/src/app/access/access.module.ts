import { Global, Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { ProposalAccessService } from './proposal-access.service';

@Global()
@Module({
  providers: [
    {
      provide: ProposalAccessService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new ProposalAccessService(repos.proposals),
    },
  ],
  exports: [ProposalAccessService],
})
export class AccessModule {}
