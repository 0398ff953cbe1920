import * as fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { notificationConfigFromEnv, NotificationConfig } from '@banli/config';
import {
  CommitteeSessionRepository,
  createDataSource,
  DatabaseConfig,
  DirectoryRepository,
  runMigrations,
} from '@banli/persistence';
import {
  createBanliWorker,
  createNotificationRelay,
  ensureDailyDigestSchedule,
  NotificationRelay,
  silentRelayLogger,
} from '@banli/worker';
import { quietTemporalLogs } from '@banli/testing';
import { createApp } from '../../src/app/create-app';
import { seedDemoCity } from '../../src/app/seed/seed.service';
import { seedDemoSessions } from '../../src/app/seed/demo-sessions';
import { checkResponsesAgainstOpenApi } from './openapi-responses';

export const TEST_JWT_SECRET = 'test-secret-for-banli-integration-tests-only-0123456789';
export const DEMO_PASSWORD = 'demo-password';

export interface Stack {
  app: INestApplication;
  /** Base URL of the listening API, e.g. http://127.0.0.1:40123 */
  url: string;
  client: Client;
  dataSource: DataSource;
  taskQueue: string;
  /** The notification relay, as the worker runs it, polling every 50 ms. */
  relay: NotificationRelay;
  notifications: NotificationConfig;
  /** Set when the stack was started with `digestSchedule`: the Schedule's id on the dev server. */
  digestScheduleId?: string;
  /** A bearer token of a demo user (cached per stack). */
  token(username: string): Promise<string>;
  /** Signs a demo user in again (after a sign-out or another revocation); the cache keeps the new token. */
  signIn(username: string): Promise<string>;
  close(): Promise<void>;
}

let stackCounter = 0;

export interface StackOptions {
  /** Notification settings (as environment variables) on top of the tests' quick defaults. */
  notificationEnv?: Record<string, string>;
  /** Create the daily digest's Temporal Schedule for this stack (its own id, on the stack's queue). */
  digestSchedule?: boolean;
  /** Listen on this port instead of a free one (when a setting must name the API's address first). */
  port?: number;
}

/** Quick polling and short backoff, so retries happen within a test. */
export const TEST_NOTIFICATION_ENV: Record<string, string> = {
  BANLI_NOTIFY_POLL_MS: '50',
  BANLI_NOTIFY_BACKOFF_BASE_MS: '200',
  BANLI_NOTIFY_BACKOFF_CAP_MS: '2000',
  BANLI_NOTIFY_LEASE_MS: '30000',
  SMTP_TIMEOUT_MS: '5000',
  BANLI_WEBHOOK_TIMEOUT_MS: '5000',
};

/**
 * The real stack in this process: the API (listening on a free port) and a worker, on the
 * run's Temporal dev server and the given database. Each stack has its own task queue, so
 * stacks on different databases never pick up each other's tasks.
 */
export async function startStack(database: DatabaseConfig, options: StackOptions = {}): Promise<Stack> {
  const address = required('BANLI_TEST_TEMPORAL_ADDRESS');
  const bundlePath = required('WORKFLOW_BUNDLE_PATH');
  const taskQueue = `banli-test-${process.pid}-${++stackCounter}-${Date.now().toString(36)}`;

  process.env['TEMPORAL_ADDRESS'] = address;
  process.env['TEMPORAL_TASK_QUEUE'] = taskQueue;
  process.env['DATABASE_URL'] = database.type === 'postgres' ? database.url : `sqlite:${database.file}`;
  process.env['JWT_SECRET'] = TEST_JWT_SECRET;
  process.env['LOGIN_ATTEMPTS_PER_MINUTE'] ??= '1000';
  process.env['LOGIN_FAILURES_PER_ACCOUNT'] ??= '1000';
  process.env['LOG_LEVEL'] ??= 'silent';

  quietTemporalLogs();
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  await runMigrations(dataSource);
  await seedDemoCity(new DirectoryRepository(dataSource), DEMO_PASSWORD);
  await seedDemoSessions(new CommitteeSessionRepository(dataSource));

  const workerConnection = await NativeConnection.connect({ address });
  const worker: Worker = await createBanliWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    dataSource,
    workflowBundle: { code: fs.readFileSync(bundlePath, 'utf8') },
  });
  const workerRun = worker.run();

  const notifications = notificationConfigFromEnv({ ...TEST_NOTIFICATION_ENV, ...options.notificationEnv });
  const relay = createNotificationRelay(dataSource, notifications, { logger: silentRelayLogger });
  relay.start();

  const app = await createApp({ host: '127.0.0.1', port: 0, bodyLimit: '1mb' }, { logger: false });
  checkResponsesAgainstOpenApi(app);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const url = await app.getUrl();
  const clientConnection = await Connection.connect({ address });
  const tokens = new Map<string, string>();
  const client = new Client({ connection: clientConnection });
  const signIn = async (username: string): Promise<string> => {
    const res = await fetch(`${url.replace('[::1]', '127.0.0.1')}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    tokens.set(username, accessToken);
    return accessToken;
  };
  const digestScheduleId = options.digestSchedule ? `banli-daily-digest-${taskQueue}` : undefined;
  if (digestScheduleId) {
    await ensureDailyDigestSchedule(client, { ...notifications.digest, scheduleId: digestScheduleId, taskQueue });
  }

  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    client,
    dataSource,
    taskQueue,
    relay,
    notifications,
    ...(digestScheduleId ? { digestScheduleId } : {}),
    token: async (username: string) => tokens.get(username) ?? signIn(username),
    signIn,
    async close() {
      await app.close();
      await relay.stop();
      if (digestScheduleId) await client.schedule.getHandle(digestScheduleId).delete();
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
      await clientConnection.close();
      await dataSource.destroy();
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through their Jest config`);
  return value;
}
