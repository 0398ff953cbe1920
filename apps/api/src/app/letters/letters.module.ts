import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

@Module({
  controllers: [LettersController],
  providers: [
    {
      provide: LettersService,
      inject: [ProposalAccessService, REPOSITORIES],
      useFactory: (access: ProposalAccessService, repos: Repositories) =>
        new LettersService(access, repos.replyLetters, repos.letterAssembler),
    },
  ],
})
export class LettersModule {}
