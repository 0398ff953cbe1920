import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** The entry point of each app, run from its TypeScript sources. */
export const APP_SOURCES = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
} as const;

export interface AppProcess {
  process: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs an app's main.ts as its own Node process (through @swc-node/register, as `npm run
 * calendar` does), with exactly `env` on top of PATH and HOME, and waits until `ready`
 * answers: a real process, with its own module loading, runtime and signals.
 */
export async function startAppProcess(
  app: keyof typeof APP_SOURCES,
  env: Record<string, string>,
  ready: { url: string; timeoutMs?: number },
): Promise<AppProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', APP_SOURCES[app]], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: AppProcess = {
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + (ready.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
    const ok = await fetch(ready.url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return handle;
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${app} did not answer ${ready.url} in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
