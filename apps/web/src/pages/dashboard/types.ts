export type { HeldBy, SupervisedDeadline } from '../../api/types';

/** Deadlines that are somebody's work (the API's SUPERVISED_DEADLINE_KINDS). */
export const SUPERVISED_KINDS = ['opinion', 'contact', 'reply', 'follow-up', 'publication'] as const;

export interface StatisticsRow {
  key: string;
  name: string;
  assignedAsReplying: number;
  assignedAsCoHandling: number;
  closed: number;
  repliesDue: number;
  repliesOnTime: number;
  replyOnTimeRate: number | null;
  opinionsDue: number;
  opinionsOnTime: number;
  opinionOnTimeRate: number | null;
  averageWorkingDaysToReply: number | null;
  replyClasses: Record<string, number>;
  satisfaction: { satisfied: number; basicallySatisfied: number; unsatisfied: number; notRated: number };
  rehandled: number;
}

export interface Statistics {
  groupBy: 'unit' | 'session';
  items: StatisticsRow[];
}

/** 0.8333 → 83.3%; no figure (nothing was due) → —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
