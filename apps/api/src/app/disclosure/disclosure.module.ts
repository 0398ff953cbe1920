import { Module } from '@nestjs/common';
import { PublicRepliesController } from './public-replies.controller';

@Module({ controllers: [PublicRepliesController] })
export class DisclosureModule {}
