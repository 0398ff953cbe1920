import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@banli/domain';

/** A DomainError becomes a non-retryable failure whose type is the error code. */
export function asFailure(e: unknown): unknown {
  if (e instanceof DomainError) {
    return ApplicationFailure.create({ message: e.message, type: e.code, nonRetryable: true, details: [e.details] });
  }
  return e;
}

/** A validator whose rejections reach the caller as coded failures. */
export function guarded<A extends unknown[]>(check: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      check(...args);
    } catch (e) {
      throw asFailure(e);
    }
  };
}
