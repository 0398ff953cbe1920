import { continueAsNew, getExternalWorkflowHandle, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { calendarChangedSignal } from '@banli/contracts';
import type { CalendarReplanActivities, CalendarReplanInput } from '@banli/contracts';

const { openProposalWorkflows, recordCalendarReplan } = proxyActivities<CalendarReplanActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DEFAULT_BATCH = 100;

/**
 * Sends `calendarChanged` to every open proposal after a calendar load, a batch at a time (the
 * signals of a batch in parallel), recording progress on the calendar version. Durable: a
 * worker restart resumes where it was; long runs continue as new so the history stays small.
 * A proposal that closed meanwhile has no running workflow: its signal is skipped.
 */
export async function calendarReplanWorkflow(input: CalendarReplanInput): Promise<{ signalled: number }> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  let after = input.after ?? '';
  let signalled = input.signalled ?? 0;
  for (;;) {
    const batch = await openProposalWorkflows({ after, limit: batchSize });
    if (batch.length === 0) break;
    const sent = await Promise.all(
      batch.map((p) =>
        getExternalWorkflowHandle(p.workflowId)
          .signal(calendarChangedSignal, { version: input.calendarVersion })
          .then(
            () => 1,
            () => 0,
          ),
      ),
    );
    signalled += sent.reduce<number>((a, b) => a + b, 0);
    after = (batch[batch.length - 1] as { proposalId: string }).proposalId;
    await recordCalendarReplan({ seq: input.seq, status: 'running', signalled });
    if (batch.length < batchSize) break;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > 5_000) {
      await continueAsNew<typeof calendarReplanWorkflow>({ ...input, after, signalled });
    }
  }
  await recordCalendarReplan({ seq: input.seq, status: 'done', signalled });
  return { signalled };
}
