import type { Driver } from './driver';
import { httpOk, ManagedProcess, sleep } from '@banli/testing';
import { Random } from './random';
import { Chaos, ChaosOutcome, FaultConfig, untilProgress } from './scenario';
import type { FaultSystem } from './system';

interface KillLoopOptions {
  process: ManagedProcess;
  /** How many times, spread over the run's progress (so they land mid-run whatever its speed). */
  times: number;
  signal: (i: number) => NodeJS.Signals;
  /** How long the process stays down before it is started again. */
  downMs: [number, number];
  /** Also wait for this before counting the restart done (e.g. the API answering). */
  afterStart?: () => Promise<void>;
}

/**
 * Kills a process at random moments of the run (one random point inside each of `times`
 * equal slices of its progress, plus up to 300 ms), each time leaving it down for a random
 * while before starting it again. Records what was in flight at each kill.
 */
function killLoop(driver: Driver, random: Random, o: KillLoopOptions): Chaos {
  return {
    async run(done) {
      const points = random.spread(o.times, 0.03, 0.92);
      const kills: { atProgress: number; inFlight: number; signal: string; downMs: number; restartMs: number }[] = [];
      const violations: string[] = [];
      for (let i = 0; i < points.length; i++) {
        if (!(await untilProgress(driver, points[i], done))) break;
        await sleep(random.between(0, 300));
        const signal = o.signal(i);
        const inFlight = driver.inFlight;
        const atProgress = Number(driver.progress().toFixed(3));
        await o.process.kill(signal);
        const downMs = Math.round(random.between(o.downMs[0], o.downMs[1]));
        await sleep(downMs);
        const t = Date.now();
        await o.process.start();
        await o.afterStart?.();
        kills.push({ atProgress, inFlight, signal, downMs, restartMs: Date.now() - t });
      }
      if (kills.length < o.times) {
        violations.push(`only ${kills.length} of ${o.times} ${o.process.name} kills happened before the run ended`);
      }
      const outcome: ChaosOutcome = {
        faults: kills.length,
        details: { kills, midRequest: kills.filter((k) => k.inFlight > 0).length },
        violations,
      };
      return outcome;
    },
  };
}

type Injector = (system: FaultSystem, driver: Driver, random: Random, config: FaultConfig) => Chaos;

/** A kill loop on one process of the system, `times[0]` kills in quick mode, `times[1]` at full size. */
function killsOf(
  pick: (system: FaultSystem) => ManagedProcess,
  times: [quick: number, full: number],
  options: Pick<KillLoopOptions, 'signal' | 'downMs'>,
): Injector {
  return (system, driver, random, config) =>
    killLoop(driver, random, { process: pick(system), times: times[config.mode === 'full' ? 1 : 0], ...options });
}

/** The worker killed with SIGKILL at random moments, repeatedly, and started again. */
export const workerKills = killsOf((s) => s.worker, [2, 12], { signal: () => 'SIGKILL', downMs: [100, 3_000] });

/** The API killed with SIGKILL while requests are in flight, and started again on its port. */
export const apiKills = killsOf((s) => s.api, [3, 12], { signal: () => 'SIGKILL', downMs: [0, 1_500] });

/** The Temporal dev server stopped (SIGTERM, then SIGKILL, alternately) and started on its database file. */
export const temporalRestarts = killsOf((s) => s.temporal, [2, 6], {
  signal: (i) => (i % 2 === 0 ? 'SIGTERM' : 'SIGKILL'),
  downMs: [500, 3_000],
});

export interface OutageProbe {
  at: number;
  what: string;
  outcome: number | string;
  ms: number;
}

/**
 * PostgreSQL (the private server) stopped for `outageMs` once the run is about a third done.
 * Meanwhile the API is probed every second: a read, the readiness check and an action must
 * each answer 503 (not 500, not hang); the driver's own requests keep retrying. Then it is
 * started again and the run must finish.
 */
