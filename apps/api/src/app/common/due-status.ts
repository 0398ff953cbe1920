import type { DueStatus } from '@banli/domain';

/**
 * The fields read before `due` existed, derived from it so there is still one computation;
 * they go once the web reads `due`.
 */
export function legacyWorkingDays(due: DueStatus): {
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
} {
  if (due.state === 'overdue') return { workingDaysLeft: null, workingDaysOverdue: due.workingDaysOverdue };
  if (due.state === 'due-soon' || due.state === 'on-track') {
    return { workingDaysLeft: due.workingDaysLeft, workingDaysOverdue: null };
  }
  return { workingDaysLeft: null, workingDaysOverdue: null };
}
