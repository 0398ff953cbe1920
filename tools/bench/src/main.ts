// `npm run bench`: see docs/developers/benchmarks.md and benchmark-results.md.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { temporalBinaries } from '@banli/testing';
import { Api } from './api';
import { parseArgs, Scenario, USAGE } from './args';
import type { Ctx } from './context';
import { machine } from './proc';
import { summarizeProfileFile } from './profile';
import { formatTable } from './report';
import { e2e } from './scenarios/e2e';
import { intake } from './scenarios/intake';
import { latency } from './scenarios/latency';
import { memory } from './scenarios/memory';
import { queries } from './scenarios/queries';
import { ROOT, startSystem } from './system';

const RUNNERS: Record<Scenario, (ctx: Ctx) => Promise<void>> = { intake, latency, memory, queries, e2e };
// Memory reads the worker's peak before anything but the intake ran; queries seed last-ish.
const ORDER: Scenario[] = ['intake', 'memory', 'latency', 'e2e', 'queries'];

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const outDir = path.resolve(ROOT, args.out);
  const runDir = path.join(ROOT, 'tmp', 'bench', stamp);
  fs.mkdirSync(outDir, { recursive: true });
  const log = (m: string) => console.error(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0)}s] ${m}`);
  const loadStart = os.loadavg();
  log(
    `mode ${args.quick ? 'quick' : 'full'}, scenarios ${args.only.join(', ')}, load ${loadStart.map((x) => x.toFixed(2)).join(' ')}`,
  );

  const system = await startSystem(runDir, { profile: args.profile });
  // Interrupted: stop the servers and drop the database before leaving.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping the servers`);
      void system.close().finally(() => process.exit(130));
    });
  }
  const ctx: Ctx = {
    system,
    api: new Api(system.apiUrl, `bench-${stamp}`),
    args,
    runId: stamp,
    figures: [],
    details: {},
    problems: [],
    intakeSession: 'B-1',
    log,
  };
  const timings: Record<string, number> = {};
  try {
    for (const s of ORDER.filter((o) => args.only.includes(o))) {
      const t = Date.now();
      try {
        await RUNNERS[s](ctx);
      } catch (e) {
        ctx.problems.push(`${s}: ${(e as Error).stack ?? e}`);
        log(`${s} FAILED: ${(e as Error).message}`);
        if (s === 'intake') break;
      }
      timings[s] = Math.round((Date.now() - t) / 1000);
    }
  } finally {
    await system.close();
  }

  const profiles = fs.existsSync(path.join(runDir, 'profiles'))
    ? fs
        .readdirSync(path.join(runDir, 'profiles'))
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => summarizeProfileFile(path.join(runDir, 'profiles', f)))
    : [];
  const results = {
    startedAt: started.toISOString(),
    mode: args.quick ? 'quick' : 'full',
    label: args.label,
    args,
    machine: { ...machine(), temporalCli: temporalVersion(), postgres: process.env['BENCH_POSTGRES_VERSION'] },
    settings: { temporalSqlitePragmas: system.pragmas, clientConcurrency: args.concurrency },
    load: {
      start: loadStart.map((x) => Math.round(x * 100) / 100),
      end: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    scenarioSeconds: timings,
    figures: ctx.figures,
    details: ctx.details,
    profiles,
    problems: ctx.problems,
    runDir,
  };
  const table = formatTable(ctx.figures);
  const md = [
    `# Banli benchmark ${results.startedAt} (${results.mode}${args.label ? `, ${args.label}` : ''})`,
    '',
    `Machine: ${results.machine.cpuModel}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, ${results.machine.temporalCli}, ${results.machine.postgres ?? ''}`,
    `Load (1/5/15 min): start ${results.load.start.join(' ')}, end ${results.load.end.join(' ')}. Temporal SQLite pragmas: ${system.pragmas.join(', ') || 'none'}.`,
    '',
    table,
    '',
    ...(profiles.length
      ? profiles.flatMap((p) => [
          `## CPU profile ${path.basename(p.file)} (${p.totalMs} ms sampled)`,
          '',
          '| self time by area | ms | % |\n|---|---:|---:|',
          ...p.byArea.map((a) => `| ${a.area} | ${a.ms} | ${a.pct} |`),
          '',
          '| top frames (self) | ms | % |\n|---|---:|---:|',
          ...p.topSelf.map((a) => `| ${a.frame.replace(/\|/g, '\\|')} | ${a.ms} | ${a.pct} |`),
          '',
          '| project functions (inclusive) | ms | % |\n|---|---:|---:|',
          ...p.topInclusive.map((a) => `| ${a.frame.replace(/\|/g, '\\|')} | ${a.ms} | ${a.pct} |`),
          '',
        ])
      : []),
    ctx.problems.length ? `## Problems\n\n${ctx.problems.map((p) => `- ${p.split('\n')[0]}`).join('\n')}` : '',
  ].join('\n');
  for (const name of [stamp, 'latest']) {
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(results, null, 2));
    fs.writeFileSync(path.join(outDir, `${name}.md`), md);
  }
  console.log(table);
  log(`results: ${path.join(args.out, `${stamp}.json`)} and .md (logs in ${path.relative(ROOT, runDir)})`);
  const skipped = args.only.filter((s) => timings[s] === undefined);
  if (ctx.problems.length || skipped.length) {
    console.error(
      `\nBENCHMARK FAILED:\n${[...ctx.problems, ...skipped.map((s) => `${s}: did not run`)].map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  // Keep the logs and profiles of a profiled run; otherwise the Temporal database can go.
  if (!args.profile) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
}

function temporalVersion(): string {
  try {
    return execFileSync(temporalBinaries().cli, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'temporal (version unknown)';
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
