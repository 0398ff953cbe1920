import type { IProposalRepository } from '@banli/persistence';
import { RetryLaterError } from '../common/retry-later-error';

/** How long an answer waits for the read model to show it before the API answers 503, unless the caller gives a deadline. */
export const READ_MODEL_WAIT_MS = 10_000;
/** Polling starts this soon (a projection takes a few milliseconds) and backs off to the cap. */
const FIRST_POLL_MS = 2;
const POLL_CAP_MS = 50;

/**
 * The workflow answers an action as soon as the action is applied and its projection is
 * scheduled (patch `answer-before-projection`): its result carries the state version the read
 * model will reach. Before the API answers, it waits here until the proposal's row shows that
 * version, so an answer still means the read model shows the action (README: "How an action is
 * answered"). A result from a workflow that projected before answering passes at the first look.
 */
export class ReadModelWait {
  constructor(
    private readonly proposals: Pick<IProposalRepository, 'projectedVersionOf'>,
    private readonly timeoutMs = READ_MODEL_WAIT_MS,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Returns once the row shows `version`; 503 when it does not by `deadline` (epoch ms). */
  async until(proposalId: string, version: number, deadline = Date.now() + this.timeoutMs): Promise<void> {
    let delay = FIRST_POLL_MS;
    for (;;) {
      const shown = await this.proposals.projectedVersionOf(proposalId);
      if (shown !== null && shown >= version) return;
      if (Date.now() + delay > deadline) {
        // The action is taken and its projection is durable (it retries until the database is
        // back); only the read model lags. Sent again with the same Idempotency-Key, the action
        // is the same update and answers once the read model shows it.
        throw new RetryLaterError(
          'SERVICE_UNAVAILABLE',
          'The action was taken but the read model does not show it yet; retry with the same Idempotency-Key',
          1,
        );
      }
      await this.sleep(delay);
      delay = Math.min(delay * 2, POLL_CAP_MS);
    }
  }
}
