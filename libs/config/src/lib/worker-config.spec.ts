import { DEFAULT_MAX_CACHED_WORKFLOWS, workerTuningFromEnv } from './worker-config';

describe('worker tuning from the environment', () => {
  it('bounds the workflow cache and leaves the SDK concurrencies when nothing is set', () => {
    expect(workerTuningFromEnv({})).toEqual({ maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS });
    expect(workerTuningFromEnv({ BANLI_WORKER_MAX_CACHED_WORKFLOWS: '' })).toEqual({ maxCachedWorkflows: 500 });
  });

  it('reads the cache size and the concurrencies', () => {
    expect(
      workerTuningFromEnv({
        BANLI_WORKER_MAX_CACHED_WORKFLOWS: '50',
        BANLI_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8',
        BANLI_WORKER_MAX_CONCURRENT_ACTIVITIES: '32',
        BANLI_WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: '16',
      }),
    ).toEqual({
      maxCachedWorkflows: 50,
      maxConcurrentWorkflowTaskExecutions: 8,
      maxConcurrentActivityTaskExecutions: 32,
      maxConcurrentLocalActivityExecutions: 16,
    });
    expect(workerTuningFromEnv({ BANLI_WORKER_MAX_CACHED_WORKFLOWS: '0' })).toEqual({ maxCachedWorkflows: 0 });
  });

  it.each([
    ['BANLI_WORKER_MAX_CACHED_WORKFLOWS', '-1'],
    ['BANLI_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '0'],
    ['BANLI_WORKER_MAX_CONCURRENT_ACTIVITIES', 'many'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => workerTuningFromEnv({ [name]: value })).toThrow(name);
  });
});
