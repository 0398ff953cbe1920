import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');

/**
 * One process of the system under test (Temporal, the worker, the API), started the way
 * scripts/start.sh starts it, that a test may kill with any signal and start again. Its
 * output goes to a log file (appended across restarts) and is kept in memory for messages.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private tail = '';
  private readonly logStream: fs.WriteStream;
  /** Exits nobody asked for (the process died by itself). */
  readonly unexpectedExits: string[] = [];
  starts = 0;
  kills = 0;
  private expectingExit = false;

  constructor(
    readonly name: string,
    private readonly command: () => { cmd: string; args: string[]; env: NodeJS.ProcessEnv },
    private readonly ready: (output: string) => boolean | Promise<boolean>,
    logFile: string,
    private readonly readyTimeoutMs = 180_000,
  ) {
    this.logStream = fs.createWriteStream(logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.tail;
  }

  /** Starts the process and resolves once it is ready (or rejects if it exits first). */
  async start(): Promise<void> {
    if (this.running()) throw new Error(`${this.name} is already running`);
    const { cmd, args, env } = this.command();
    this.starts++;
    this.expectingExit = false;
    this.logStream.write(`\n===== ${new Date().toISOString()} start #${this.starts}: ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let sinceStart = '';
    const onData = (d: Buffer) => {
      const s = d.toString();
      this.logStream.write(s);
      sinceStart = (sinceStart + s).slice(-200_000);
      this.tail = (this.tail + s).slice(-20_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      this.logStream.write(`\n===== ${new Date().toISOString()} exit code=${code} signal=${signal}\n`);
      if (!this.expectingExit) this.unexpectedExits.push(`${new Date().toISOString()} code=${code} signal=${signal}`);
    });
    const deadline = Date.now() + this.readyTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited during start-up (${child.exitCode ?? child.signalCode}):\n${sinceStart}`);
      }
      if (await this.ready(sinceStart)) return;
      if (Date.now() > deadline)
        throw new Error(`${this.name} was not ready within ${this.readyTimeoutMs} ms:\n${sinceStart}`);
      await sleep(100);
    }
  }

  /** Sends a signal and resolves once the process has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL', timeoutMs = 60_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running()) return;
    this.expectingExit = true;
    this.kills++;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.logStream.write(`\n===== ${new Date().toISOString()} sending ${signal}\n`);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal);
    await this.start();
  }

  /** Ends the process (SIGKILL by default: the system is thrown away, no need to drain). */
  async close(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal, 15_000);
    await new Promise<void>((resolve) => this.logStream.end(() => resolve()));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// The port and HTTP checks are the benchmark's too: one copy, in libs/testing.
export { httpOk, portAnswers } from '@banli/testing';

/** Runs a command to completion (e.g. the seed script), failing with its output. */
export function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}
