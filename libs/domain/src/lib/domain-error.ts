/**
 * Every rule violation in Banli is a DomainError with a stable code. The HTTP layer maps
 * codes to status codes in one place (apps/api, DomainErrorFilter); workflows turn them into
 * non-retryable ApplicationFailures whose `type` is the code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PROPOSAL_NOT_FOUND',
  'PROPOSAL_ALREADY_REGISTERED',
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
