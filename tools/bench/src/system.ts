import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import {
  assertAppsBuilt,
  BUILT_APPS,
  builtAppEnvironment,
  createPostgresDatabase,
  dropPostgresDatabase,
  freeTcpPort,
  httpOk,
  portAnswers,
  temporalBinaries,
  workerPolls,
} from '@banli/testing';

export const ROOT = path.resolve(__dirname, '../../..');
export const DEMO_PASSWORD = 'banli-demo-2026';
export const BENCH_TASK_QUEUE = 'banli-bench-baseline';
const { apiMain: API_MAIN, workerMain: WORKER_MAIN, seedMain: SEED_MAIN } = BUILT_APPS;

/** The Temporal dev server's SQLite pragmas: TEMPORAL_SQLITE_PRAGMAS (as scripts/start.sh), `none` for none. */
export function sqlitePragmas(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env['TEMPORAL_SQLITE_PRAGMAS'] ?? 'journal_mode=wal,synchronous=FULL';
  return raw.trim() === 'none'
    ? []
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

export class Proc {
  private child: ChildProcess | undefined;
  private out = '';
  private readonly log: fs.WriteStream;
  constructor(
    readonly name: string,
    private readonly cmd: string,
    private readonly args: string[],
    private env: NodeJS.ProcessEnv,
    logFile: string,
  ) {
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }
  running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
  setEnv(extra: NodeJS.ProcessEnv): void {
    this.env = { ...this.env, ...extra };
  }
  async start(ready: (out: string) => boolean | Promise<boolean>, timeoutMs = 180_000): Promise<void> {
    this.out = '';
    this.log.write(`\n===== ${new Date().toISOString()} ${this.cmd} ${this.args.join(' ')}\n`);
    const child = spawn(this.cmd, this.args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const onData = (d: Buffer) => {
      this.log.write(d);
      this.out = (this.out + d.toString()).slice(-100_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running()) throw new Error(`${this.name} exited during start-up:\n${this.out.slice(-5000)}`);
      if (await ready(this.out)) return;
      if (Date.now() > deadline)
        throw new Error(`${this.name} not ready in ${timeoutMs} ms:\n${this.out.slice(-5000)}`);
      await sleep(100);
    }
  }
  signal(sig: NodeJS.Signals): void {
    if (this.running()) this.child?.kill(sig);
  }
  async stop(sig: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running()) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(sig);
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(t);
  }
  async close(): Promise<void> {
    await this.stop('SIGKILL');
    await new Promise<void>((r) => this.log.end(() => r()));
  }
}

export interface BenchSystem {
  runDir: string;
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  temporal: Proc;
  worker: Proc;
  api: Proc;
  benchWorker: Proc;
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
  const temporal = new Proc(
    'temporal',
    cli,
    [
      'server',
      'start-dev',
      '--db-filename',
      path.join(runDir, 'temporal.sqlite'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(temporalPort),
      '--headless',
      '--namespace',
      'default',
      '--log-level',
      'warn',
      ...pragmas.flatMap((p) => ['--sqlite-pragma', p]),
      ...Object.values(SEARCH_ATTRIBUTES).flatMap((k) => [
        '--search-attribute',
        `${k.name}=${k.type === 'KEYWORD' ? 'Keyword' : 'Datetime'}`,
      ]),
    ],
    process.env,
    path.join(runDir, 'temporal.log'),
  );
  const appEnv: NodeJS.ProcessEnv = {
    ...builtAppEnvironment({
      databaseUrl,
      temporalAddress,
      apiPort,
      root: ROOT,
      jwtSecret: 'bench-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      noWebDir: path.join(runDir, 'no-web-ui'),
      logLevel: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    }),
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    BANLI_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(options.profile ? { BENCH_PROFILE_DIR: path.join(runDir, 'profiles') } : {}),
  };
  const nodeArgs = (main: string) => [
    '--max-old-space-size=2048',
    '-r',
    './scripts/register-paths.js',
    ...(options.profile ? ['-r', './tools/bench/cpu-profiler.js'] : []),
    main,
  ];
  const worker = new Proc(
    'worker',
    process.execPath,
    nodeArgs(WORKER_MAIN),
    { ...appEnv, BENCH_PROFILE_NAME: 'worker' },
    path.join(runDir, 'worker.log'),
  );
  const api = new Proc(
    'api',
    process.execPath,
    nodeArgs(API_MAIN),
    { ...appEnv, BENCH_PROFILE_NAME: 'api' },
    path.join(runDir, 'api.log'),
  );
  const benchWorker = new Proc(
    'bench-worker',
    process.execPath,
    ['-r', '@swc-node/register', 'tools/bench/src/bench-worker.ts'],
    { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TEMPORAL_ADDRESS: temporalAddress, BENCH_TASK_QUEUE },
    path.join(runDir, 'bench-worker.log'),
  );
  const db = new Pool({ connectionString: databaseUrl, max: 16 });
  db.on('error', () => undefined);
  let connection: Connection | undefined;
  // Ready when the server lists this process among the task queue's pollers: the worker
  // logs at BENCH_LOG_LEVEL (warn), which hides its start-up line.
  const workerReady = async () =>
    !!connection &&
    (await workerPolls(connection, {
      namespace: 'default',
      taskQueue: appEnv['TEMPORAL_TASK_QUEUE'] as string,
      pid: worker.pid,
    }));
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
      await worker.stop('SIGTERM');
      worker.setEnv(extraEnv);
      await worker.start(workerReady);
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
    await temporal.start(() => portAnswers(temporalPort));
    connection = await Connection.connect({ address: temporalAddress });
    system.client = new Client({ connection, namespace: 'default' });
    fs.writeFileSync(
      path.join(runDir, 'seed.log'),
      await runToEnd(process.execPath, ['-r', './scripts/register-paths.js', SEED_MAIN], appEnv),
    );
    await Promise.all([
      worker.start(workerReady),
      api.start(() => httpOk(`${apiUrl}/api/health`)),
      benchWorker.start((out) => out.includes('bench worker polling')),
    ]);
  } catch (e) {
    await system.close();
    throw e;
  }
  return system;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}
