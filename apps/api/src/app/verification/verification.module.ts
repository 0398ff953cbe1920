import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ProposalRecordVerifier } from '@banli/persistence';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

@Module({
  controllers: [VerificationController],
  providers: [
    {
      provide: VerificationService,
      inject: [ProposalAccessService, REPOSITORIES, Client],
      useFactory: (access: ProposalAccessService, repos: Repositories, temporal: Client) =>
        new VerificationService(access, new ProposalRecordVerifier(repos.auditRecords, temporal)),
    },
  ],
})
export class VerificationModule {}
