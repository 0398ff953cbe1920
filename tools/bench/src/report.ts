/** One measured figure beside its baseline, and the goal it is held to (if any). */
export interface Figure {
  scenario: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline. */
  ratio?: number;
  goal?: string;
  /** Whether the goal was met (absent without a goal or in quick mode). */
  met?: boolean;
  /** By how much a missed goal was missed, e.g. "3.1× the 120 s goal". */
  missedBy?: string;
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 100 || Number.isInteger(n)) return String(Math.round(n));
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The readable table of a run: one row per figure. */
export function formatTable(figures: Figure[]): string {
  const head = '| scenario | figure | value | baseline | ratio | goal | met |\n|---|---|---:|---|---:|---|---|';
  const rows = figures.map((f) => {
    const baseline = f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.name})` : '';
    const met = f.met === undefined ? '' : f.met ? 'yes' : `**no**${f.missedBy ? ` (${f.missedBy})` : ''}`;
    return `| ${cell(f.scenario)} | ${cell(f.name)} | ${fmt(f.value)} ${f.unit} | ${cell(baseline)} | ${f.ratio === undefined ? '' : `${fmt(f.ratio)}×`} | ${cell(f.goal ?? '')} | ${met} |`;
  });
  return [head, ...rows].join('\n');
}

/** "under X" goal: met, or missed by value/limit. */
export function underGoal(value: number, limit: number, unit: string): { met: boolean; missedBy?: string } {
  return value < limit
    ? { met: true }
    : { met: false, missedBy: `${fmt(value / limit)}× the ${fmt(limit)} ${unit} limit` };
}
