import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own: `initdb` into a temporary folder, `pg_ctl` on a free
 * port of 127.0.0.1 (trust authentication, user `postgres`). A test may stop and start it at
 * will, which it must never do to the machine's shared cluster. When the test runs as root,
 * the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
 */
export interface PrivatePostgres {
  port: number;
  /** The folder holding the cluster (`data/`) and its log (`postgres.log`). */
  dir: string;
  /** `postgres://postgres@127.0.0.1:{port}/postgres` */
  adminUrl: string;
  /** A connection URL for one of its databases. */
  url(database: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop`: `fast` disconnects clients and checkpoints; `immediate` is a crash (recovery at the next start). */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start` on the same folder and port; resolves once it accepts connections. */
  start(): Promise<void>;
  running(): boolean;
  /** The server's log so far (for failure messages). */
  log(): string;
  /** Stops it (immediately) and deletes its folder. */
  destroy(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** Folder holding initdb and pg_ctl; default `BANLI_PG_BIN_DIR`, else the newest /usr/lib/postgresql/N/bin. */
  binDir?: string;
  port?: number;
  /** Extra `postgresql.conf` lines. */
  settings?: Record<string, string | number>;
}

/** The folder with PostgreSQL's server programs (initdb, pg_ctl). */
export function postgresBinDir(): string {
  const fromEnv = process.env['BANLI_PG_BIN_DIR'];
  if (fromEnv) return fromEnv;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('No PostgreSQL server programs found: install postgresql (initdb, pg_ctl) or set BANLI_PG_BIN_DIR');
  }
  return path.join(base, versions[0], 'bin');
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the current user, or as `postgres` when we are root. */
function asServerUser(binary: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = options.binDir ?? postgresBinDir();
  const port = options.port ?? (await freeTcpPort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const pg = async (program: string, args: string[]) => {
    const [cmd, argv] = asServerUser(path.join(bin, program), args);
    try {
      return await run(cmd, argv, { cwd: dir, timeout: 120_000 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `${program} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}${readLog()}`,
      );
    }
  };
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const settings: Record<string, string | number> = {
    port,
    listen_addresses: "'127.0.0.1'",
    unix_socket_directories: `'${dir}'`,
    // A test server: no fsync (a killed server keeps what the OS has; only a machine crash
    // could lose data). synchronous_commit stays on, so a commit is never lost by a stop.
    fsync: 'off',
    full_page_writes: 'off',
    max_connections: 100,
    shared_buffers: "'32MB'",
    ...options.settings,
  };
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    `\n# banli private test server\n${Object.entries(settings)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n')}\n`,
  );

  let up = false;
  const instance: PrivatePostgres = {
    port,
    dir,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const c = new Client({ connectionString: instance.adminUrl });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name}"`);
      } finally {
        await c.end();
      }
      return instance.url(name);
    },
    async start() {
      await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '120', 'start']);
      up = true;
    },
    async stop(mode = 'fast') {
      await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '120', 'stop']);
      up = false;
    },
    running: () => up,
    log: readLog,
    async destroy() {
      if (up) await instance.stop('immediate').catch(() => undefined);
      process.removeListener('exit', stopOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // Never leave a server behind, even when the test process ends abruptly.
  const stopOnExit = () => {
    if (!up) return;
    const [cmd, argv] = asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
    try {
      execFileSync(cmd, argv, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // Best effort.
    }
  };
  process.on('exit', stopOnExit);
  await instance.start();
  return instance;
}
