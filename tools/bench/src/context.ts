import type { Api } from './api';
import type { BenchArgs } from './args';
import type { Figure } from './report';
import type { BenchSystem } from './system';

export interface Ctx {
  system: BenchSystem;
  api: Api;
  args: BenchArgs;
  runId: string;
  figures: Figure[];
  /** Everything measured, by scenario (written to the JSON). */
  details: Record<string, unknown>;
  /** Sanity failures: a scenario that did not do what it should (quick mode fails on any). */
  problems: string[];
  /** Proposals the intake left in consultation (for latency, memory, queries). */
  intakeSession: string;
  log(msg: string): void;
}

export const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
export const r1 = (x: number) => Math.round(x * 10) / 10;
