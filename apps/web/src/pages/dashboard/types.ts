import type { Schemas } from '../../api/client';

export type { HeldBy, SupervisedDeadline } from '../../api/types';

/** Deadlines that are somebody's work (the API's SUPERVISED_DEADLINE_KINDS). */
export const SUPERVISED_KINDS = ['opinion', 'contact', 'reply', 'follow-up', 'publication'] as const;

export type StatisticsRow = Schemas['StatisticsRowResponse'];
export type Statistics = Schemas['StatisticsResponse'];

/** 0.8333 → 83.3%; no figure (nothing was due) → —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
