import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { ProposalsService } from '../proposals/proposals.service';
import { ProposalImportController } from './proposal-import.controller';
import { ProposalImportService } from './proposal-import.service';

@Module({
  imports: [ProposalsModule],
  controllers: [ProposalImportController],
  providers: [
    {
      provide: ProposalImportService,
      inject: [ProposalsService],
      useFactory: (proposals: ProposalsService) => new ProposalImportService(proposals),
    },
  ],
})
export class IntakeModule {}
