import { FULL_SIZES, parseArgs, QUICK_SIZES, SCENARIOS } from './args';
import { summarizeProfile } from './profile';
import { formatTable, underGoal } from './report';
import { forEachLimited, percentile, ratio, summarize } from './stats';

describe('benchmark arguments', () => {
  it('runs every scenario at full size by default, small sizes with --quick', () => {
    expect(parseArgs([])).toMatchObject({
      quick: false,
      only: [...SCENARIOS],
      sizes: FULL_SIZES,
      concurrency: 16,
      profile: false,
    });
    expect(parseArgs(['--quick'])).toMatchObject({ quick: true, sizes: QUICK_SIZES });
  });

  it('picks scenarios, adding the intake the others build on', () => {
    expect(parseArgs(['--only=e2e']).only).toEqual(['e2e']);
    expect(parseArgs(['--only=queries,latency']).only).toEqual(['intake', 'latency', 'queries']);
  });

  it('takes sizes, concurrency, profile and label', () => {
    const a = parseArgs(['--quick', '--intake=500', '--concurrency=32', '--profile', '--label=wal-off']);
    expect(a.sizes.intake).toBe(500);
    expect(a.sizes.e2eProposals).toBe(QUICK_SIZES.e2eProposals);
    expect(a).toMatchObject({ concurrency: 32, profile: true, label: 'wal-off' });
  });

  it('takes the data sizes of the queries scenario as a list of task counts', () => {
    expect(parseArgs(['--query-sizes=25000,100000,250000']).querySizes).toEqual([25_000, 100_000, 250_000]);
    expect(parseArgs([]).querySizes).toBeUndefined();
  });

  it('takes intake sizes as a list, the last one left open for the scenarios after the intake', () => {
    const a = parseArgs(['--quick', '--intake-sizes=100,200,300']);
    expect(a.intakeSizes).toEqual([100, 200, 300]);
    expect(a.sizes.intake).toBe(300);
    expect(parseArgs([]).intakeSizes).toBeUndefined();
  });

  it.each([
    ['--only=nope'],
    ['--intake=0'],
    ['--intake=2.5'],
    ['--fast'],
    ['quick'],
    ['--query-sizes=1000,x'],
    ['--intake-sizes=0,5'],
  ])('refuses %s', (arg) => {
    expect(() => parseArgs([arg])).toThrow();
  });
});

describe('statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ n: 5, p50: 3, p95: 5, p99: 5, mean: 3, max: 5 });
  });

  it('gives ratios, NaN for a zero baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
  });

  it('never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(x);
      inFlight--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the results table', () => {
  it('shows each figure beside its baseline and ratio, and a missed goal by how much', () => {
    const table = formatTable([
      {
        scenario: 'intake',
        name: '5000 proposals',
        value: 412.3,
        unit: 's',
        baseline: { name: 'no-op', value: 61.2 },
        ratio: 6.74,
        goal: '< 120 s',
        ...underGoal(412.3, 120, 's'),
      },
      {
        scenario: 'latency',
        name: 'p50 | c1',
        value: 42.25,
        unit: 'ms',
        goal: '< 100 ms',
        ...underGoal(42.25, 100, 'ms'),
      },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| intake | 5000 proposals | 412 s | 61.2 s (no-op) | 6.74× | < 120 s | **no** (3.44× the 120 s limit) |',
    );
    expect(lines[3]).toBe('| latency | p50 \\| c1 | 42.3 ms |  |  | < 100 ms | yes |');
  });
});

describe('CPU profile summary', () => {
  it('adds self time per function and per package, and inclusive time of project functions', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summarizeProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2] },
        {
          id: 2,
          callFrame: frame('inbox', 'file:///r/dist/out-tsc/libs/persistence/src/lib/task.js'),
          children: [3, 4],
        },
        { id: 3, callFrame: frame('workingDaysBetween', 'file:///r/dist/out-tsc/libs/domain/src/lib/deadline.js') },
        { id: 4, callFrame: frame('query', 'file:///r/node_modules/pg/lib/client.js') },
      ],
      samples: [3, 3, 3, 4, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 1000],
      startTime: 0,
      endTime: 5000,
    });
    expect(summary.totalMs).toBe(5);
    expect(summary.topSelf[0]).toMatchObject({ frame: expect.stringContaining('workingDaysBetween'), ms: 3, pct: 60 });
    expect(summary.byArea.map((a) => a.area)).toEqual(['libs/domain', 'pg', 'libs/persistence']);
    expect(summary.topInclusive[0]).toMatchObject({ frame: expect.stringContaining('inbox'), ms: 5, pct: 100 });
  });
});
