import * as fs from 'node:fs';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time per function (where the CPU actually was). */
  topSelf: { frame: string; ms: number; pct: number }[];
  /** Self time per package / source area (node_modules/<pkg>, dist/…/libs/<lib>, node: internals, GC, idle). */
  byArea: { area: string; ms: number; pct: number }[];
  /** Inclusive time of the project's own functions (their callees included). */
  topInclusive: { frame: string; ms: number; pct: number }[];
}

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1] as string;
  const lib = /(libs|apps|workflows)\/([^/]+)/.exec(url);
  if (lib) return `${lib[1]}/${lib[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.split('/').slice(-2).join('/');
}

function frameOf(n: CpuProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const short = url ? url.replace(/^.*?(node_modules\/|dist\/out-tsc\/|src\/)/, '$1') : '';
  return `${functionName || '(anonymous)'}${short ? ` ${short}:${lineNumber + 1}` : ''}`;
}

export function summarizeProfile(profile: CpuProfile, file = '', top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    self.set(frameOf(n), (self.get(frameOf(n)) ?? 0) + us);
    const a = areaOf(n.callFrame.url, n.callFrame.functionName);
    area.set(a, (area.get(a) ?? 0) + us);
    // Inclusive time of project frames: each distinct project frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const url = node.callFrame.url;
      if (!/(libs|apps|workflows)\//.test(url) || url.includes('node_modules')) continue;
      const f = frameOf(node);
      if (seen.has(f)) continue;
      seen.add(f);
      inclusive.set(f, (inclusive.get(f) ?? 0) + us);
    }
  }
  const rank = (m: Map<string, number>, key: 'frame' | 'area') =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ [key]: k, ms: Math.round(us / 1000), pct: Math.round((us / total) * 1000) / 10 }));
  return {
    file,
    totalMs: Math.round(total / 1000),
    topSelf: rank(self, 'frame') as ProfileSummary['topSelf'],
    byArea: rank(area, 'area') as ProfileSummary['byArea'],
    topInclusive: rank(inclusive, 'frame') as ProfileSummary['topInclusive'],
  };
}

export function summarizeProfileFile(file: string): ProfileSummary {
  return summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, file);
}
