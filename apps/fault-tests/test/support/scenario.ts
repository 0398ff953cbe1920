import * as fs from 'node:fs';
import * as path from 'node:path';
import { Attempt, Driver, DriveResult, planProposals } from './driver';
import { checkInvariants, InvariantReport } from './invariants';
import { sleep } from '@banli/testing';
import { Random, seedFromEnv } from './random';
import { FaultSystem, ROOT, startSystem, SystemOptions } from './system';

export type FaultMode = 'quick' | 'full';

export interface FaultConfig {
  mode: FaultMode;
  proposals: number;
  concurrency: number;
  seed: number;
}

/**
 * Sizes: `quick` (part of `npm test`) drives 15 proposals per scenario, 8 at a time;
 * `full` (`npm run test:faults`) drives 200, 12 at a time. BANLI_FAULT_PROPOSALS and
 * BANLI_FAULT_CONCURRENCY override them; BANLI_FAULT_SEED repeats a run's random choices.
 */
export function faultConfig(): FaultConfig {
  const mode: FaultMode = process.env['BANLI_FAULT_MODE'] === 'full' ? 'full' : 'quick';
  const num = (name: string, fallback: number) => {
    const raw = process.env[name];
    return raw ? Number(raw) : fallback;
  };
  return {
    mode,
    proposals: num('BANLI_FAULT_PROPOSALS', mode === 'full' ? 200 : 15),
    concurrency: num('BANLI_FAULT_CONCURRENCY', mode === 'full' ? 12 : 8),
    seed: seedFromEnv(),
  };
}

/** What a fault injector did, and any scenario-specific check that failed. */
export interface ChaosOutcome {
  faults: number;
  details: Record<string, unknown>;
  violations: string[];
}

export interface Chaos {
  /** Runs alongside the driver until `done()` turns true; resolves when it has stopped. */
  run(done: () => boolean): Promise<ChaosOutcome>;
}

export interface ScenarioResult {
  scenario: string;
  mode: FaultMode;
  seed: number;
  proposals: number;
  concurrency: number;
  totalMs: number;
  driveMs: number;
  chaos: ChaosOutcome;
  client: ReturnType<typeof summariseAttempts>;
  invariants: InvariantReport;
  unexpectedExits: string[];
  runDir: string;
}

export function summariseAttempts(attempts: Attempt[]) {
  const byOutcome: Record<string, number> = {};
  for (const a of attempts) byOutcome[String(a.outcome)] = (byOutcome[String(a.outcome)] ?? 0) + 1;
  const ms = attempts.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((ms.length * p) / 100))] ?? 0;
  return {
    requests: attempts.length,
    byOutcome,
    replayed: attempts.filter((a) => a.replayed).length,
    latencyMs: { p50: pct(50), p95: pct(95), max: ms.at(-1) ?? 0 },
  };
}

/**
 * One fault scenario: starts the system, drives the planned proposals through the API while
 * the injector does its damage, then checks every invariant. Writes the result as JSON to
 * tmp/fault-tests/results/ and prints a summary.
 */
export async function runScenario(
  scenario: string,
  systemOptions: Omit<SystemOptions, 'scenario'>,
  makeChaos: (system: FaultSystem, driver: Driver, random: Random, config: FaultConfig) => Chaos,
  /** Checks of the scenario's own, run on the live system after the invariants; each returns its violations. */
  afterRun?: (system: FaultSystem, chaos: ChaosOutcome) => Promise<string[]>,
): Promise<ScenarioResult> {
  const config = faultConfig();
  const random = new Random(config.seed);
  const started = Date.now();
  const system = await startSystem({ ...systemOptions, scenario: `${scenario}-${config.mode}` });
  try {
    const plans = planProposals(config.proposals, random);
    const driver = new Driver({
      apiUrl: system.apiUrl,
      concurrency: config.concurrency,
      runId: `r${config.seed}`,
      logFile: path.join(system.runDir, 'client.jsonl'),
    });
    let finished = false;
    const chaosRun = makeChaos(system, driver, random, config).run(() => finished);
    let drive: DriveResult;
    try {
      drive = await driver.run(plans);
    } finally {
      finished = true;
    }
    const chaos = await chaosRun;
    const failed = drive.outcomes.filter((o) => o.failure);
    if (failed.length > 0) {
      process.stdout.write(
        `[fault-tests] ${scenario}: ${failed.length} proposals could not be driven to the end:\n${failed
          .map((o) => `  ${o.plan.id} ${o.failure}`)
          .slice(0, 20)
          .join('\n')}\n`,
      );
    }
    // Every process up again before the final check (an injector leaves them running).
    for (const p of system.processes()) {
      if (!p.running()) throw new Error(`${p.name} is not running after the scenario:\n${p.output()}`);
    }
    const invariants = await checkInvariants(system.db, await system.temporalClient(), drive.outcomes);
    if (afterRun) chaos.violations.push(...(await afterRun(system, chaos)));
    const result: ScenarioResult = {
      scenario,
      mode: config.mode,
      seed: config.seed,
      proposals: config.proposals,
      concurrency: config.concurrency,
      totalMs: Date.now() - started,
      driveMs: drive.durationMs,
      chaos,
      client: summariseAttempts(drive.attempts),
      invariants,
      unexpectedExits: system.unexpectedExits(),
      runDir: path.relative(ROOT, system.runDir),
    };
    report(result);
    return result;
  } finally {
    await system.close();
  }
}

function report(r: ScenarioResult): void {
  const dir = path.join(ROOT, 'tmp', 'fault-tests', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${r.scenario}-${r.mode}.json`), JSON.stringify(r, null, 2));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `[fault-tests] ${r.scenario} (${r.mode}, seed ${r.seed}): ${r.proposals} proposals, ${r.concurrency} in flight`,
    `  faults injected: ${r.chaos.faults} ${JSON.stringify(r.chaos.details)}`,
    `  client: ${r.client.requests} requests ${JSON.stringify(r.client.byOutcome)}, ${r.client.replayed} idempotent replays, latency p50 ${r.client.latencyMs.p50} ms p95 ${r.client.latencyMs.p95} ms max ${r.client.latencyMs.max} ms`,
    `  invariants: ${r.invariants.violations.length + r.chaos.violations.length} violations; ${r.invariants.signedLetters} signed letters, numbers ${JSON.stringify(r.invariants.documentNumbers)}, ${r.invariants.opinions} opinions; held after ${s(r.invariants.convergedAfterMs)} of checking (${r.invariants.passes} pass${r.invariants.passes > 1 ? 'es' : ''})`,
    ...r.invariants.firstPass.slice(0, r.invariants.passes > 1 ? 5 : 0).map((v) => `  first pass: ${v}`),
    `  unexpected process exits: ${r.unexpectedExits.length}`,
    `  duration: drive ${s(r.driveMs)}, total ${s(r.totalMs)} (logs: ${r.runDir})`,
    ...[...r.chaos.violations, ...r.invariants.violations].slice(0, 30).map((v) => `  ✗ ${v}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Waits until the driver's progress reaches `fraction` (or the run is over); false if it ended first. */
export async function untilProgress(driver: Driver, fraction: number, done: () => boolean): Promise<boolean> {
  while (driver.progress() < fraction) {
    if (done()) return false;
    await sleep(50);
  }
  return !done();
}

/** Jest's timeout for one scenario. */
export function scenarioTimeoutMs(): number {
  return faultConfig().mode === 'full' ? 3 * 3_600_000 : 10 * 60_000;
}
