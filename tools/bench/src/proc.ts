import * as fs from 'node:fs';
import * as os from 'node:os';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

/** VmRSS and VmHWM (peak) in MiB, from /proc/<pid>/status. */
export function memoryMiB(pid: number | undefined): { rss: number; hwm: number } {
  if (!pid) return { rss: NaN, hwm: NaN };
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

export interface ProcessUsage {
  cpuSeconds: number;
  peakRssMiB: number;
}

/**
 * Measures what some processes use while `fn` runs: CPU seconds of each, and the peak RSS
 * sampled every 250 ms (VmHWM is the lifetime peak, which includes earlier phases).
 */
export async function measure<T>(
  pids: Record<string, number | undefined>,
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; usage: Record<string, ProcessUsage>; load: { start: number[]; end: number[] } }> {
  const startCpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const peak: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
  const sample = () => {
    for (const [k, pid] of Object.entries(pids)) peak[k] = Math.max(peak[k] as number, memoryMiB(pid).rss || 0);
  };
  const loadStart = os.loadavg();
  sample();
  const timer = setInterval(sample, 250);
  const t = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t;
    sample();
    const usage = Object.fromEntries(
      Object.entries(pids).map(([k, pid]) => [
        k,
        {
          cpuSeconds: Math.round((cpuSeconds(pid) - (startCpu[k] as number)) * 100) / 100,
          peakRssMiB: Math.round(peak[k] as number),
        },
      ]),
    );
    return { result, ms, usage, load: { start: loadStart.map(r2), end: os.loadavg().map(r2) } };
  } finally {
    clearInterval(timer);
  }
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export interface Machine {
  cpuModel: string | undefined;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
}

export function machine(): Machine {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: os.release(),
  };
}
