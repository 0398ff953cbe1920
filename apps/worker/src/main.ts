import { tracing } from './tracing';
import 'reflect-metadata';
import * as fs from 'node:fs';
import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
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
import { createLogger, metricsListenFromEnv, PinoTemporalLogger } from '@banli/observability';

/** The process's one logger: the worker's lines, the SDK's, Temporal Core's and the relay's. */
const logger = createLogger('worker');

async function main(): Promise<void> {
  const metrics = metricsListenFromEnv('BANLI_WORKER_METRICS_PORT');
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: {
      // Core's (Rust) lines are forwarded to the logger above instead of printed in their own format.
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      // The SDK's runtime metrics (task slots, poll and schedule-to-start latency, sticky cache),
      // served by Core's own Prometheus exporter at http://<address>/metrics.
      ...(metrics
        ? { metrics: { prometheus: { bindAddress: `${metrics.host}:${metrics.port}`, useSecondsForDurations: true } } }
        : {}),
    },
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
  const workflowBundle =
    bundlePath && fs.existsSync(bundlePath)
      ? { codePath: bundlePath }
      : await bundleWorkflows({ logger: Runtime.instance().logger });

  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await createBanliWorker({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    dataSource,
    workflowBundle,
    digest: { dueWithinWorkingDays },
    tuning: workerTuningFromEnv(),
    tracing,
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
  const relayLogger = logger.child({ component: 'notification-relay' });
  const relay = createNotificationRelay(dataSource, notifications, {
    logger: {
      info: (msg, meta) => relayLogger.info(meta ?? {}, msg),
      warn: (msg, meta) => relayLogger.warn(meta ?? {}, msg),
      error: (msg, meta) => relayLogger.error(meta ?? {}, msg),
    },
  });
  relay.start();
  logger.info(
    `Banli worker polling ${temporal.taskQueue} on ${temporal.address}/${temporal.namespace}, database ${describeDatabase(dbConfig)}; ` +
      `daily digest schedule ${notifications.digest.scheduleId} ${digestSchedule}; notification channels: in-app${relay.enabledChannels.map((c) => `, ${c}`).join('')}; ` +
      `metrics ${metrics ? `http://${metrics.host}:${metrics.port}/metrics` : 'off'}; tracing ${tracing ? 'on' : 'off'}`,
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
  await tracing?.shutdown();
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'Banli worker failed');
  process.exit(1);
});
