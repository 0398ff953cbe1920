import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, databaseConfigFromEnv, runMigrations } from '@banli/persistence';

/** The read model's DataSource: created from DATABASE_URL, migrated before the API serves. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      useFactory: async () => {
        const dataSource = createDataSource(databaseConfigFromEnv());
        await dataSource.initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule {}
