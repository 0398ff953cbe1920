import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDataSource, databaseConfigFromEnv, describeDatabase, runMigrations } from '@banli/persistence';

/**
 * `npm run migration:run`: brings the read model's schema (DATABASE_URL, or data/banli.sqlite)
 * up to date and exits. The API and the worker also do it at start; this is for an upgrade
 * done ahead of a rolling restart, or a database prepared before first use.
 */
async function main(): Promise<void> {
  const config = databaseConfigFromEnv();
  if (config.type === 'sqlite') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(
      applied.length
        ? `${describeDatabase(config)}: applied ${applied.length} migration(s): ${applied.join(', ')}`
        : `${describeDatabase(config)}: schema already up to date`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('Migrations failed:', err);
  process.exit(1);
});
