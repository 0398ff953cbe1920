import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The request's id: the caller's X-Request-Id when it is sane, else a new UUID. It is echoed
 * in the response header, written on every log line, and handed to the workflow with each
 * action, so one id follows a request from HTTP through the workflow's logs.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const req = ctx.switchToHttp().getRequest<{ id?: unknown }>();
  return typeof req.id === 'string' ? req.id : undefined;
});

/**
 * The Idempotency-Key header of a request (checked by the IdempotencyInterceptor). A param
 * decorator of our own rather than @Headers(), which Swagger would list as a second, required
 * header beside the optional one the controller documents.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<IncomingMessage>().headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
});
