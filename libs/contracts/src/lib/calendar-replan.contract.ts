/** Re-plans every open proposal after a calendar load; one run (chain) per calendar version. */
export const CALENDAR_REPLAN_WORKFLOW_TYPE = 'calendarReplanWorkflow';

/** One id per version: starting it again (a repeated load, two replicas) finds the same run. */
export function calendarReplanWorkflowId(seq: number): string {
  return `calendar-replan-${seq}`;
}

export interface CalendarReplanInput {
  /** The calendar version (`calendar_version.seq`) that was loaded. */
  seq: number;
  /** Its calendar version string, sent with the signal. */
  calendarVersion: string;
  /** Proposals are signalled in id order; a continued run starts after this id. */
  after?: string;
  /** Signalled so far (carried across continue-as-new). */
  signalled?: number;
  batchSize?: number;
}

export interface CalendarReplanActivities {
  /** The next batch of open proposals (id order), after `after`. */
  openProposalWorkflows(request: {
    after: string;
    limit: number;
  }): Promise<{ proposalId: string; workflowId: string }[]>;
  recordCalendarReplan(request: { seq: number; status: 'running' | 'done'; signalled: number }): Promise<void>;
}
