import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * scripts/built-apps.json is the one table of the built apps' paths (issue 21, point 6):
 * scripts/run-app.js starts the apps by its names, and nothing else may write a path out.
 * Checked here against what the build targets produce, and against every file that starts an
 * app. That the launcher really starts them: built-apps.integration-spec.ts, the fault tests,
 * the benchmark and `npm start`'s test, which all go through it.
 */
const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const TABLE = JSON.parse(read('scripts/built-apps.json')) as { apps: Record<string, string>; workflowBundle: string };

interface BuildTarget {
  command: string;
  outputs: string[];
}
function target(project: string, name: string): BuildTarget {
  const t = JSON.parse(read(`apps/${project}/project.json`)).targets[name];
  return { command: t.options.command, outputs: t.outputs };
}

describe('scripts/built-apps.json', () => {
  it('names each app by a main that its project builds from a source file', () => {
    expect(Object.keys(TABLE.apps).sort()).toEqual(['api', 'build-workflow-bundle', 'migrate', 'seed', 'worker']);
    for (const [app, main] of Object.entries(TABLE.apps)) {
      const m = /^dist\/out-tsc\/(api|worker)\/(apps\/\1\/src\/[\w-]+)\.js$/.exec(main);
      expect([app, m?.[0]]).toEqual([app, main]);
      const project = m?.[1] as string;
      // The project's build writes its tsconfig.app.json's outDir, the folder the main is in.
      expect(target(project, 'build').outputs).toEqual([`{workspaceRoot}/dist/out-tsc/${project}`]);
      const tsconfig = JSON.parse(read(`apps/${project}/tsconfig.app.json`)).compilerOptions;
      expect(path.resolve(ROOT, `apps/${project}`, tsconfig.outDir)).toBe(path.join(ROOT, 'dist/out-tsc', project));
      expect(path.resolve(ROOT, `apps/${project}`, tsconfig.rootDir)).toBe(ROOT);
      expect(fs.existsSync(path.join(ROOT, `${m?.[2]}.ts`))).toBe(true);
    }
  });

  it("names as the workflow bundle what the worker's bundle-workflows target writes, through the launcher", () => {
    const bundle = target('worker', 'bundle-workflows');
    expect(bundle.outputs).toEqual([`{workspaceRoot}/${TABLE.workflowBundle}`]);
    expect(bundle.command).toBe(`node scripts/run-app.js build-workflow-bundle ${TABLE.workflowBundle}`);
  });

  it('is the only file that writes out a built main', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.endsWith('.md') && fs.existsSync(path.join(ROOT, f)))
      .filter((f) => /\.(ts|js|mjs|sh|json|ya?ml)$|Dockerfile$/.test(f));
    const mains = Object.values(TABLE.apps);
    const writers = files.filter((f) => f !== 'scripts/built-apps.json' && mains.some((m) => read(f).includes(m)));
    expect(writers).toEqual([]);
  });
});

describe('scripts/run-app.js', () => {
  it('loads only files beside it that the images copy', () => {
    const local = [...read('scripts/run-app.js').matchAll(/require\('\.\/([\w.-]+)'\)/g)].map((m) => m[1]);
    expect(local.sort()).toEqual(['built-apps.json', 'register-paths.js']);
    for (const f of ['docker/api.Dockerfile', 'docker/worker.Dockerfile']) {
      const copy = read(f)
        .split('\n')
        .find((l) => l.startsWith('COPY --from=build /app/scripts/'));
      for (const file of ['run-app.js', ...local])
        expect([f, copy]).toEqual([f, expect.stringContaining(`/app/scripts/${file} `)]);
      expect(copy).toMatch(/ \.\/scripts\/$/);
    }
  });

  it('refuses a name that is not in the table, listing those that are', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ['scripts/run-app.js', 'nonesuch'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      failure = { status: (e as { status: number }).status, stderr: String((e as { stderr: Buffer }).stderr) };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain(`<${Object.keys(TABLE.apps).join('|')}>`);
  });
});
