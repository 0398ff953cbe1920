import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import {
  assertAppsBuilt,
  BUILT_APPS,
  createPostgresDatabase,
  dropPostgresDatabase,
  freeTcpPort,
  PrivatePostgres,
  startPrivatePostgres,
  temporalBinaries,
} from '@banli/testing';
import { httpOk, ManagedProcess, portAnswers, ROOT, runToEnd } from './processes';

export const DEMO_PASSWORD = 'banli-demo-2026';
const { apiMain: API_MAIN, workerMain: WORKER_MAIN, seedMain: SEED_MAIN, workflowBundle: WORKFLOW_BUNDLE } = BUILT_APPS;

export interface SystemOptions {
  /** Names the run's folder under tmp/fault-tests (logs, Temporal's database file). */
  scenario: string;
  /**
   * `shared`: a new database on TEST_POSTGRES_ADMIN_URL (the machine's cluster), dropped after.
   * `private`: a PostgreSQL server of the test's own, which the test may stop and start.
   */
  postgres: 'shared' | 'private';
}

/**
 * The whole system as `npm start` runs it, each part its own process: a Temporal dev server
 * keeping its state in a SQLite file (`--db-filename`), the worker and the API built by
 * `nx run-many -t build bundle-workflows -p api worker` and started with
 * scripts/register-paths.js, on a PostgreSQL database. Each can be killed and started again.
 */
export interface FaultSystem {
  runDir: string;
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  temporal: ManagedProcess;
  worker: ManagedProcess;
  api: ManagedProcess;
  postgres?: PrivatePostgres;
  /** A PostgreSQL pool on Banli's database, for the invariant checks. */
  db: Pool;
  /** A Temporal client (connected on first use), for the `proposalState` queries. */
  temporalClient(): Promise<TemporalClient>;
  /** Every managed process's unrequested exits. */
  unexpectedExits(): string[];
  close(): Promise<void>;
}

export function assertBuilt(): void {
  assertAppsBuilt(ROOT);
}

export async function startSystem(options: SystemOptions): Promise<FaultSystem> {
  assertBuilt();
  const { cli } = temporalBinaries();
  const runDir = path.join(
    ROOT,
    'tmp',
    'fault-tests',
    `${options.scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  );
  fs.mkdirSync(runDir, { recursive: true });

  let postgres: PrivatePostgres | undefined;
  let databaseUrl: string;
  if (options.postgres === 'private') {
    postgres = await startPrivatePostgres();
    databaseUrl = await postgres.createDatabase('banli');
  } else {
    databaseUrl = await createPostgresDatabase('banli_fault');
  }

  const [temporalPort, apiPort] = [await freeTcpPort(), await freeTcpPort()];
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const temporalDb = path.join(runDir, 'temporal.sqlite');

  const temporal = new ManagedProcess(
    'temporal',
    () => ({
      cmd: cli,
      args: [
        'server',
        'start-dev',
        '--db-filename',
        temporalDb,
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--headless',
        '--namespace',
        'default',
        '--log-level',
        'warn',
        ...Object.values(SEARCH_ATTRIBUTES).flatMap((k) => [
          '--search-attribute',
          `${k.name}=${k.type === 'KEYWORD' ? 'Keyword' : 'Datetime'}`,
        ]),
      ],
      env: process.env,
    }),
    () => portAnswers(temporalPort),
    path.join(runDir, 'temporal.log'),
  );

  const appEnv = (): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'banli-proposals',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    JWT_SECRET: 'fault-tests-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    BANLI_DEMO_PASSWORD: DEMO_PASSWORD,
    WORKFLOW_BUNDLE_PATH: path.join(ROOT, WORKFLOW_BUNDLE),
    BANLI_WEB_DIR: path.join(runDir, 'no-web-ui'),
    LOG_LEVEL: process.env['BANLI_FAULT_LOG_LEVEL'] ?? 'info',
  });
  const node = (main: string) => () => ({
    cmd: process.execPath,
    args: ['-r', './scripts/register-paths.js', main],
    env: appEnv(),
  });
  const worker = new ManagedProcess(
    'worker',
    node(WORKER_MAIN),
    (out) => out.includes('Banli worker polling'),
    path.join(runDir, 'worker.log'),
  );
  const api = new ManagedProcess(
    'api',
    node(API_MAIN),
    () => httpOk(`${apiUrl}/api/health`),
    path.join(runDir, 'api.log'),
  );

  const db = new Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  // The pool's idle connections die with a stopped server; that must not end the test process.
  db.on('error', () => undefined);
  let connection: Connection | undefined;

  const system: FaultSystem = {
    runDir,
    apiUrl,
    temporalAddress,
    databaseUrl,
    temporal,
    worker,
    api,
    ...(postgres ? { postgres } : {}),
    db,
    async temporalClient() {
      connection ??= await Connection.connect({ address: temporalAddress });
      return new TemporalClient({ connection, namespace: 'default' });
    },
    unexpectedExits: () => [temporal, worker, api].flatMap((p) => p.unexpectedExits.map((e) => `${p.name}: ${e}`)),
    async close() {
      await connection?.close().catch(() => undefined);
      await Promise.all([api.close(), worker.close(), temporal.close()]);
      await db.end().catch(() => undefined);
      if (postgres) await postgres.destroy();
      else await dropPostgresDatabase(databaseUrl).catch(() => undefined);
    },
  };

  try {
    await temporal.start();
    // As start.sh does: migrate and load the demo city, then the worker and the API.
    fs.writeFileSync(
      path.join(runDir, 'seed.log'),
      await runToEnd(process.execPath, ['-r', './scripts/register-paths.js', SEED_MAIN], appEnv()),
    );
    await Promise.all([worker.start(), api.start()]);
  } catch (e) {
    await system.close();
    throw e;
  }
  return system;
}
