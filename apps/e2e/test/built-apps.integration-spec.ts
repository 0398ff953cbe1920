import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '@banli/persistence';
import { BUILT_APPS, WORKSPACE_ROOT } from '@banli/testing';

/**
 * scripts/run-app.js, the launcher that `npm start`, the images and compose's seed run, starts
 * the built apps of scripts/built-apps.json (the build is this target's dependency): `migrate`
 * and `seed` run to their end on a throwaway SQLite database, and the worker starts from its
 * compiled main with the @banli/* aliases resolved and the bundle built beside it.
 */
describe('node scripts/run-app.js <app>', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['scripts/run-app.js', ...args], {
      cwd: WORKSPACE_ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  const query = <T>(sql: string): T[] => {
    const db = new Database(path.join(dir, 'banli.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-run-app-'));
    env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: `sqlite:${path.join(dir, 'banli.sqlite')}` };
    // The launcher's default, not the caller's, is under test.
    delete env['WORKFLOW_BUNDLE_PATH'];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrate: brings a new database to the latest schema', () => {
    expect(run('migrate')).toContain('schema up to date');
    const done = query<{ name: string }>('SELECT name FROM migrations ORDER BY id').map((r) => r.name);
    expect(done).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));
  }, 120_000);

  it('seed: loads the demo city once', () => {
    expect(run('seed')).toContain('Demo city loaded');
    const units = query<{ n: number }>('SELECT count(*) AS n FROM org_unit')[0].n;
    expect(units).toBeGreaterThan(1);
    expect(run('seed')).toContain('demo city not loaded');
    expect(query<{ n: number }>('SELECT count(*) AS n FROM org_unit')[0].n).toBe(units);
  }, 120_000);

  it('worker: runs the compiled main as node would, with the aliases resolved and the built bundle', () => {
    // A preload that reports, once the launcher has loaded the worker's main (its top level
    // runs synchronously; its start-up is asynchronous), what the worker was started with.
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(
      probe,
      `setImmediate(() => {
        process.stdout.write('PROBE ' + JSON.stringify({
          argv: process.argv.slice(1),
          loaded: Object.keys(require.cache),
          compiledRoot: process.env.BANLI_COMPILED_ROOT,
          bundle: process.env.WORKFLOW_BUNDLE_PATH,
        }) + '\\n');
        process.exit(0);
      });`,
    );
    const out = execFileSync(process.execPath, ['-r', probe, 'scripts/run-app.js', 'worker', 'extra'], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, TEMPORAL_ADDRESS: '127.0.0.1:9' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = out.split('\n').find((l) => l.startsWith('PROBE '));
    const seen = JSON.parse(line?.slice('PROBE '.length) ?? '{}');
    const main = path.join(WORKSPACE_ROOT, BUILT_APPS.apps.worker);
    expect(seen.argv).toEqual([main, 'extra']);
    expect(seen.loaded).toContain(main);
    // @banli/* resolved to the worker's own compiled libraries.
    expect(seen.compiledRoot).toBe(path.join(WORKSPACE_ROOT, 'dist/out-tsc/worker'));
    expect(seen.loaded.filter((f: string) => f.includes(`${path.sep}libs${path.sep}`)).length).toBeGreaterThan(0);
    for (const f of seen.loaded.filter((f: string) => f.includes('/dist/out-tsc/')))
      expect(f.startsWith(seen.compiledRoot)).toBe(true);
    expect(seen.bundle).toBe(path.join(WORKSPACE_ROOT, BUILT_APPS.workflowBundle));
  }, 120_000);
});
