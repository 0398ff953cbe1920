import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalAccessService } from '../access/proposal-access.service';
import { ProposalSearchController } from './proposal-search.controller';
import { ProposalSearchService } from './proposal-search.service';

@Module({
  controllers: [ProposalSearchController],
  providers: [
    {
      provide: ProposalSearchService,
      inject: [DataSource, ProposalAccessService],
      useFactory: (dataSource: DataSource, access: ProposalAccessService) =>
        new ProposalSearchService(dataSource, access),
    },
  ],
})
export class SearchModule {}
