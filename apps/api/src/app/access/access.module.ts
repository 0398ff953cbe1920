import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalAccessService } from './proposal-access.service';

@Global()
@Module({
  providers: [
    {
      provide: ProposalAccessService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new ProposalAccessService(ds),
    },
  ],
  exports: [ProposalAccessService],
})
export class AccessModule {}
