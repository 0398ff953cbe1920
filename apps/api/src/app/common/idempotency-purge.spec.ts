import { IdempotencyPurge } from './idempotency-purge';

describe('IdempotencyPurge', () => {
  it('purges what was created before now minus the retention', async () => {
    const cutoffs: Date[] = [];
    const purge = new IdempotencyPurge(
      { purgeBefore: async (cutoff) => (cutoffs.push(cutoff), 3) },
      72,
      () => new Date('2026-12-03T12:00:00.000Z'),
    );
    expect(await purge.purge()).toBe(3);
    expect(cutoffs).toEqual([new Date('2026-11-30T12:00:00.000Z')]);
  });

  it('runs at start and on its interval, survives a failed purge, and stops at shutdown', async () => {
    let calls = 0;
    const purge = new IdempotencyPurge(
      {
        purgeBefore: async () => {
          calls++;
          if (calls === 1) throw new Error('database down');
          return 0;
        },
      },
      1,
      () => new Date(),
      20,
    );
    purge.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 70));
    purge.onApplicationShutdown();
    const after = calls;
    expect(after).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(after);
  });
});
