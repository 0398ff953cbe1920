import { Module } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import { findLetterFonts } from '@banli/letters';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { SupervisionDocumentsController } from './supervision-documents.controller';
import { SupervisionDocumentsService } from './supervision-documents.service';

@Module({
  controllers: [SupervisionDocumentsController],
  providers: [
    {
      provide: SupervisionDocumentsService,
      inject: [ProposalAccessService, REPOSITORIES],
      useFactory: (access: ProposalAccessService, repos: Repositories) =>
        new SupervisionDocumentsService(
          access,
          repos.supervisionDocuments,
          repos.proposals,
          repos.supervision,
          repos.calendars,
          repos.directory,
          handlingConfigFromEnv().normal.policy,
          // The letters' fonts (BANLI_FONT_* or Debian's Noto CJK, else BANLI_CJK_FONT).
          findLetterFonts(),
        ),
    },
  ],
  exports: [SupervisionDocumentsService],
})
export class SupervisionDocumentsModule {}
