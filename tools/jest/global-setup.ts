// Runs once per integration Jest run, before any test file. It lives outside every Nx project
// because it wires several together; imports are relative because Jest applies no
// moduleNameMapper to global setup modules.
import './register-aliases';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleWorkflows } from '../../libs/worker/src/lib/workflow-bundle';
import { createPostgresDatabase, dropPostgresDatabase } from '../../libs/testing/src/lib/test-databases';
import { startDevServer } from '../../libs/testing/src/lib/temporal-env';
import { temporalBinaries } from '../../libs/testing/src/lib/temporal-binaries';

declare global {
  var __BANLI_TEST_RESOURCES__: { teardown: () => Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  temporalBinaries();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-jest-'));

  const [devServer, bundle, postgresUrl] = await Promise.all([
    startDevServer(),
    bundleWorkflows(),
    createPostgresDatabase(),
  ]);
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);

  // Test workers inherit these (they are forked after this returns).
  process.env['BANLI_TEST_TEMPORAL_ADDRESS'] = devServer.address;
  process.env['WORKFLOW_BUNDLE_PATH'] = bundlePath;
  process.env['BANLI_TEST_POSTGRES_URL'] = postgresUrl;

  globalThis.__BANLI_TEST_RESOURCES__ = {
    teardown: async () => {
      await devServer.teardown();
      await dropPostgresDatabase(postgresUrl);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
