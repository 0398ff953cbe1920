import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Client } from 'pg';

/** Where the tests may create and drop databases; trust auth on 127.0.0.1 by default. */
export function postgresAdminUrl(): string {
  return process.env['TEST_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function createPostgresDatabase(prefix = 'banli_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh SQLite file in a temporary folder. */
export function sqliteTestFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-test-'));
  return path.join(dir, 'banli.sqlite');
}

/** Structurally the persistence library's DatabaseConfig (kept apart to avoid a cycle). */
export type TestDatabaseConfig = { type: 'postgres'; url: string; poolSize: number } | { type: 'sqlite'; file: string };

export interface NamedDatabase {
  name: 'postgres' | 'sqlite';
  config: TestDatabaseConfig;
}

/**
 * The two databases every integration test runs against: the run's PostgreSQL database
 * (created by the global setup) and a new SQLite file.
 */
export function testDatabases(): NamedDatabase[] {
  const url = process.env['BANLI_TEST_POSTGRES_URL'];
  if (!url) throw new Error('BANLI_TEST_POSTGRES_URL is not set: run integration tests through their Jest config');
  return [
    { name: 'postgres', config: { type: 'postgres', url, poolSize: 10 } },
    { name: 'sqlite', config: { type: 'sqlite', file: sqliteTestFile() } },
  ];
}
