import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  controllers: [UnitsController],
  providers: [
    {
      provide: UnitsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new UnitsService(repos.directory, repos.organisation),
    },
  ],
})
export class UnitsModule {}
