import { CallHandler, ExecutionContext, NestInterceptor, SetMetadata } from '@nestjs/common';
import { RESPONSE_PASSTHROUGH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError } from '@banli/domain';
import type { IIdempotencyRepository } from '@banli/persistence';
import { toHttpError } from './domain-error.filter';
import { ReplayedError } from './replayed-error';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const WITHOUT_IDEMPOTENCY = 'banli:without-idempotency';

/**
 * The route ignores Idempotency-Key: its request or answer holds a secret (a password, a token)
 * that must not be stored, not even hashed, and a retry may simply run again.
 */
export const WithoutIdempotency = () => SetMetadata(WITHOUT_IDEMPOTENCY, true);

/** Whether the handler takes the response object (`@Res()`) and so answers by itself. */
export function writesOwnResponse(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  const takesResponse = Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.RESPONSE));
  // `@Res({ passthrough: true })` still returns its body, which can be stored.
  const passthrough = Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, context.getClass(), context.getHandler().name);
  return takesResponse && passthrough !== true;
}

/**
 * `Idempotency-Key` on a POST: the first request with a key runs; a retry with the same key
 * and the same request gets the first answer back and changes nothing (a retry while the
 * first is still running joins it: actions use the key as their Temporal update id); the
 * same key with a different request is refused (422). Keys are per user. Server errors (5xx)
 * are not remembered, so a retry after an outage runs again. The first answer settles the
 * record, whichever request gets it: a retry that joined a request whose API process died
 * (the record left in progress) settles it, so the next retry is a replay.
 */
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IIdempotencyRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: { userId: string } }>();
    const res = http.getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.user) return next.handle();
    if (Reflect.getMetadata(WITHOUT_IDEMPOTENCY, context.getHandler())) return next.handle();
    // A route that writes its own answer (`@Res()`: the letter preview's HTML) has no body to
    // store or replay; a replay would answer nothing, and the client would wait forever. Such
    // routes compute and change nothing, so a retry simply runs again.
    if (writesOwnResponse(context)) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return throwError(
        () => new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1-100 letters, digits or _.:-'),
      );
    }
    const userId = req.user.userId;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');

    return from(this.claim(userId, key, requestHash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          res.status(claim.status);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        // A join remembers its answer too: the first request may have died with its process
        // (the API killed mid-request) and will never settle the record itself.
        return next.handle().pipe(
          mergeMap((body) => from(this.remember(userId, key, res.statusCode, { body })).pipe(mergeMap(() => of(body)))),
          catchError((err: unknown) => {
            const { status, body } = toHttpError(err);
            const settle =
              status < 500
                ? this.remember(userId, key, status, { error: body })
                : claim.kind === 'first'
                  ? this.forget(userId, key)
                  : Promise.resolve();
            return from(settle).pipe(mergeMap(() => throwError(() => err)));
          }),
        );
      }),
    );
  }

  private async claim(
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<{ kind: 'first' | 'join' } | { kind: 'replay'; status: number; body: unknown }> {
    const record = await this.records.claim(userId, key, requestHash, this.clock());
    if (record.kind === 'first') return { kind: 'first' };
    if (record.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    if (record.kind === 'done') {
      const stored = JSON.parse(record.responseBody ?? 'null') as { error?: unknown; body?: unknown };
      if (stored?.error) throw new ReplayedError(record.responseStatus, stored.error);
      return { kind: 'replay', status: record.responseStatus, body: stored?.body };
    }
    return { kind: 'join' };
  }

  private async remember(
    userId: string,
    key: string,
    status: number,
    stored: { body?: unknown; error?: unknown },
  ): Promise<void> {
    await this.records.settle(userId, key, status, JSON.stringify(stored)).catch(() => undefined);
  }

  private async forget(userId: string, key: string): Promise<void> {
    await this.records.forget(userId, key).catch(() => undefined);
  }
}
