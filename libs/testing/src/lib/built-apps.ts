import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The built apps (`nx run-many -t build bundle-workflows -p api worker`), relative to the
 * workspace, as the benchmark and the fault tests run them with `node -r
 * ./scripts/register-paths.js`. The shell scripts' copy is in scripts/lib.sh (BUILT_*).
 */
export const BUILT_APPS = {
  apiMain: 'dist/out-tsc/api/apps/api/src/main.js',
  workerMain: 'dist/out-tsc/worker/apps/worker/src/main.js',
  seedMain: 'dist/out-tsc/api/apps/api/src/seed.js',
  workflowBundle: 'dist/workflow-bundle.js',
} as const;

/** Throws, saying how to build them, when one of the built apps is missing. */
export function assertAppsBuilt(root = WORKSPACE_ROOT): void {
  const missing = Object.values(BUILT_APPS).filter((f) => !fs.existsSync(path.join(root, f)));
  if (missing.length) {
    throw new Error(
      `Build first: npx nx run-many -t build bundle-workflows -p api worker (missing ${missing.join(', ')})`,
    );
  }
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
  root?: string;
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
    WORKFLOW_BUNDLE_PATH: path.join(options.root ?? WORKSPACE_ROOT, BUILT_APPS.workflowBundle),
    BANLI_WEB_DIR: options.noWebDir,
    LOG_LEVEL: options.logLevel,
  };
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
