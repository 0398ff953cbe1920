import { HttpException, HttpStatus } from '@nestjs/common';
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/** More calls than this waiting for one workflow in one API process answer 429. */
export const MAX_WAITING_PER_WORKFLOW = 500;

/**
 * Sends the calls of this API process to one workflow one at a time (registration and every
 * action of one proposal queue here; different proposals never wait for each other).
 *
 * Why: Temporal admits at most 10 updates in flight per workflow (`history.maxInFlightUpdates`)
 * and answers RESOURCE_EXHAUSTED beyond that, and many updates racing for one workflow also get
 * "update was aborted" or "not processed by worker" answers while its workflow task is
 * retried. Queued, 50 simultaneous submissions of one task give one acceptance and 49 coded
 * refusals (ALREADY_DONE / WRONG_STAGE) instead of a mix with 5xx. Several API replicas each
 * keep their own queue, so a workflow sees at most one call per replica; what still meets the
 * limit is retried by `withUnappliedRetries`.
 */
export class WorkflowCallQueue {
  private readonly queues = new Map<string, { tail: Promise<void>; size: number }>();

  constructor(private readonly maxWaiting = MAX_WAITING_PER_WORKFLOW) {}

  async run<T>(workflowId: string, call: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(workflowId) ?? { tail: Promise.resolve(), size: 0 };
    if (queue.size >= this.maxWaiting) {
      throw new HttpException(
        'Too many requests for this proposal at once; retry in a moment',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    queue.size++;
    this.queues.set(workflowId, queue);
    const previous = queue.tail;
    let release!: () => void;
    queue.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await call();
    } finally {
      release();
      if (--queue.size === 0) this.queues.delete(workflowId);
    }
  }

  /** How many calls are queued or running (for tests). */
  get pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.size;
    return n;
  }
}

const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;

/**
 * Temporal's answers that mean "this update was not applied, send it again": the workflow's
 * in-flight update limit was reached, the update was aborted while its workflow task was
 * retried, or the worker's task completed without processing it. Sent again with the same
 * update id, an update that was in fact accepted meanwhile is not applied twice.
 */
export function isUnappliedUpdateFailure(e: unknown): boolean {
  if (e instanceof ServiceError) {
    const cause = e.cause as { code?: unknown; details?: unknown; message?: unknown } | undefined;
    if (cause?.code === GRPC_RESOURCE_EXHAUSTED) return true;
    const text = `${String(cause?.details ?? '')} ${String(cause?.message ?? '')}`;
    return cause?.code === GRPC_UNAVAILABLE && /update was aborted/i.test(text);
  }
  return (
    e instanceof WorkflowUpdateFailedError &&
    e.cause instanceof ApplicationFailure &&
    /wasn't processed by worker/i.test(e.cause.message)
  );
}

/** Runs `call` again (up to 8 times, backing off from 50 ms to 1 s) while Temporal did not apply it. */
export async function withUnappliedRetries<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= attempts || !isUnappliedUpdateFailure(e)) throw e;
      const wait = Math.min(1_000, 50 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * (wait / 2)));
    }
  }
}
