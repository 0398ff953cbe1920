import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import {
  assertAppsBuilt,
  builtAppCommand,
  builtAppEnvironment,
  createPostgresDatabase,
  dropPostgresDatabase,
  freeTcpPort,
  httpOk,
  ManagedProcess,
  portAnswers,
  runToEnd,
  sqlitePragmas,
  temporalBinaries,
  temporalDevServerArgs,
  workerPolls,
  WORKSPACE_ROOT,
} from '@banli/testing';

export const ROOT = WORKSPACE_ROOT;
export const DEMO_PASSWORD = 'banli-demo-2026';
export const BENCH_TASK_QUEUE = 'banli-bench-baseline';

export interface BenchSystem {
  runDir: string;
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  temporal: ManagedProcess;
  worker: ManagedProcess;
  api: ManagedProcess;
  benchWorker: ManagedProcess;
  db: Pool;
  client: Client;
  pragmas: string[];
  /** Restarts the Banli worker with these extra environment variables (e.g. a small cache). */
  restartWorker(extraEnv: NodeJS.ProcessEnv): Promise<void>;
  close(): Promise<void>;
}

export async function startSystem(runDir: string, options: { profile: boolean }): Promise<BenchSystem> {
  assertAppsBuilt(ROOT);
  fs.mkdirSync(runDir, { recursive: true });
  const { cli } = temporalBinaries();
  const databaseUrl = await createPostgresDatabase('banli_bench');
  const [temporalPort, apiPort] = [await freeTcpPort(), await freeTcpPort()];
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const pragmas = sqlitePragmas();
  let connection: Connection | undefined;
  const temporal = new ManagedProcess(
    'temporal',
    () => ({
      cmd: cli,
      args: temporalDevServerArgs({ dbFile: path.join(runDir, 'temporal.sqlite'), port: temporalPort, pragmas }),
      env: process.env,
    }),
    () => portAnswers(temporalPort),
    path.join(runDir, 'temporal.log'),
  );
  const appEnv: NodeJS.ProcessEnv = {
    ...builtAppEnvironment({
      databaseUrl,
      temporalAddress,
      apiPort,
      jwtSecret: 'bench-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      noWebDir: path.join(runDir, 'no-web-ui'),
      logLevel: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    }),
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    BANLI_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(options.profile ? { BENCH_PROFILE_DIR: path.join(runDir, 'profiles') } : {}),
  };
  const nodeArgs = ['--max-old-space-size=2048', ...(options.profile ? ['-r', './tools/bench/cpu-profiler.js'] : [])];
  // More environment for the worker at its next start (restartWorker).
  let workerExtraEnv: NodeJS.ProcessEnv = {};
  const worker: ManagedProcess = new ManagedProcess(
    'worker',
    () => builtAppCommand('worker', { ...appEnv, BENCH_PROFILE_NAME: 'worker', ...workerExtraEnv }, nodeArgs),
    // Ready when the server lists this process among the task queue's pollers: the worker
    // logs at BENCH_LOG_LEVEL (warn), which hides its start-up line.
    async () =>
      !!connection &&
      (await workerPolls(connection, {
        namespace: 'default',
        taskQueue: appEnv['TEMPORAL_TASK_QUEUE'] as string,
        pid: worker.pid,
      })),
    path.join(runDir, 'worker.log'),
  );
  const api = new ManagedProcess(
    'api',
    () => builtAppCommand('api', { ...appEnv, BENCH_PROFILE_NAME: 'api' }, nodeArgs),
    () => httpOk(`${apiUrl}/api/health`),
    path.join(runDir, 'api.log'),
  );
  const benchWorker = new ManagedProcess(
    'bench-worker',
    () => ({
      cmd: process.execPath,
      args: ['-r', '@swc-node/register', 'tools/bench/src/bench-worker.ts'],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        TEMPORAL_ADDRESS: temporalAddress,
        BENCH_TASK_QUEUE,
      },
    }),
    (out) => out.includes('bench worker polling'),
    path.join(runDir, 'bench-worker.log'),
  );
  const db = new Pool({ connectionString: databaseUrl, max: 16 });
  db.on('error', () => undefined);
  const system: BenchSystem = {
    runDir,
    apiUrl,
    temporalAddress,
    databaseUrl,
    temporal,
    worker,
    api,
    benchWorker,
    db,
    pragmas,
    client: undefined as unknown as Client,
    async restartWorker(extraEnv) {
      await worker.kill('SIGTERM', 30_000);
      workerExtraEnv = extraEnv;
      await worker.start();
    },
    async close() {
      await connection?.close().catch(() => undefined);
      await Promise.all([api.close(), worker.close(), benchWorker.close()]);
      await temporal.close();
      await db.end().catch(() => undefined);
      await dropPostgresDatabase(databaseUrl).catch(() => undefined);
    },
  };
  try {
    await temporal.start();
    connection = await Connection.connect({ address: temporalAddress });
    system.client = new Client({ connection, namespace: 'default' });
    fs.writeFileSync(path.join(runDir, 'seed.log'), await runToEnd(builtAppCommand('seed', appEnv)));
    await Promise.all([worker.start(), api.start(), benchWorker.start()]);
  } catch (e) {
    await system.close();
    throw e;
  }
  return system;
}
