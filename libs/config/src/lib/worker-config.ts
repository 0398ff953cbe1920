/**
 * Workflows kept in the worker's sticky cache when BANLI_WORKER_MAX_CACHED_WORKFLOWS is unset.
 * The SDK's own default grows with the heap limit (about 1,100 on a 2 GiB heap, about 2,300 on
 * Node 20's default heap on a 24 GiB machine, when it was measured), and the benchmark measured a worker peak of
 * about 1 GiB with 1,500 proposals open and ~1,100 cached (docs/developers/benchmark-results.md): roughly 0.7 MiB per
 * cached proposal over a ~250 MiB base. 500 keeps the worker near 600 MiB however many
 * proposals are open; an evicted proposal is replayed from its history on its next task (the
 * benchmark checks that proposals still complete correctly with a cache of 8).
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

/**
 * Tuning of the Temporal worker (apps/worker). Unset concurrencies mean the SDK's defaults;
 * what the values were chosen from is in docs/developers/benchmark-results.md.
 */
export interface WorkerTuning {
  maxCachedWorkflows?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  maxConcurrentActivityTaskExecutions?: number;
  maxConcurrentLocalActivityExecutions?: number;
}

const VARS: Record<keyof WorkerTuning, string> = {
  maxCachedWorkflows: 'BANLI_WORKER_MAX_CACHED_WORKFLOWS',
  maxConcurrentWorkflowTaskExecutions: 'BANLI_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
  maxConcurrentActivityTaskExecutions: 'BANLI_WORKER_MAX_CONCURRENT_ACTIVITIES',
  maxConcurrentLocalActivityExecutions: 'BANLI_WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES',
};

export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const tuning: WorkerTuning = { maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS };
  for (const [key, name] of Object.entries(VARS) as [keyof WorkerTuning, string][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    // The workflow cache may be 0 (no sticky execution); the concurrencies must be at least 1.
    const min = key === 'maxCachedWorkflows' ? 0 : 1;
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
    tuning[key] = n;
  }
  return tuning;
}
