/**
 * Every rule violation in Banli is a DomainError with a stable code. The HTTP layer maps
 * codes to status codes in one place (apps/api, DomainErrorFilter); workflows turn them into
 * non-retryable ApplicationFailures whose `type` is the code.
 */
export const ERROR_CODES = [
  /** The input breaks a rule (422). */
  'VALIDATION_FAILED',
  'PROPOSAL_NOT_FOUND',
  /** Something other than a proposal does not exist, or is not the caller's (404). */
  'NOT_FOUND',
  'PROPOSAL_ALREADY_REGISTERED',
  /** The action is not possible at the proposal's current stage (409). */
  'WRONG_STAGE',
  /** The caller's unit has no part in this proposal or task (403). */
  'NOT_ASSIGNED',
  /** The caller's role may not take this action (403). */
  'ROLE_REQUIRED',
  /** The window for this action has closed (409). */
  'DEADLINE_PASSED',
  /** A co-handling opinion is neither in nor waived, so the reply cannot be signed (409). */
  'OPINIONS_OUTSTANDING',
  /** A recorded proposer contact is required before sign-off (409). */
  'CONTACT_REQUIRED',
  /** The same thing is already pending or done (409). */
  'ALREADY_DONE',
  /** Something with this id or name exists already (a unit id, a username) (409). */
  'ALREADY_EXISTS',
  /** Still in use, so it cannot be disabled (a unit with open tasks) (409). */
  'IN_USE',
  /** The proposal's handling has ended (closed, merged or converted): nothing more can be done to it (409). */
  'HANDLING_ENDED',
  /** No valid credentials or token (401). */
  'UNAUTHENTICATED',
  /** The token was issued before a sign-out, a password change or reset, or a disable (401). */
  'TOKEN_REVOKED',
  /** An admin reset the password: the user must change it before anything else (403). */
  'PASSWORD_CHANGE_REQUIRED',
  /** Too many sign-in attempts for the account or from the address; retry later (429). */
  'TOO_MANY_SIGN_IN_ATTEMPTS',
  /** The same Idempotency-Key was sent with a different request (422). */
  'IDEMPOTENCY_KEY_REUSED',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
