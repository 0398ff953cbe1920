import { applyDecorators } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiResponse, ApiResponseOptions } from '@nestjs/swagger';
import { ApiErrorResponse } from './api-error.response';

/** The security schemes of the document (see buildOpenApiDocument). */
export const BEARER_SCHEME = 'bearer';
export const SESSION_COOKIE_SCHEME = 'session';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** What each refusal means in general; an operation may say what it means there. */
export const MEANING: Record<ErrorStatus, string> = {
  400: 'The request cannot be read: malformed body, bad parameter, unknown field, or text that cannot be stored (BAD_REQUEST)',
  401: 'Not signed in, or the token or session is invalid or expired (UNAUTHENTICATED), or was revoked by a sign-out, a password change or reset, or a disable (TOKEN_REVOKED)',
  403: "The caller's role or unit may not do this (ROLE_REQUIRED, NOT_ASSIGNED), the caller must change their password first (PASSWORD_CHANGE_REQUIRED), or a cookie-signed change lacks X-Requested-With (FORBIDDEN)",
  404: 'No such thing, or not one the caller may see (PROPOSAL_NOT_FOUND, NOT_FOUND)',
  409: 'Not possible now: wrong stage, window closed, already done or registered (WRONG_STAGE, DEADLINE_PASSED, ALREADY_DONE, HANDLING_ENDED, …)',
  413: 'The request body is larger than the limit (PAYLOAD_TOO_LARGE)',
  415: 'The request body is of a type or charset the operation does not read (UNSUPPORTED_MEDIA_TYPE)',
  422: 'The input breaks a rule, or the Idempotency-Key was used for another request (VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED)',
  429: 'Too many sign-in attempts for the account or from the address; retry after Retry-After seconds, also given as retryAfterSeconds (TOO_MANY_SIGN_IN_ATTEMPTS)',
  503: 'A backing service (database or Temporal) is unavailable; nothing was done, retry later (SERVICE_UNAVAILABLE)',
};

/** Refusals with the one error body, each with what it means in general. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiError(status)));
}

/** One refusal with the one error body, saying what it means for this operation. */
export function ApiError(status: ErrorStatus, description = MEANING[status]): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, type: ApiErrorResponse });
}

/** Needs a signed-in caller: a Bearer token or the web session cookie, else 401. */
export function ApiSignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiCookieAuth(SESSION_COOKIE_SCHEME), ApiErrors(401));
}

export const MEDIA_TYPES = {
  csv: 'text/csv',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const TEXT_TYPES: readonly string[] = [MEDIA_TYPES.csv, MEDIA_TYPES.html];

/** The content of a file answer: text for CSV and HTML, bytes for the rest. */
export function fileContent(
  ...mediaTypes: string[]
): Record<string, { schema: { type: 'string'; format?: 'binary' } }> {
  return Object.fromEntries(
    mediaTypes.map((t) => [
      t,
      { schema: TEXT_TYPES.includes(t) ? { type: 'string' } : { type: 'string', format: 'binary' } },
    ]),
  );
}

/** A 200 answer that is a file (a letter, an export) rather than JSON. */
export function ApiFile(description: string, ...mediaTypes: string[]): MethodDecorator {
  return ApiOkResponse({ description, content: fileContent(...mediaTypes) });
}

/**
 * The same 200 answer on every route of a controller. A class-level ApiOkResponse does not
 * do it: each route's own default answer (from its status code) takes its place.
 */
export function ApiOkResponseOnEveryRoute(options: ApiResponseOptions): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      if (
        descriptor &&
        typeof descriptor.value === 'function' &&
        Reflect.hasMetadata(METHOD_METADATA, descriptor.value)
      ) {
        ApiOkResponse(options)(prototype, key, descriptor);
      }
    }
  };
}
