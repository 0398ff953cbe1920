import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the working folder of every process started from here. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** A command to run: what a ManagedProcess starts, anew at each start. */
export interface ProcessCommand {
  cmd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * One process of a system under test or benchmark (Temporal, the worker, the API, a proxy),
 * started from the workspace root, that the caller may signal, stop, kill with any signal and
 * start again with the same command (asked of `command` at each start, so a caller may change
 * what it returns). Its output goes to a log file (appended across restarts, with a line at
 * each start, signal and exit) and is kept in memory for error messages.
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
    private readonly command: () => ProcessCommand,
    /** Ready yet? Asked every 100 ms with the output since this start. */
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

  /** The last 20,000 characters of output, across restarts. */
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
    const child = spawn(cmd, args, { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

  /** Sends a signal that is not meant to end the process (e.g. SIGWINCH, SIGSTOP, SIGCONT). */
  signal(signal: NodeJS.Signals): void {
    if (!this.running()) return;
    this.logStream.write(`\n===== ${new Date().toISOString()} sending ${signal}\n`);
    this.child?.kill(signal);
  }

  /**
   * Sends a signal meant to end the process and resolves once it has exited; after
   * `timeoutMs` it is killed with SIGKILL.
   */
  async kill(signal: NodeJS.Signals = 'SIGKILL', timeoutMs = 60_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running()) return;
    this.expectingExit = true;
    this.kills++;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.logStream.write(`\n===== ${new Date().toISOString()} sending ${signal}\n`);
    child.kill(signal);
    // A stopped process (SIGSTOP) does not act on a SIGTERM until it is continued.
    if (signal !== 'SIGKILL' && signal !== 'SIGCONT') child.kill('SIGCONT');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the process with `signal` and starts it again with the same command. */
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

/** Runs a command from the workspace root to completion (e.g. the seed), failing with its output. */
export function runToEnd({ cmd, args, env }: ProcessCommand, timeoutMs = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
