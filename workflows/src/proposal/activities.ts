import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CalendarActivities, ProposalActivities } from '@banli/contracts';

export const { projectProposal, recordSignature, notifyDeadline } = proxyActivities<ProposalActivities>({
  // Each takes milliseconds; a worker that dies mid-activity is noticed (and the activity
  // retried elsewhere) after this long.
  startToCloseTimeout: '10 seconds',
  // A database outage must not fail a proposal: writes retry until the database is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Their answers are recorded in the history, so a replay never computes a deadline again
// with newer calendar data.
export const { planDeadlines, nextEscalationAt } = proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
