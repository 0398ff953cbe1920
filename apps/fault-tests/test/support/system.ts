import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
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
  PrivatePostgres,
  runToEnd,
  startPrivatePostgres,
  temporalBinaries,
  temporalDevServerArgs,
  workerPolls,
  WORKSPACE_ROOT,
} from '@banli/testing';

export const ROOT = WORKSPACE_ROOT;
export const DEMO_PASSWORD = 'banli-demo-2026';

export interface SystemOptions {
  /** Names the run's folder under tmp/fault-tests (logs, Temporal's database file). */
  scenario: string;
  /**
   * `shared`: a new database on TEST_POSTGRES_ADMIN_URL (the machine's cluster), dropped after.
   * `private`: a PostgreSQL server of the test's own, which the test may stop and start.
   */
  postgres: 'shared' | 'private';
  /**
   * How many API and worker processes (default 1). With more than one, the APIs sit behind a
   * real reverse proxy (Debian's nginx, round robin) and `apiUrl` is the proxy's.
   */
  replicas?: number;
  /** More environment for the API and worker processes (e.g. a webhook channel). */
  env?: Record<string, string>;
}

/**
 * The whole system as `npm start` runs it, each part its own process: a Temporal dev server
 * keeping its state in a SQLite file (`--db-filename`), the worker and the API built by
 * `nx run-many -t build bundle-workflows -p api worker` and started with
 * scripts/run-app.js, on a PostgreSQL database. Each can be killed and started again.
 */
export interface FaultSystem {
  runDir: string;
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  temporal: ManagedProcess;
  /** The first worker and API (the only ones unless `replicas` > 1). */
  worker: ManagedProcess;
  api: ManagedProcess;
  workers: ManagedProcess[];
  apis: ManagedProcess[];
  /** Each API replica's own address, beside the proxy's `apiUrl`. */
  apiUrls: string[];
  proxy?: ManagedProcess;
  /** Every process of the system. */
  processes(): ManagedProcess[];
  postgres?: PrivatePostgres;
  /** A PostgreSQL pool on Banli's database, for the invariant checks. */
  db: Pool;
  /** A Temporal client (connected on first use), for the `proposalState` queries. */
  temporalClient(): Promise<TemporalClient>;
  /** Every managed process's unrequested exits. */
  unexpectedExits(): string[];
  close(): Promise<void>;
}

