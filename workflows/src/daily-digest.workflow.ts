import { proxyActivities } from '@temporalio/workflow';
import type { DailyDigestInput, DailyDigestResult, DigestActivities } from '@banli/contracts';

const { writeDailyDigests } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/**
 * Started once a day by the `banli-daily-digest` Schedule. The run's own time (deterministic
 * workflow time) names the day, so however often the activity is retried it writes each
 * unit's digest of that day once.
 */
export async function dailyDigestWorkflow(input: DailyDigestInput = {}): Promise<DailyDigestResult> {
  return writeDailyDigests({ ...input, at: new Date().toISOString() });
}
