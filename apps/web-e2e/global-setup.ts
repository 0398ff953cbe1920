// The browser tests share one running system: the run's Temporal dev server (from the common
// global setup), then `npm start` on it with its own SQLite data folder, as a user runs it.
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/jest is the workspace's shared Jest set-up, not a project
import globalSetup from '../../tools/jest/global-setup';
import { startSystem } from './test/support/system';

export default async function webGlobalSetup(): Promise<void> {
  await globalSetup();
  // Jest runs no teardown when the set-up fails: stop the run's Temporal server and database here.
  const system = await startSystem().catch(async (e: unknown) => {
    await globalThis.__BANLI_TEST_RESOURCES__?.teardown();
    throw e;
  });
  process.env['BANLI_WEB_E2E_URL'] = system.url;
  const common = globalThis.__BANLI_TEST_RESOURCES__;
  globalThis.__BANLI_TEST_RESOURCES__ = {
    teardown: async () => {
      await system.stop();
      await common?.teardown();
    },
  };
}
