/** A seeded pseudo-random generator (mulberry32), so a failing run can be repeated with its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `n` sorted fractions spread over [from, to): one uniformly inside each of n equal slices. */
  spread(n: number, from: number, to: number): number[] {
    const width = (to - from) / n;
    return Array.from({ length: n }, (_, i) => from + width * (i + this.next()));
  }
}

export function seedFromEnv(): number {
  const fromEnv = process.env['BANLI_FAULT_SEED'];
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
