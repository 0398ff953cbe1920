import { DataSource } from 'typeorm';
import { createPostgresDatabase, dropPostgresDatabase, sqliteTestFile } from '@banli/testing';
import { DatabaseConfig, dataSourceOptions, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from '../src';

type Migration = (typeof POSTGRES_MIGRATIONS)[number] | (typeof SQLITE_MIGRATIONS)[number];

/**
 * For a migration test inside a `describe`: an empty database of `type` of its own (PostgreSQL's
 * dropped afterwards), `config()` to open it as the current code does, and `before(keep)` a
 * DataSource that knows only the migrations `keep` selects (the schema a deployed database has
 * before the upgrade).
 */
export function upgradeDatabase(
  type: 'postgres' | 'sqlite',
  name: string,
): { config(): DatabaseConfig; before(keep: (migrations: Migration[]) => Migration[]): DataSource } {
  let config: DatabaseConfig | undefined;
  let pgUrl: string | undefined;
  beforeAll(async () => {
    if (type === 'postgres') {
      pgUrl = await createPostgresDatabase(name);
      config = { type, url: pgUrl, poolSize: 2 };
    } else {
      config = { type, file: sqliteTestFile() };
    }
  });
  afterAll(async () => {
    if (pgUrl) await dropPostgresDatabase(pgUrl);
  });
  const opened = (): DatabaseConfig => {
    if (!config) throw new Error('upgradeDatabase: the database is created in beforeAll');
    return config;
  };
  return {
    config: opened,
    before: (keep) =>
      new DataSource({
        ...dataSourceOptions(opened()),
        migrations: keep([...(type === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS)]),
      }),
  };
}
