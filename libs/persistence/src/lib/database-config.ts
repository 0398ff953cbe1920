import * as path from 'node:path';

export type DatabaseConfig = { type: 'postgres'; url: string; poolSize: number } | { type: 'sqlite'; file: string };

/**
 * `DATABASE_URL` selects the database: `postgres://…` (or `postgresql://…`) for PostgreSQL,
 * `sqlite:relative/or/absolute/file.sqlite` for SQLite. Unset means the embedded default,
 * a SQLite file in the data directory.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  if (!url) {
    const dataDir = path.resolve(cwd, env['BANLI_DATA_DIR'] ?? 'data');
    return { type: 'sqlite', file: path.join(dataDir, 'banli.sqlite') };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const poolSize = Number(env['DATABASE_POOL_SIZE'] ?? 10);
    if (!Number.isInteger(poolSize) || poolSize < 1) {
      throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${env['DATABASE_POOL_SIZE']}"`);
    }
    return { type: 'postgres', url, poolSize };
  }
  if (url.startsWith('sqlite:')) {
    return { type: 'sqlite', file: path.resolve(cwd, url.slice('sqlite:'.length)) };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or sqlite:, got "${url}"`);
}

/** Safe to log: no password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.type === 'sqlite') return `sqlite:${config.file}`;
  const u = new URL(config.url);
  return `postgres://${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
}
