import 'reflect-metadata';
import { CommitteeSessionRepository, DirectoryRepository } from '@banli/persistence';
import { openReadModel } from './app/database/database.module';
import { DEMO_USERS } from './app/seed/demo-city';
import { seedDemoCity } from './app/seed/seed.service';
import { seedDemoSessions } from './app/seed/demo-sessions';

/** `node seed.js`: loads the demo city (its units, users and sessions) when the database has no units yet. */
async function main(): Promise<void> {
  const password = process.env['BANLI_DEMO_PASSWORD'] || 'banli-demo-2026';
  const readModel = await openReadModel();
  try {
    if (await seedDemoCity(new DirectoryRepository(readModel), password)) {
      await seedDemoSessions(new CommitteeSessionRepository(readModel));
      console.log(`Demo city loaded. Users (password "${password}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    } else {
      console.log('Database already has units: demo city not loaded.');
    }
  } finally {
    await readModel.destroy();
  }
}

main().catch((err) => {
  console.error('Seeding failed:', err);
  process.exit(1);
});
