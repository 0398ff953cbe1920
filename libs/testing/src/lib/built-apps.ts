import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import { ProcessCommand, WORKSPACE_ROOT } from './managed-process';

/**
 * The built apps (`nx run-many -t build bundle-workflows -p api worker`), relative to the
 * workspace: scripts/built-apps.json, the one table of their paths, which scripts/run-app.js
 * starts them by.
 */
export interface BuiltApps {
  apps: Record<BuiltApp, string>;
  workflowBundle: string;
}
export type BuiltApp = 'api' | 'worker' | 'seed' | 'migrate' | 'build-workflow-bundle';
export const BUILT_APPS: BuiltApps = JSON.parse(
  fs.readFileSync(path.join(WORKSPACE_ROOT, 'scripts/built-apps.json'), 'utf8'),
);

/** Throws, saying how to build them, when one of the built apps is missing. */
export function assertAppsBuilt(root = WORKSPACE_ROOT): void {
  const missing = [...Object.values(BUILT_APPS.apps), BUILT_APPS.workflowBundle].filter(
    (f) => !fs.existsSync(path.join(root, f)),
  );
  if (missing.length) {
    throw new Error(
      `Build first: npx nx run-many -t build bundle-workflows -p api worker (missing ${missing.join(', ')})`,
    );
  }
}

/**
 * A built app as `npm start` runs it: `node [nodeArgs…] scripts/run-app.js <app>` (the worker
 * with the workflow bundle built beside it).
 */
export function builtAppCommand(app: BuiltApp, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ProcessCommand {
  return { cmd: process.execPath, args: [...nodeArgs, 'scripts/run-app.js', app], env };
}

/** The environment the built API and worker share in a test or benchmark system. */
export function builtAppEnvironment(options: {
  databaseUrl: string;
  temporalAddress: string;
  apiPort: number;
  jwtSecret: string;
  /** A folder with no web UI in it: the API then serves the API only. */
  noWebDir: string;
  logLevel: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'banli-proposals',
    PORT: String(options.apiPort),
    HOST: '127.0.0.1',
    JWT_SECRET: options.jwtSecret,
    BANLI_WEB_DIR: options.noWebDir,
    LOG_LEVEL: options.logLevel,
  };
}

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

/**
 * `temporal server start-dev` arguments for a system's own Temporal dev server, as
 * scripts/start.sh starts it: state in a SQLite file (so it survives a restart), on 127.0.0.1,
 * no UI, the `default` namespace with Banli's search attributes.
 */
export function temporalDevServerArgs(options: {
  dbFile: string;
  port: number;
  logLevel?: string;
  /** `--sqlite-pragma` values (see sqlitePragmas); none by default. */
  pragmas?: string[];
}): string[] {
  return [
    'server',
    'start-dev',
    '--db-filename',
    options.dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--headless',
    '--namespace',
    'default',
    '--log-level',
    options.logLevel ?? 'warn',
    ...(options.pragmas ?? []).flatMap((p) => ['--sqlite-pragma', p]),
    ...Object.values(SEARCH_ATTRIBUTES).flatMap((k) => [
      '--search-attribute',
      `${k.name}=${k.type === 'KEYWORD' ? 'Keyword' : 'Datetime'}`,
    ]),
  ];
}

/** True when a GET of `url` answers 2xx within 3 s. */
export async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** True when something accepts a TCP connection on host:port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/**
 * True when the worker process `pid` on this host polls `taskQueue` (its default identity,
 * `pid@hostname`, is among the task queue's pollers). Unlike a log line, this does not
 * depend on the worker's LOG_LEVEL, and a worker restarted under a new pid is not mistaken
 * for the one it replaced, whose poller the server still lists for a while.
 */
export async function workerPolls(
  connection: Connection,
  options: { namespace: string; taskQueue: string; pid: number | undefined },
): Promise<boolean> {
  if (!options.pid) return false;
  try {
    const res = await connection.workflowService.describeTaskQueue({
      namespace: options.namespace,
      taskQueue: { name: options.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const identity = `${options.pid}@${os.hostname()}`;
    return (res.pollers ?? []).some((p) => p.identity === identity);
  } catch {
    return false;
  }
}
