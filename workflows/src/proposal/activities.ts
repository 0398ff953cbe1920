import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CalendarActivities, ProposalActivities } from '@banli/contracts';

export const { projectProposal, recordSignature, notifyDeadline } = proxyActivities<ProposalActivities>({
  // Each takes milliseconds; a worker that dies mid-activity is noticed (and the activity
  // retried elsewhere) after this long.
  startToCloseTimeout: '10 seconds',
  // A database outage must not fail a proposal: writes retry until the database is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The same projection write, run by the worker inside the workflow task (patch
 * `local-projection`): no round trips through the server, and the history records only its
 * (empty) result in a marker, not the projection it wrote. Three attempts only, at most about
 * 15 s together (the worker heartbeats the workflow task meanwhile); when they fail (the
 * database is down or stuck), the workflow falls back to the regular `projectProposal`, which
 * retries on the server until the database is back without adding history events per attempt.
 */
export const { projectProposal: projectProposalLocally } = proxyLocalActivities<ProposalActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

// Their answers are recorded in the history, so a replay never computes a deadline again
// with newer calendar data.
export const { planDeadlines, nextEscalationAt } = proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
