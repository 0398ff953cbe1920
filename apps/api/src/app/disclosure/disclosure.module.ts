import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { PublicRepliesController } from './public-replies.controller';
import { PublicRepliesService } from './public-replies.service';

@Module({
  controllers: [PublicRepliesController],
  providers: [
    {
      provide: PublicRepliesService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new PublicRepliesService(repos.replyLetters, repos.letterAssembler),
    },
  ],
})
export class DisclosureModule {}
