import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { authConfigFromEnv, httpConfigFromEnv, notificationConfigFromEnv, temporalConfigFromEnv } from '@banli/config';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import { KNOWN_CJK_FONT_PATHS } from '@banli/letters';
import { databaseConfigFromEnv } from '@banli/persistence';
import { BUILT_APPS, BuiltApp } from '@banli/testing';

/**
 * The production stack in docker/ as far as it can be checked without a Docker engine:
 * `docker-compose config` (Debian's docker-compose, provided by scripts/ensure-docker-compose.sh)
 * validates and resolves docker/compose.yaml with a test env file, and the resolved services
 * are checked against what the apps require; the Dockerfiles' build commands are checked
 * against docker/README.md and `npm start`, so the three cannot drift apart.
 */
const ROOT = path.resolve(__dirname, '../../..');
const DOCKER = path.join(ROOT, 'docker');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | null>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  ports?: unknown[];
  profiles?: string[];
  entrypoint?: string[];
  volumes?: unknown[];
  healthcheck?: { test: string[] };
  command?: string[];
}

const SECRETS = {
  JWT_SECRET: 'docker-stack-test-secret-0123456789abcdef',
  BANLI_DB_PASSWORD: '0123abcd',
  TEMPORAL_DB_PASSWORD: '4567ef01',
  GRAFANA_ADMIN_PASSWORD: 'grafana-test-password',
};

function dockerCompose(): string {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/ensure-docker-compose.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.split('\n').find((l) => l.startsWith('DOCKER_COMPOSE_PATH='));
  if (!line) throw new Error(`scripts/ensure-docker-compose.sh printed no path: ${out}`);
  return line.slice('DOCKER_COMPOSE_PATH='.length);
}

/** `docker-compose config` output (YAML) as JSON, through PyYAML (Debian's docker-compose depends on it). */
function composeConfig(envFile: string): { services: Record<string, Service>; volumes?: Record<string, unknown> } {
  const yaml = execFileSync(
    dockerCompose(),
    ['--env-file', envFile, '-f', path.join(DOCKER, 'compose.yaml'), '--profile', 'demo', 'config'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT },
  );
  const json = execFileSync(
    'python3',
    ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    { input: yaml, encoding: 'utf8' },
  );
  return JSON.parse(json);
}

function writeEnv(vars: Record<string, string>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banli-compose-')), 'test.env');
  fs.writeFileSync(
    file,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  return file;
}

/** The shell commands of a Dockerfile's RUN instructions (continuation lines joined). */
function runCommands(dockerfile: string): string[] {
  const joined = read(dockerfile).replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .filter((l) => l.startsWith('RUN '))
    .flatMap((l) => l.slice(4).split('&&'))
    .map((c) => c.trim().replace(/\s+/g, ' '));
}

/** Lines of the fenced code blocks of a Markdown file that follow a `<!-- marker -->` line. */
function markedBlock(markdown: string, marker: string): string[] {
  const at = markdown.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`no <!-- ${marker} --> in the Markdown`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!block) throw new Error(`no fenced block after <!-- ${marker} -->`);
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function dockerfileEnv(dockerfile: string, stage: string): Record<string, string> {
  const text = read(dockerfile).replace(/\\\n\s*/g, ' ');
  const stageText = text.slice(text.indexOf(`AS ${stage}`));
  const env: Record<string, string> = {};
  for (const line of stageText.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const m of line.slice(4).matchAll(/(\w+)=(\S+)/g)) env[m[1]] = m[2];
  }
  return env;
}

