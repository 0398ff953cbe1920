import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManagedProcess, runToEnd } from './managed-process';

/** Real child processes (Node one-liners): start until ready, signals, restarts, the log file. */
describe('ManagedProcess', () => {
  let dir: string;
  const procs: ManagedProcess[] = [];
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-managed-'))));
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Prints "ready <n>" (n counting the starts through the environment) and stays up until a signal.
  const script = `process.stdout.write('ready ' + process.env.N + '\\n'); process.on('SIGTERM', () => { console.log('draining'); process.exit(0); }); setInterval(() => {}, 1000);`;
  const make = (ready: (out: string) => boolean = (out) => out.includes('ready')) => {
    let n = 0;
    const p = new ManagedProcess(
      'probe',
      () => ({ cmd: process.execPath, args: ['-e', script], env: { ...process.env, N: String(++n) } }),
      ready,
      path.join(dir, 'probe.log'),
      10_000,
    );
    procs.push(p);
    return p;
  };

  it('starts until ready, restarts with the command asked anew, and logs each start, signal and exit', async () => {
    const p = make();
    await p.start();
    expect(p.running()).toBe(true);
    const firstPid = p.pid;
    await p.restart('SIGKILL');
    expect(p.pid).not.toBe(firstPid);
    expect([p.starts, p.kills]).toEqual([2, 1]);
    expect(p.output()).toContain('ready 1');
    expect(p.output()).toContain('ready 2');
    await p.close('SIGTERM');
    const log = fs.readFileSync(path.join(dir, 'probe.log'), 'utf8');
    expect(log).toMatch(/start #1: .*node -e/);
    expect(log).toContain('sending SIGKILL');
    expect(log).toContain('exit code=null signal=SIGKILL');
    expect(log).toContain('draining');
    expect(p.unexpectedExits).toEqual([]);
  });

  it('stops a process held with SIGSTOP by a later SIGTERM, at once', async () => {
    const p = make();
    await p.start();
    p.signal('SIGSTOP');
    const t = Date.now();
    await p.kill('SIGTERM', 8_000);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(p.output()).toContain('draining');
  });

  it('records an exit nobody asked for, and refuses a start that exits before it is ready', async () => {
    const p = make();
    await p.start();
    process.kill(p.pid as number, 'SIGKILL');
    for (let i = 0; i < 50 && p.running(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(p.unexpectedExits).toEqual([expect.stringContaining('signal=SIGKILL')]);

    const never = new ManagedProcess(
      'quitter',
      () => ({ cmd: process.execPath, args: ['-e', 'console.log("bye"); process.exit(3)'], env: process.env }),
      () => false,
      path.join(dir, 'quitter.log'),
    );
    procs.push(never);
    await expect(never.start()).rejects.toThrow(/quitter exited during start-up \(3\):\nbye/);
  });
});

describe('runToEnd', () => {
  it("answers the command's output, or fails with it", async () => {
    const ok = await runToEnd({ cmd: process.execPath, args: ['-e', 'console.log(process.cwd())'], env: process.env });
    expect(ok.trim()).toBe(path.resolve(__dirname, '../../../..'));
    await expect(
      runToEnd({ cmd: process.execPath, args: ['-e', 'console.error("broken"); process.exit(2)'], env: process.env }),
    ).rejects.toThrow(/exited 2:\nbroken/);
  });
});