export async function startSystem(options: SystemOptions): Promise<FaultSystem> {
  assertAppsBuilt(ROOT);
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

  const replicas = options.replicas ?? 1;
  const temporalPort = await freeTcpPort();
  const apiPorts: number[] = [];
  for (let i = 0; i < replicas; i++) apiPorts.push(await freeTcpPort());
  const proxyPort = replicas > 1 ? await freeTcpPort() : undefined;
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const apiUrls = apiPorts.map((p) => `http://127.0.0.1:${p}`);
  const apiUrl = proxyPort ? `http://127.0.0.1:${proxyPort}` : apiUrls[0];
  const temporalDb = path.join(runDir, 'temporal.sqlite');

  const temporal = new ManagedProcess(
    'temporal',
    () => ({ cmd: cli, args: temporalDevServerArgs({ dbFile: temporalDb, port: temporalPort }), env: process.env }),
    () => portAnswers(temporalPort),
    path.join(runDir, 'temporal.log'),
  );
  // One client connection (made on first use, once Temporal is up) for the workers'
  // readiness and the tests' queries.
  let connecting: Promise<Connection> | undefined;
  const temporalConnection = () =>
    (connecting ??= Connection.connect({ address: temporalAddress }).catch((e: unknown) => {
      connecting = undefined;
      throw e;
    }));

  const appEnv = (apiPort = apiPorts[0]): NodeJS.ProcessEnv => ({
    ...builtAppEnvironment({
      databaseUrl,
      temporalAddress,
      apiPort,
      jwtSecret: 'fault-tests-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      noWebDir: path.join(runDir, 'no-web-ui'),
      logLevel: process.env['BANLI_FAULT_LOG_LEVEL'] ?? 'info',
    }),
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    BANLI_DEMO_PASSWORD: DEMO_PASSWORD,
    ...options.env,
  });
  const suffix = (i: number) => (replicas > 1 ? `-${i + 1}` : '');
  const workers = apiPorts.map((_, i) => {
    const env = appEnv();
    const worker: ManagedProcess = new ManagedProcess(
      `worker${suffix(i)}`,
      () => builtAppCommand('worker', env),
      // Ready when the server lists this process among the task queue's pollers: what the
      // server sees, whatever BANLI_FAULT_LOG_LEVEL hides of the worker's log, and never the
      // poller of the process it replaced (a new pid).
      async () => {
        const connection = await temporalConnection().catch(() => undefined);
        return (
          !!connection &&
          workerPolls(connection, {
            namespace: 'default',
            taskQueue: env['TEMPORAL_TASK_QUEUE'] as string,
            pid: worker.pid,
          })
        );
      },
      path.join(runDir, `worker${suffix(i)}.log`),
    );
    return worker;
  });
  const apis = apiPorts.map(
    (port, i) =>
      new ManagedProcess(
        `api${suffix(i)}`,
        () => builtAppCommand('api', appEnv(port)),
        () => httpOk(`${apiUrls[i]}/api/health`),
        path.join(runDir, `api${suffix(i)}.log`),
      ),
  );
  const [worker, api] = [workers[0], apis[0]];
  const proxy = proxyPort ? reverseProxy(runDir, proxyPort, apiPorts) : undefined;

  const db = new Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  // The pool's idle connections die with a stopped server; that must not end the test process.
  db.on('error', () => undefined);

  const system: FaultSystem = {
    runDir,
    apiUrl,
    temporalAddress,
    databaseUrl,
    temporal,
    worker,
    api,
    workers,
    apis,
    apiUrls,
    ...(proxy ? { proxy } : {}),
    processes: () => [temporal, ...workers, ...apis, ...(proxy ? [proxy] : [])],
    ...(postgres ? { postgres } : {}),
    db,
    async temporalClient() {
      return new TemporalClient({ connection: await temporalConnection(), namespace: 'default' });
    },
    unexpectedExits: () => system.processes().flatMap((p) => p.unexpectedExits.map((e) => `${p.name}: ${e}`)),
    async close() {
      await connecting?.then((c) => c.close()).catch(() => undefined);
      // nginx's master ends its workers on SIGTERM; SIGKILL would orphan them, holding the test's pipes open.
      await Promise.all([
        ...(proxy ? [proxy.close('SIGTERM')] : []),
        ...apis.map((p) => p.close()),
        ...workers.map((p) => p.close()),
      ]);
      await temporal.close();
      await db.end().catch(() => undefined);
      if (postgres) await postgres.destroy();
      else await dropPostgresDatabase(databaseUrl).catch(() => undefined);
    },
  };

  try {
    await temporal.start();
    // As start.sh does: migrate and load the demo city, then the worker and the API.
    fs.writeFileSync(path.join(runDir, 'seed.log'), await runToEnd(builtAppCommand('seed', appEnv())));
    await Promise.all([...workers.map((p) => p.start()), ...apis.map((p) => p.start())]);
    await proxy?.start();
  } catch (e) {
    await system.close();
    throw e;
  }
  return system;
}

/** Debian's nginx (scripts/ensure-nginx.sh), the API replicas' reverse proxy. */
export function nginxPath(): string {
  if (process.env['NGINX_PATH']) return process.env['NGINX_PATH'];
  const line = execFileSync('bash', [path.join(ROOT, 'scripts/ensure-nginx.sh')], { encoding: 'utf8' }).trim();
  return line.replace(/^NGINX_PATH=/, '');
}

/**
 * nginx in front of the API replicas, as docker/nginx/banli.conf puts it in front of the
 * compose stack's: round robin, and a request whose replica refuses the connection or fails
 * before answering goes to the next one (`proxy_next_upstream error timeout`; nginx never
 * re-sends a POST that reached a replica, so a retry is the client's, with its Idempotency-Key).
 */
function reverseProxy(runDir: string, port: number, apiPorts: number[]): ManagedProcess {
  const prefix = path.join(runDir, 'nginx');
  fs.mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream banli_api {
${apiPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://banli_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const nginx = nginxPath();
  return new ManagedProcess(
    'proxy',
    () => ({ cmd: nginx, args: ['-p', `${prefix}/`, '-c', conf, '-e', `${prefix}/error.log`], env: process.env }),
    () => httpOk(`http://127.0.0.1:${port}/api/health`),
    path.join(runDir, 'proxy.log'),
  );
}