export function postgresOutage(
  system: FaultSystem,
  driver: Driver,
  random: Random,
  _config: FaultConfig,
  outageMs = Number(process.env['BANLI_FAULT_PG_OUTAGE_MS'] ?? 30_000),
): Chaos {
  const postgres = system.postgres;
  if (!postgres) throw new Error('the PostgreSQL outage needs the private server');
  return {
    async run(done) {
      const violations: string[] = [];
      const at = random.between(0.25, 0.45);
      if (!(await untilProgress(driver, at, done))) {
        return { faults: 0, details: {}, violations: ['the run ended before the outage began'] };
      }
      const token = await login(system.apiUrl, 'registrar');
      const inFlight = driver.inFlight;
      const stoppedAt = Date.now();
      await postgres.stop('immediate');
      const probes: OutageProbe[] = [];
      const probe = async (what: string, path: string, init: RequestInit = {}) => {
        const t = Date.now();
        let outcome: number | string;
        try {
          const res = await fetch(`${system.apiUrl}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          outcome = res.status;
        } catch (e) {
          outcome = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network';
        }
        probes.push({ at: t - stoppedAt, what, outcome, ms: Date.now() - t });
      };
      const auth = { authorization: `Bearer ${token}` };
      while (Date.now() - stoppedAt < outageMs) {
        const t = Date.now();
        await Promise.all([
          probe('GET /api/tasks', '/api/tasks', { headers: auth }),
          probe('GET /api/health/ready', '/api/health/ready'),
          probe('POST review', '/api/proposals/F-1_20260001/review', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `probe-${t}` },
            body: JSON.stringify({ decision: 'accept' }),
          }),
        ]);
        await sleep(Math.max(0, 1_000 - (Date.now() - t)));
      }
      const restartStarted = Date.now();
      await postgres.start();
      const downMs = Date.now() - stoppedAt;
      // Ready again: the API reaches its database.
      const readyDeadline = Date.now() + 60_000;
      while (!(await httpOk(`${system.apiUrl}/api/health/ready`))) {
        if (Date.now() > readyDeadline) {
          violations.push('the API was not ready 60 s after PostgreSQL came back');
          break;
        }
        await sleep(250);
      }
      const readyAfterMs = Date.now() - restartStarted;
      // The clients' requests, once they have all answered: those sent during the outage that
      // answered before its end must have been 503s; none in flight may have waited it out.
      while (!done()) await sleep(100);
      const during = driver.attempts.filter((a) => a.at >= stoppedAt && a.at + a.ms <= stoppedAt + outageMs);

      for (const p of probes) {
        if (p.outcome !== 503)
          violations.push(`during the outage, ${p.what} answered ${p.outcome} after ${p.ms} ms (expected 503)`);
        else if (p.ms > 16_000) violations.push(`during the outage, ${p.what} took ${p.ms} ms to answer 503`);
      }
      const notUnavailable = during.filter((a) => a.outcome !== 503);
      for (const a of notUnavailable.slice(0, 10)) {
        violations.push(`during the outage, a client's ${a.step} of ${a.proposalId} got ${a.outcome} after ${a.ms} ms`);
      }
      // No request in flight during the outage may hang until the database is back.
      const hung = driver.attempts.filter(
        (a) => a.at < stoppedAt + outageMs && a.at + a.ms > stoppedAt && a.ms > 16_000,
      );
      for (const a of hung.slice(0, 10)) {
        violations.push(
          `during the outage, a client's ${a.step} of ${a.proposalId} waited ${a.ms} ms for ${a.outcome}`,
        );
      }
      return {
        faults: 1,
        details: {
          atProgress: Number(at.toFixed(3)),
          inFlightAtStop: inFlight,
          downMs,
          readyAfterRestartMs: readyAfterMs,
          probes: probes.length,
          probeOutcomes: count(probes.map((p) => String(p.outcome))),
          probeMaxMs: Math.max(...probes.map((p) => p.ms)),
          clientAttemptsDuringOutage: count(during.map((a) => String(a.outcome))),
        },
        violations,
      };
    },
  };
}

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function login(apiUrl: string, username: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'banli-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * Two replicas of the API and of the worker: the first of each killed with SIGKILL mid-run and
 * left down for a few seconds while the other carries the load, then started again.
 */
export function replicaKills(system: FaultSystem, driver: Driver, random: Random, config: FaultConfig): Chaos {
  const times = config.mode === 'full' ? 4 : 1;
  const loops = [
    killLoop(driver, random, { process: system.apis[0], times, signal: () => 'SIGKILL', downMs: [3_000, 8_000] }),
    killLoop(driver, new Random(random.seed + 1), {
      process: system.workers[0],
      times,
      signal: () => 'SIGKILL',
      downMs: [3_000, 8_000],
    }),
  ];
  return {
    async run(done) {
      const [api, worker] = await Promise.all(loops.map((l) => l.run(done)));
      return {
        faults: api.faults + worker.faults,
        details: { api: api.details, worker: worker.details },
        violations: [...api.violations, ...worker.violations],
      };
    },
  };
}
