import 'reflect-metadata';
import * as fs from 'node:fs';
import { NativeConnection, Runtime, makeTelemetryFilterString, DefaultLogger } from '@temporalio/worker';
import { temporalConfigFromEnv } from '@banli/config';
import { createDataSource, databaseConfigFromEnv, describeDatabase, runMigrations } from '@banli/persistence';
import { findCjkFont } from '@banli/letters';
import { bundleWorkflows, createBanliWorker } from '@banli/worker';

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger((process.env['LOG_LEVEL']?.toUpperCase() as 'INFO') ?? 'INFO'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  // Sign-offs freeze the letter as PDF: without a CJK font they could never complete.
  const font = findCjkFont();
  if (!font) throw new Error('No CJK font for reply letter PDFs: run scripts/ensure-fonts.sh or set BANLI_CJK_FONT');
  const temporal = temporalConfigFromEnv();
  const dbConfig = databaseConfigFromEnv();

  const dataSource = createDataSource(dbConfig);
  await dataSource.initialize();
  await runMigrations(dataSource);

  const bundlePath = process.env['WORKFLOW_BUNDLE_PATH'];
  const workflowBundle = bundlePath && fs.existsSync(bundlePath) ? { codePath: bundlePath } : await bundleWorkflows();

  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await createBanliWorker({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    dataSource,
    workflowBundle,
  });
  console.log(
    `Banli worker polling ${temporal.taskQueue} on ${temporal.address}/${temporal.namespace}, database ${describeDatabase(dbConfig)}`,
  );
  // Runtime.install's default shutdown signals (SIGINT, SIGTERM) drain the worker; run()
  // resolves once in-flight tasks are done.
  await worker.run();
  await connection.close();
  await dataSource.destroy();
}

main().catch((err) => {
  console.error('Banli worker failed:', err);
  process.exit(1);
});
