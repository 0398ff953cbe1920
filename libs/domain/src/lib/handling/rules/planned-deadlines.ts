import type { Deadline, HandlingState } from '../handling-state';

// New deadlines wait in `planning` until the workflow's calendar activity explains them.

/** Deadlines waiting for their explanation from the calendar activity. */
export function deadlinesToPlan(state: HandlingState): Deadline[] {
  return Object.values(state.deadlines).filter((d) => d.status === 'planning');
}

export interface PlannedDeadline {
  key: string;
  explanation: NonNullable<Deadline['explanation']>;
  reminderAt: string[];
}

export function applyPlannedDeadlines(state: HandlingState, planned: PlannedDeadline[]): void {
  for (const p of planned) {
    const d = state.deadlines[p.key];
    if (!d || d.status !== 'planning') continue;
    d.explanation = p.explanation;
    d.dueAt = p.explanation.dueAt;
    d.reminderAt = p.reminderAt;
    d.status = 'running';
  }
  state.version++;
}
