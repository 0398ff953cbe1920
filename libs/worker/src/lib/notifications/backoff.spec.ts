import { backoffDelayMs } from './backoff';

const config = { baseMs: 5_000, capMs: 3_600_000 };

describe('retry backoff', () => {
  it('starts at the base and doubles up to the cap, without jitter', () => {
    const delays = [1, 2, 3, 4, 5, 10, 11, 12, 20].map((n) => backoffDelayMs(n, config, () => 0));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 2_560_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it('takes at most a fifth off each delay at random', () => {
    expect(backoffDelayMs(1, config, () => 1)).toBe(4_000);
    expect(backoffDelayMs(3, config, () => 0.5)).toBe(18_000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(2, config);
      expect(d).toBeGreaterThanOrEqual(8_000);
      expect(d).toBeLessThanOrEqual(10_000);
    }
  });

  it('grows strictly with each failure until the cap, whatever the jitter', () => {
    for (let run = 0; run < 50; run++) {
      const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffDelayMs(n, config));
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    }
  });

  it('never overflows for a very long outage', () => {
    expect(backoffDelayMs(1_000, config, () => 0)).toBe(3_600_000);
  });

  it.each([0, -1, 1.5])('refuses %p failures', (n) => {
    expect(() => backoffDelayMs(n, config)).toThrow(/failures/);
  });
});
