import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

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
