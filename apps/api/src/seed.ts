import 'reflect-metadata';
import { createDataSource, databaseConfigFromEnv, runMigrations } from '@banli/persistence';
import { DEMO_USERS } from './app/seed/demo-city';
import { seedDemoCity } from './app/seed/seed.service';

/** `node seed.js`: loads the demo city when the database has no units yet. */
async function main(): Promise<void> {
  const password = process.env['BANLI_DEMO_PASSWORD'] || 'banli-demo-2026';
  const dataSource = createDataSource(databaseConfigFromEnv());
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    if (await seedDemoCity(dataSource, password)) {
      console.log(`Demo city loaded. Users (password "${password}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    } else {
      console.log('Database already has units: demo city not loaded.');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  console.error('Seeding failed:', err);
  process.exit(1);
});
