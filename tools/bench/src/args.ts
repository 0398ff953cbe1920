/** Command-line options of `npm run bench`. */
export const SCENARIOS = ['intake', 'latency', 'memory', 'queries', 'e2e'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Sizes {
  /** Proposals imported by the intake scenario (and open during the memory measurement). */
  intake: number;
  /** Opinions submitted one at a time, then at concurrency 16. */
  latencySerial: number;
  latencyConcurrent: number;
  /** Proposals and tasks seeded for the query scenario. */
  queryProposals: number;
  queryTasks: number;
  /** Seconds each HTTP load (autocannon) and each direct-SQL load runs. */
  loadSeconds: number;
  /** Proposals driven to closed with a small workflow cache (memory scenario). */
  smallCacheProposals: number;
  /** Proposals driven from import to signed, rated reply (end-to-end scenario). */
  e2eProposals: number;
  /** Simulated users (proposals in flight at once) in the end-to-end scenario. */
  e2eUsers: number;
}

export interface BenchArgs {
  quick: boolean;
  only: Scenario[];
  sizes: Sizes;
  /** Client concurrency of the intake and its baseline (the API's import uses 16). */
  concurrency: number;
  /** Take CPU profiles of the worker and the API during the intake. */
  profile: boolean;
  /** Results folder. */
  out: string;
  /** A label recorded with the results (e.g. the setting a sweep varies). */
  label?: string;
  /** Data sizes (tasks) the queries scenario measures in turn, growing one data set; default: queryTasks alone. */
  querySizes?: number[];
  /** Intake sizes measured in turn, each into its own session beside its own baseline; the last is `sizes.intake`. */
  intakeSizes?: number[];
}

export const FULL_SIZES: Sizes = {
  intake: 5_000,
  latencySerial: 200,
  latencyConcurrent: 1_600,
  queryProposals: 20_000,
  queryTasks: 100_000,
  loadSeconds: 20,
  smallCacheProposals: 48,
  e2eProposals: 200,
  e2eUsers: 16,
};

export const QUICK_SIZES: Sizes = {
  intake: 60,
  latencySerial: 20,
  latencyConcurrent: 64,
  queryProposals: 1_000,
  queryTasks: 5_000,
  loadSeconds: 3,
  smallCacheProposals: 12,
  e2eProposals: 12,
  e2eUsers: 8,
};

const SIZE_FLAGS: Record<string, keyof Sizes> = {
  intake: 'intake',
  'latency-serial': 'latencySerial',
  'latency-concurrent': 'latencyConcurrent',
  'query-proposals': 'queryProposals',
  'query-tasks': 'queryTasks',
  'load-seconds': 'loadSeconds',
  'small-cache-proposals': 'smallCacheProposals',
  'e2e-proposals': 'e2eProposals',
  'e2e-users': 'e2eUsers',
};

export const USAGE = `npm run bench -- [--quick] [--only=${SCENARIOS.join(',')}] [--profile] [--concurrency=16]
  [--label=TEXT] [--out=bench-results] [--query-sizes=25000,100000,250000] [--intake-sizes=1000,5000,10000] [--${Object.keys(SIZE_FLAGS).join('=N] [--')}=N]`;

export function parseArgs(argv: string[]): BenchArgs {
  const flags = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument "${a}"\n${USAGE}`);
    flags.set(m[1] as string, m[2] ?? 'true');
  }
  const quick = flags.get('quick') === 'true';
  const sizes: Sizes = { ...(quick ? QUICK_SIZES : FULL_SIZES) };
  let only: Scenario[] = [...SCENARIOS];
  let concurrency = 16;
  let profile = false;
  let out = 'bench-results';
  let label: string | undefined;
  let querySizes: number[] | undefined;
  let intakeSizes: number[] | undefined;
  for (const [name, value] of flags) {
    const size = SIZE_FLAGS[name];
    if (size) {
      sizes[size] = positiveInt(name, value);
    } else if (name === 'quick') {
      // handled above
    } else if (name === 'only') {
      const names = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
      if (unknown.length || names.length === 0)
        throw new Error(`--only: unknown scenario(s) ${unknown.join(', ')}\n${USAGE}`);
      only = SCENARIOS.filter((s) => names.includes(s));
    } else if (name === 'concurrency') {
      concurrency = positiveInt(name, value);
    } else if (name === 'profile') {
      profile = value !== 'false';
    } else if (name === 'out') {
      out = value;
    } else if (name === 'label') {
      label = value;
    } else if (name === 'intake-sizes') {
      intakeSizes = value.split(',').map((v) => positiveInt(name, v.trim()));
    } else if (name === 'query-sizes') {
      querySizes = value.split(',').map((v) => positiveInt(name, v.trim()));
    } else {
      throw new Error(`unknown option --${name}\n${USAGE}`);
    }
  }
  if (intakeSizes) sizes.intake = intakeSizes[intakeSizes.length - 1] as number;
  // Latency and memory use the proposals the intake left open; queries clone one of them.
  if (only.some((s) => s !== 'intake' && s !== 'e2e') && !only.includes('intake')) only = ['intake', ...only];
  return {
    quick,
    only,
    sizes,
    concurrency,
    profile,
    out,
    ...(label ? { label } : {}),
    ...(querySizes ? { querySizes } : {}),
    ...(intakeSizes ? { intakeSizes } : {}),
  };
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}