describe('docker/compose.yaml, resolved by docker-compose config', () => {
  let services: Record<string, Service>;
  const env = (name: string): NodeJS.ProcessEnv =>
    Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, v ?? '']));

  beforeAll(() => {
    services = composeConfig(writeEnv(SECRETS)).services;
  }, 120_000);

  it('runs the Temporal cluster, its set-up, its UI, both databases, the API, the worker, the proxy and the monitoring', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'banli-postgresql',
        'grafana',
        'prometheus',
        'proxy',
        'seed',
        'temporal-frontend',
        'temporal-history',
        'temporal-internal-worker',
        'temporal-matching',
        'temporal-namespace',
        'temporal-postgresql',
        'temporal-schema',
        'temporal-ui',
        'worker',
      ].sort(),
    );
    expect(services['seed'].profiles).toEqual(['demo']);
  });

  it('pins every image to a version, and uses the official Temporal images', () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.image).toBeDefined();
      if (name === 'api' || name === 'worker' || name === 'seed') continue;
      expect(s.image).toMatch(/^[\w./-]+:v?\d+(\.\d+)+(-[\w.]+)?$/);
    }
    for (const role of ['frontend', 'history', 'matching', 'internal-worker']) {
      expect(services[`temporal-${role}`].image).toMatch(/^temporalio\/server:1\.\d+\.\d+$/);
    }
    expect(services['temporal-schema'].image).toBe(services['temporal-namespace'].image);
    expect(services['temporal-schema'].image).toBe(
      services['temporal-frontend'].image?.replace('server', 'admin-tools'),
    );
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:2\.\d+\.\d+$/);
  });

  it('runs each Temporal service in its own container, on PostgreSQL, with a fixed number of shards', () => {
    const roles = ['frontend', 'history', 'matching', 'internal-worker'].map((r) => env(`temporal-${r}`));
    expect(roles.map((e) => e['TEMPORAL_SERVICES'])).toEqual(['frontend', 'history', 'matching', 'worker']);
    for (const e of roles) {
      expect(e).toMatchObject({
        DB: 'postgres12',
        POSTGRES_SEEDS: 'temporal-postgresql',
        POSTGRES_PWD: SECRETS.TEMPORAL_DB_PASSWORD,
        DBNAME: 'temporal',
        VISIBILITY_DBNAME: 'temporal_visibility',
        NUM_HISTORY_SHARDS: '128',
        BIND_ON_IP: '0.0.0.0',
      });
    }
    expect(env('temporal-schema')).toMatchObject({ DBNAME: 'temporal', VISIBILITY_DBNAME: 'temporal_visibility' });
    expect(services['temporal-frontend'].depends_on?.['temporal-schema']?.condition).toBe(
      'service_completed_successfully',
    );
  });

  it("sets up Temporal's schemas with temporal-sql-tool and registers Banli's namespace and search attributes", () => {
    const schema = read('docker/temporal/setup-schema.sh');
    expect(schema).toMatch(/temporal-sql-tool --plugin postgres12/);
    for (const cmd of ['create', 'setup-schema -v 0.0', 'update-schema -d']) expect(schema).toContain(cmd);
    expect(schema).toContain('postgresql/v12');
    const namespace = read('docker/temporal/setup-namespace.sh');
    expect(namespace).toContain('temporal operator namespace create');
    for (const attribute of Object.values(SEARCH_ATTRIBUTES)) {
      expect(namespace).toContain(`${attribute.name}:${attribute.type === 'KEYWORD' ? 'Keyword' : 'Datetime'}`);
    }
    expect(env('temporal-namespace')['BANLI_NAMESPACE']).toBe(env('api')['TEMPORAL_NAMESPACE']);
  });

  it('runs the API and the worker with 2 replicas each, the API behind the proxy only', () => {
    expect(services['api'].deploy?.replicas).toBe(2);
    expect(services['worker'].deploy?.replicas).toBe(2);
    expect(services['api'].ports ?? []).toEqual([]);
    expect(services['proxy'].ports).toHaveLength(1);
    expect(read('docker/nginx/banli.conf')).toMatch(/server api:3000 resolve;/);
    expect(services['api'].build?.dockerfile).toBe('docker/api.Dockerfile');
    expect(services['worker'].build?.dockerfile).toBe('docker/worker.Dockerfile');
    expect(services['seed'].image).toBe(services['api'].image);
    // The demo city's seed: the api image's launcher, by a name of its table.
    expect(services['seed'].command).toEqual(['node', 'scripts/run-app.js', 'seed']);
    expect(Object.keys(BUILT_APPS.apps)).toContain(services['seed'].command?.[2]);
  });

  it('gives the API and the worker every setting they require, and the apps accept them', () => {
    for (const name of ['api', 'worker']) {
      const e = { ...dockerfileEnv(`docker/${name}.Dockerfile`, 'runtime'), ...env(name) };
      expect(e['JWT_SECRET']).toBe(SECRETS.JWT_SECRET);
      expect(() => authConfigFromEnv(e)).not.toThrow();
      expect(databaseConfigFromEnv(e)).toEqual({
        type: 'postgres',
        url: `postgres://banli:${SECRETS.BANLI_DB_PASSWORD}@banli-postgresql:5432/banli`,
        poolSize: 10,
      });
      const temporal = temporalConfigFromEnv(e);
      expect(temporal.address).toBe('temporal-frontend:7233');
      expect(Object.keys(services)).toContain(temporal.address.split(':')[0]);
      expect(temporal.taskQueue).toBe('banli-proposals');
      expect(() => notificationConfigFromEnv(e)).not.toThrow();
      expect(services[name].depends_on).toMatchObject({
        'banli-postgresql': { condition: 'service_healthy' },
        'temporal-namespace': { condition: 'service_completed_successfully' },
      });
    }
    const api = { ...dockerfileEnv('docker/api.Dockerfile', 'runtime'), ...env('api') };
    expect(httpConfigFromEnv(api)).toMatchObject({ host: '0.0.0.0', port: 3000, trustProxy: 1 });
    expect(api['BANLI_WEB_DIR']).toBe('/app/dist/apps/web');
    const worker = dockerfileEnv('docker/worker.Dockerfile', 'runtime');
    expect(worker['BANLI_CJK_FONT']).toBe(KNOWN_CJK_FONT_PATHS[0]);
  });

  it('refuses to start without the secrets of the env file', () => {
    const file = writeEnv({ BANLI_DB_PASSWORD: 'x', TEMPORAL_DB_PASSWORD: 'y' });
    expect(() => composeConfig(file)).toThrow(/JWT_SECRET/);
  });

  it('has an example env file that sets every required secret', () => {
    const example = read('docker/.env.example');
    for (const name of Object.keys(SECRETS)) expect(example).toMatch(new RegExp(`^${name}=.+`, 'm'));
  });
});

