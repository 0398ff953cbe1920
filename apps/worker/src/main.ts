import 'reflect-metadata';
import * as fs from 'node:fs';
import { NativeConnection, Runtime, makeTelemetryFilterString, DefaultLogger } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import {
  handlingConfigFromEnv,
  notificationConfigFromEnv,
  temporalConfigFromEnv,
  workerTuningFromEnv,
} from '@banli/config';
import { createDataSource, databaseConfigFromEnv, describeDatabase, runMigrations } from '@banli/persistence';
import { findLetterFonts } from '@banli/letters';
import { bundleWorkflows, createBanliWorker, createNotificationRelay, ensureDailyDigestSchedule } from '@banli/worker';

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger((process.env['LOG_LEVEL']?.toUpperCase() as 'INFO') ?? 'INFO'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  // Sign-offs freeze the letter as PDF: without a CJK font they could never complete.
  const font = findLetterFonts();
  if (!font) throw new Error('No CJK font for reply letter PDFs: run scripts/ensure-fonts.sh or set BANLI_CJK_FONT');
  const temporal = temporalConfigFromEnv();
  const notifications = notificationConfigFromEnv();
  // The digest lists what is due soon by the deployment's one threshold unless configured apart.
  const dueWithinWorkingDays =
    notifications.digest.dueWithinWorkingDays ?? handlingConfigFromEnv().normal.policy.dueSoonWorkingDays;
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
    digest: { dueWithinWorkingDays },
    tuning: workerTuningFromEnv(),
  });

  // The daily digest is a Temporal Schedule (not a timer in this process): every replica makes
  // sure it exists and is up to date; Temporal runs it once a day on this task queue.
  const clientConnection = await Connection.connect({ address: temporal.address });
  const digestSchedule = await ensureDailyDigestSchedule(
    new Client({ connection: clientConnection, namespace: temporal.namespace }),
    {
      ...notifications.digest,
      dueWithinWorkingDays,
      taskQueue: temporal.taskQueue,
    },
  );
  await clientConnection.close();

  // The outbox relay runs beside the worker in every replica; leases keep them from sending twice.
  const relay = createNotificationRelay(dataSource, notifications);
  relay.start();
  console.log(
    `Banli worker polling ${temporal.taskQueue} on ${temporal.address}/${temporal.namespace}, database ${describeDatabase(dbConfig)}; ` +
      `daily digest schedule ${notifications.digest.scheduleId} ${digestSchedule}; notification channels: in-app${relay.enabledChannels.map((c) => `, ${c}`).join('')}`,
  );
  // Runtime.install's default shutdown signals (SIGINT, SIGTERM) drain the worker; run()
  // resolves once in-flight tasks are done. Then the relay finishes its sends in flight.
  try {
    await worker.run();
  } finally {
    await relay.stop();
  }
  await connection.close();
  await dataSource.destroy();
}

main().catch((err) => {
  console.error('Banli worker failed:', err);
  process.exit(1);
});
