import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, createRepositories, databaseConfigFromEnv, runMigrations } from '@banli/persistence';

/** The read model's repositories (`Repositories` of @banli/persistence), one per aggregate. */
export const REPOSITORIES = Symbol('REPOSITORIES');

/** The read model's DataSource: created from DATABASE_URL, migrated before anything uses it. */
export async function openReadModel(): Promise<DataSource> {
  const dataSource = createDataSource(databaseConfigFromEnv());
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/**
 * The only place in the API that holds TypeORM's DataSource: it hands it to persistence's
 * repository factory, and everything else receives repositories (lint enforces this, see
 * `layering-lint.spec.ts`).
 */
@Global()
@Module({
  providers: [
    { provide: DataSource, useFactory: openReadModel },
    { provide: REPOSITORIES, inject: [DataSource], useFactory: createRepositories },
  ],
  exports: [REPOSITORIES],
})
export class DatabaseModule {}
