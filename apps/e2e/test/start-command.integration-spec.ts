import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freeTcpPort as freePort, portAnswers } from '@banli/testing';

/**
 * The README's first command, as a newcomer runs it: `npm start` brings up Temporal, the
 * worker and the API on the embedded defaults, Ctrl-C stops all of it, and a second start
 * finds the data of the first.
 */
const ROOT = path.resolve(__dirname, '../../..');

interface Started {
  proc: ChildProcess;
  output: () => string;
  port: number;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  let out = '';
  // Its own process group, so a signal to the group is what Ctrl-C in a terminal sends.
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const deadline = Date.now() + 180_000;
  while (!out.includes('Banli is running.')) {
    if (proc.exitCode !== null) throw new Error(`npm start exited ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { proc, output: () => out, port };
}

/** Ctrl-C: SIGINT to the whole process group; resolves once every port it held is closed. */
async function interrupt(s: Started, ports: number[]): Promise<void> {
  const exited = new Promise<void>((resolve) => s.proc.once('exit', () => resolve()));
  process.kill(-(s.proc.pid as number), 'SIGINT');
  await exited;
  const until = Date.now() + 30_000;
  for (;;) {
    const open = [];
    for (const p of [s.port, ...ports]) if (await portAnswers(p)) open.push(p);
    if (open.length === 0) return;
    if (Date.now() > until) throw new Error(`still listening after Ctrl-C: ${open.join(', ')}\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The README's "A first call" block, as a newcomer copies it, aimed at the running system's port. */
function readmeFirstCall(port: number): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- first-call -->');
  const block = /```bash\n([\s\S]*?)```/.exec(readme.slice(at));
  if (at < 0 || !block) throw new Error('README.md has no <!-- first-call --> block');
  const script = block[1].replace('http://127.0.0.1:3000', `http://127.0.0.1:${port}`);
  return execFileSync('bash', ['-euo', 'pipefail', '-c', script], { encoding: 'utf8', timeout: 60_000 });
}

const isRunning = (s: Started) => s.proc.exitCode === null && s.proc.signalCode === null;

/** Signs in as the demo registrar, whom `npm start` loads into an empty database. */
async function registrarToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'registrar', password: 'banli-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

const registration = {
  kind: 'proposal',
  sessionCode: '8-2',
  sessionName: '市政协八届二次会议',
  number: '20230117',
  title: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  body: '正文',
  suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
};

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-start-'));
  let temporalPort: number;
  let uiPort: number;
  let running: Started | undefined;

  beforeAll(async () => {
    temporalPort = await freePort();
    uiPort = await freePort();
  });
  afterEach(async () => {
    if (running && isRunning(running)) await interrupt(running, [temporalPort, uiPort]);
    running = undefined;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const embedded = () => ({
    BANLI_DATA_DIR: dataDir,
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
  });

  it('starts Temporal, the worker and the API on the embedded defaults, and stops them all on Ctrl-C', async () => {
    running = await start(embedded());
    const base = `http://127.0.0.1:${running.port}`;
    expect(running.output()).toContain(`http://127.0.0.1:${running.port}/api`);
    expect(running.output()).toContain(`Temporal UI:  http://127.0.0.1:${uiPort}`);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
    expect(await portAnswers(uiPort)).toBe(true);

    const token = await registrarToken(base);
    const created = await fetch(`${base}/api/proposals`, {
      method: 'POST',
      headers: headers(token),
      body: JSON.stringify(registration),
    });
    expect(created.status).toBe(201);
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'banli.sqlite'))).toBe(true);

    await interrupt(running, [temporalPort, uiPort]);
    expect(running.output()).toContain('[banli]\u001b[0m stopped');
  });

  it('finds every earlier proposal and its running workflow on the next start', async () => {
    running = await start(embedded());
    const base = `http://127.0.0.1:${running.port}`;
    const token = await registrarToken(base);
    const read = await fetch(`${base}/api/proposals/8-2_20230117`, { headers: headers(token) });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ title: '关于加快数字经济发展的提案', stage: 'registered' });
    // The workflow is still there: repeating the registration joins it instead of starting one.
    const repeat = await fetch(`${base}/api/proposals`, {
      method: 'POST',
      headers: headers(token),
      body: JSON.stringify(registration),
    });
    expect(repeat.status).toBe(200);

    // The README's first call works as written: sign in, register, read back.
    const answers = readmeFirstCall(running.port);
    expect(answers).toContain('"id":"8-2_20231234"');
    expect(answers).toContain('"stage":"registered"');
  });

  it('uses an existing Temporal and PostgreSQL when TEMPORAL_ADDRESS and DATABASE_URL are set', async () => {
    const otherDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-start-ext-'));
    const databaseUrl = process.env['BANLI_TEST_POSTGRES_URL'] as string;
    running = await start({
      BANLI_DATA_DIR: otherDataDir,
      TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
      TEMPORAL_TASK_QUEUE: `e2e-start-${Date.now()}`,
      TEMPORAL_PORT: String(temporalPort),
      DATABASE_URL: databaseUrl,
    });
    const base = `http://127.0.0.1:${running.port}`;
    const number = `${Date.now()}`;
    const created = await fetch(`${base}/api/proposals`, {
      method: 'POST',
      headers: headers(await registrarToken(base)),
      body: JSON.stringify({ ...registration, number }),
    });
    expect(created.status).toBe(201);

    expect(await portAnswers(temporalPort)).toBe(false); // no local dev server
    expect(fs.readdirSync(otherDataDir).filter((f) => f.endsWith('.sqlite'))).toEqual([]); // no SQLite files
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    try {
      const rows = await pg.query('SELECT stage FROM proposal WHERE id = $1', [`8-2_${number}`]);
      expect(rows.rows).toEqual([{ stage: 'registered' }]);
    } finally {
      await pg.end();
      fs.rmSync(otherDataDir, { recursive: true, force: true });
    }
  });
});
