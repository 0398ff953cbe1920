import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { ProposalSearchController } from './proposal-search.controller';
import { ProposalSearchService } from './proposal-search.service';

@Module({
  controllers: [ProposalSearchController],
  providers: [
    {
      provide: ProposalSearchService,
      inject: [REPOSITORIES, ProposalAccessService],
      useFactory: (repos: Repositories, access: ProposalAccessService) =>
        new ProposalSearchService(repos.proposalSearch, access, repos.calendars),
    },
  ],
})
export class SearchModule {}
