/**
 * Tuning of the Temporal worker (apps/worker). Unset means the SDK's default; the defaults and
 * what they were chosen from are in BENCHMARKS.md.
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
  const tuning: WorkerTuning = {};
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
