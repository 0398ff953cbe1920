import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeTcpPort as freePort } from '@banli/testing';

/**
 * The whole system as `npm start` runs it (web UI served by the API, worker, SQLite), on the
 * test run's Temporal dev server, with its own data folder, port and task queue.
 */
export const ROOT = path.resolve(__dirname, '../../../..');

export interface RunningSystem {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** `env`: settings on top of the tests' own; `port`: when a setting must name the address first. */
export async function startSystem(env: Record<string, string> = {}, port?: number): Promise<RunningSystem> {
  port ??= await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-web-e2e-'));
  let out = '';
  const proc: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      BANLI_DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
      TEMPORAL_TASK_QUEUE: `web-e2e-${Date.now().toString(36)}`,
      DATABASE_URL: '',
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const deadline = Date.now() + 240_000;
  while (!out.includes('Banli is running.')) {
    if (proc.exitCode !== null) throw new Error(`npm start exited ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      process.kill(-(proc.pid as number), 'SIGINT');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, provided by scripts/ensure-chromium.sh (never a downloaded browser). */
export function chromiumPath(): string {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  const line = execFileSync('bash', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { encoding: 'utf8' }).trim();
  return line.replace(/^CHROMIUM_PATH=/, '');
}

/** The system started by the global setup for all browser tests. */
export function systemUrl(): string {
  const url = process.env['BANLI_WEB_E2E_URL'];
  if (!url) throw new Error('BANLI_WEB_E2E_URL is not set: run the browser tests through their Jest config');
  return url;
}