describe('the Dockerfiles', () => {
  const dockerfiles = ['docker/api.Dockerfile', 'docker/worker.Dockerfile'];
  const build = (f: string) => runCommands(f).filter((c) => /^np[mx] /.test(c));

  it('build with the commands docker/README.md documents, the same in both images', () => {
    const documented = markedBlock(read('docker/README.md'), 'docker-build-commands');
    for (const f of dockerfiles) expect(build(f)).toEqual(documented);
  });

  it('build what `npm start` builds', () => {
    const nx = build('docker/api.Dockerfile').find((c) => c.startsWith('npx nx run-many'));
    const startBuild = read('scripts/start.sh')
      .split('\n')
      .find((l) => l.startsWith('npx nx run-many'));
    expect(nx?.replace(/ --outputStyle=\S+/, '')).toBe(
      startBuild?.replace(/ --outputStyle=\S+/, '').replace(/ >&2$/, ''),
    );
  });

  it('are multi-stage: a build stage, and a runtime stage as a non-root user with tini', () => {
    for (const f of dockerfiles) {
      const text = read(f);
      expect(text).toMatch(/^FROM \$\{NODE_IMAGE\} AS build$/m);
      expect(text).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime$/m);
      // The Node.js the commands install when the machine's is older (scripts/ensure-node.sh).
      const ensured = /^NODE_VERSION=(.+)$/m.exec(read('scripts/ensure-node.sh'))?.[1];
      expect(text).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${ensured?.replace(/\./g, '\\.')}-bookworm-slim$`, 'm'));
      expect(text).toMatch(/^USER node$/m);
      expect(text).toMatch(/ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/);
    }
    expect(read('docker/worker.Dockerfile')).toContain('fonts-wqy-microhei');
    expect(read('docker/api.Dockerfile')).toMatch(/HEALTHCHECK[\s\S]*\/api\/health\/ready/);
  });

  it('start their app through the launcher by a name of its table, and copy what it starts', () => {
    // COPY --from=build /app/<from> ./<to>: the image's /app/<to> is the build's <from>.
    const copied = (f: string) =>
      [...read(f).matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)].map((m) => ({ from: m[1], to: m[2] }));
    const inImage = (f: string, file: string) => copied(f).some((c) => c.from === c.to && file.startsWith(c.to));
    for (const [f, app] of [
      ['docker/api.Dockerfile', 'api'],
      ['docker/worker.Dockerfile', 'worker'],
    ]) {
      const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(read(f))?.[1] ?? '[]');
      expect(cmd).toEqual(['node', 'scripts/run-app.js', app]);
      expect(inImage(f, BUILT_APPS.apps[app as BuiltApp])).toBe(true);
    }
    // The worker's launcher points WORKFLOW_BUNDLE_PATH at the bundle, which the image has.
    expect(inImage('docker/worker.Dockerfile', BUILT_APPS.workflowBundle)).toBe(true);
    expect(dockerfileEnv('docker/worker.Dockerfile', 'runtime')['WORKFLOW_BUNDLE_PATH']).toBeUndefined();
    expect(inImage('docker/api.Dockerfile', BUILT_APPS.apps['seed'])).toBe(true);
    expect(inImage('docker/api.Dockerfile', BUILT_APPS.apps['migrate'])).toBe(true);
    expect(read('docker/api.Dockerfile')).toContain('COPY --from=build /app/dist/apps/web');
  });

  it('documents in docker/README.md build and run commands that name these files', () => {
    const readme = read('docker/README.md');
    for (const f of dockerfiles) expect(readme).toContain(`docker build -f ${f}`);
    expect(readme).toContain('docker compose --env-file docker/.env -f docker/compose.yaml');
  });

  it('keep local state, secrets and build output out of the build context', () => {
    const ignore = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', 'dist', 'data', '.git', '**/.env']) expect(ignore).toContain(entry);
  });
});
