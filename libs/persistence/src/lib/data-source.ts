import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from './database-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

/** SQLite waits this long for a lock held by another process (API and worker share the file). */
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  if (config.type === 'postgres') {
    return {
      type: 'postgres',
      url: config.url,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      extra: {
        max: config.poolSize,
        // Fail fast when PostgreSQL is down, so the API answers 503 instead of hanging.
        connectionTimeoutMillis: 5_000,
      },
    };
  }
  return {
    type: 'better-sqlite3',
    database: config.file,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}

export function createDataSource(config: DatabaseConfig): DataSource {
  if (config.type === 'sqlite') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  return new DataSource(dataSourceOptions(config));
}

/** An arbitrary constant: the PostgreSQL advisory lock key that serialises migration runs. */
const MIGRATION_LOCK_KEY = 7_340_112;

/**
 * Runs pending migrations. Several API and worker replicas may start at once: on PostgreSQL
 * they queue on an advisory lock; on SQLite the database's own write lock serialises them.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'postgres') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
