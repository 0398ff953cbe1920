import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  controllers: [AccountsController],
  providers: [
    {
      provide: AccountsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new AccountsService(repos.accounts),
    },
  ],
})
export class AccountsModule {}
