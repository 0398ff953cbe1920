import 'reflect-metadata';
import { databaseConfigFromEnv, describeDatabase } from '@banli/persistence';
import { openReadModel } from './app/database/database.module';

/**
 * `npm run migration:run`: brings the read model's schema (DATABASE_URL, or data/banli.sqlite)
 * up to date and exits. The API and the worker also do it at start; this is for an upgrade
 * done ahead of a rolling restart, or a database prepared before first use.
 */
async function main(): Promise<void> {
  const readModel = await openReadModel();
  await readModel.destroy();
  console.log(`${describeDatabase(databaseConfigFromEnv())}: schema up to date`);
}

main().catch((err: unknown) => {
  console.error('Migrations failed:', err);
  process.exit(1);
});
