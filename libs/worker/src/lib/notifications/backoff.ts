import type { BackoffConfig } from '@banli/config';

/** Up to this fraction of each delay is taken off at random, so replicas do not retry in step. */
export const BACKOFF_JITTER = 0.2;

/**
 * The wait before attempt `failures + 1`, after `failures` failed attempts (>= 1): the base,
 * doubled with each further failure, capped, minus up to 20 % jitter. With the jitter only
 * ever shortening a delay by at most a fifth, each wait is longer than the one before until
 * the cap is reached.
 */
export function backoffDelayMs(failures: number, config: BackoffConfig, random: () => number = Math.random): number {
  if (!Number.isInteger(failures) || failures < 1)
    throw new Error(`failures must be a whole number >= 1, got ${failures}`);
  const exponent = Math.min(failures - 1, 40);
  const nominal = Math.min(config.capMs, config.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(nominal * (1 - BACKOFF_JITTER * r));
}
