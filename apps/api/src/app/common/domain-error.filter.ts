import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, ErrorDetail, isErrorCode } from '@banli/domain';
import type { ApiErrorBody } from './api-error';
import { ReplayedError } from './replayed-error';
import { RetryLaterError } from './retry-later-error';
import { isUnappliedUpdateFailure } from '../temporal/workflow-call-queue';

/** The single mapping from domain error codes to HTTP status codes. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
  PROPOSAL_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  PROPOSAL_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  WRONG_STAGE: HttpStatus.CONFLICT,
  NOT_ASSIGNED: HttpStatus.FORBIDDEN,
  ROLE_REQUIRED: HttpStatus.FORBIDDEN,
  DEADLINE_PASSED: HttpStatus.CONFLICT,
  OPINIONS_OUTSTANDING: HttpStatus.CONFLICT,
  CONTACT_REQUIRED: HttpStatus.CONFLICT,
  ALREADY_DONE: HttpStatus.CONFLICT,
  HANDLING_ENDED: HttpStatus.CONFLICT,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  IN_USE: HttpStatus.CONFLICT,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  TOKEN_REVOKED: HttpStatus.UNAUTHORIZED,
  PASSWORD_CHANGE_REQUIRED: HttpStatus.FORBIDDEN,
  TOO_MANY_SIGN_IN_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export const HTTP_CODE_OF: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Codes the HTTP layer gives some refusals of its own, beside HTTP_CODE_OF's per status. */
export const HTTP_LAYER_CODES = ['CSRF_HEADER_REQUIRED'] as const;

export interface HttpError {
  status: number;
  body: ApiErrorBody['error'];
}
type Mapped = HttpError;

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const mapped = toHttpError(exception);
    const requestId = (req as { id?: unknown }).id ?? req.headers['x-request-id'];
    if (mapped.status >= 500) {
      this.logger.error(
        `${req.method} ${req.url} -> ${mapped.status}`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (res.headersSent) {
      // A file was already on its way: the status has gone, so the only honest answer is
      // to cut the response short (the client sees an incomplete body, not a wrong one).
      res.destroy();
      return;
    }
    // Headers a file response set before it failed (its type, name, length) must not
    // describe the error body.
    for (const h of ['content-type', 'content-disposition', 'content-length', 'etag', 'x-content-sha256']) {
      res.removeHeader(h);
    }
    if (mapped.body.retryAfterSeconds !== undefined)
      res.setHeader('retry-after', String(mapped.body.retryAfterSeconds));
    res.status(mapped.status).json({
      error: { ...mapped.body, ...(typeof requestId === 'string' ? { requestId } : {}) },
    } satisfies ApiErrorBody);
  }
}

/** The single mapping from anything thrown to an HTTP status and the error shape. */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof ReplayedError) return { status: e.status, body: e.body as HttpError['body'] };
  if (e instanceof DomainError) {
    return {
      status: HTTP_STATUS_OF[e.code],
      body: {
        code: e.code,
        message: e.message,
        ...(e.details.length ? { details: e.details } : {}),
        ...(e instanceof RetryLaterError ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
      },
    };
  }
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const code = e.cause.type;
    if (isErrorCode(code)) {
      // The workflow sends the DomainError's details as the failure's first detail.
      const details = detailsOf(e.cause.details?.[0]);
      return {
        status: HTTP_STATUS_OF[code],
        body: { code, message: e.cause.message, ...(details.length ? { details } : {}) },
      };
    }
  }
  if (e instanceof WorkflowExecutionAlreadyStartedError) {
    return {
      status: HttpStatus.CONFLICT,
      body: {
        code: 'PROPOSAL_ALREADY_REGISTERED',
        message: 'This proposal was registered before and its handling has ended',
      },
    };
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const response = e.getResponse();
    const r = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const message = 'message' in r ? r['message'] : e.message;
    const details = Array.isArray(r['details'])
      ? detailsOf(r['details'])
      : Array.isArray(message)
        ? message.map((m) => ({ message: String(m) }))
        : undefined;
    const ownCode = HTTP_LAYER_CODES.find((c) => c === r['code']);
    return {
      status,
      body: {
        code: ownCode ?? HTTP_CODE_OF[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'),
        message: Array.isArray(message) ? 'The request is invalid' : String(message),
        ...(details?.length ? { details } : {}),
      },
    };
  }
  const parserError = bodyParserError(e);
  if (parserError) return parserError;
  if (isUnstorableText(e)) {
    return {
      status: HttpStatus.BAD_REQUEST,
      body: { code: 'BAD_REQUEST', message: 'The request holds text the database cannot store (e.g. a NUL character)' },
    };
  }
  if (isOutage(e)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { code: 'SERVICE_UNAVAILABLE', message: 'A backing service is unavailable; retry later' },
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL_ERROR', message: 'Internal error' },
  };
}

/** Error details as the API answers them: `{ field?, message }`, anything else dropped. */
function detailsOf(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: unknown) => {
    const { field, message } = (d ?? {}) as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [{ ...(typeof field === 'string' ? { field } : {}), message }];
  });
}

/** body-parser's own errors (too large, malformed JSON, bad charset) carry a 4xx status. */
function bodyParserError(e: unknown): Mapped | undefined {
  const err = e as { status?: unknown; expose?: unknown; type?: unknown };
  if (typeof err?.status !== 'number' || err.status < 400 || err.status >= 500 || err.expose !== true) {
    return undefined;
  }
  const message =
    err.type === 'entity.too.large'
      ? 'The request body is larger than the limit'
      : err.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body cannot be read';
  return { status: err.status, body: { code: HTTP_CODE_OF[err.status] ?? 'BAD_REQUEST', message } };
}

/**
 * PostgreSQL refused a text value of the request itself: 22021 (character not in repertoire:
 * a NUL byte) or 22P05 (untranslatable character). The request guard refuses such text before
 * it gets here; this keeps any path it misses a 400, not a 500.
 */
function isUnstorableText(e: unknown): boolean {
  const code =
    (e as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ?? (e as { code?: unknown })?.code;
  return code === '22021' || code === '22P05';
}

/** Temporal or the database cannot be reached: the client should retry, not give up. */
function isOutage(e: unknown): boolean {
  if (isGrpcServiceError(e)) return true;
  // Temporal did not apply the update (busy workflow, retried workflow task) even after the
  // API's own retries: nothing happened, so the client may retry.
  if (isUnappliedUpdateFailure(e)) return true;
  if (e instanceof ServiceError || e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  return isDatabaseOutage(e) || isDatabaseOutage((e as { driverError?: unknown })?.driverError);
}

/**
 * Connection-level database failures: refused or dropped connections, PostgreSQL's FATAL
 * errors (e.g. "not accepting connections"), connection exceptions (08xxx), operator
 * intervention (57Pxx: shutdown, terminated), insufficient resources (53xxx), a busy SQLite.
 */
function isDatabaseOutage(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { code, severity, message } = e as { code?: unknown; severity?: unknown; message?: unknown };
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'SQLITE_BUSY', 'SQLITE_LOCKED'].includes(code))
      return true;
    if (/^(08|53|57P)/.test(code)) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message)
  );
}
