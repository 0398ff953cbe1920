import { DomainError, ErrorCode } from '@banli/domain';

/** A refusal that will lift by itself: the answer says when (Retry-After and `retryAfterSeconds`). */
export class RetryLaterError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
