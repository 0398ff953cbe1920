import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@banli/domain';
import { DomainErrorFilter } from './domain-error.filter';

function respond(exception: unknown, headers: Record<string, string> = {}) {
  interface Captured {
    statusCode: number;
    body: { error: Record<string, unknown> & { code?: string; details?: unknown } };
    headersSent: boolean;
    removed: string[];
    status(s: number): Captured;
    json(b: Captured['body']): Captured;
    removeHeader(h: string): void;
  }
  const res: Captured = {
    statusCode: 0,
    body: { error: {} },
    headersSent: false,
    removed: [],
    removeHeader: (h) => void res.removed.push(h),
    status: (s) => ((res.statusCode = s), res),
    json: (b) => ((res.body = b), res),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'POST', url: '/x', headers }) }),
  } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(exception, host);
  return res;
}

describe('DomainErrorFilter: one error shape, one mapping', () => {
  it('drops the headers a failed file response had set, so the error is not served as the file', () => {
    const res = respond(new Error('boom'));
    expect(res.removed).toEqual(expect.arrayContaining(['content-type', 'content-disposition', 'content-length']));
    expect(res.statusCode).toBe(500);
  });

  it('maps domain codes to their status and keeps the details', () => {
    const res = respond(new DomainError('VALIDATION_FAILED', 'bad', [{ field: 'title', message: 'is required' }]));
    expect(res.statusCode).toBe(422);
    expect(res.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ field: 'title', message: 'is required' }] },
    });
    expect(respond(new DomainError('PROPOSAL_NOT_FOUND', 'x')).statusCode).toBe(404);
  });

  it('maps a workflow update rejected with a domain code', () => {
    const failure = ApplicationFailure.nonRetryable('taken', 'PROPOSAL_ALREADY_REGISTERED');
    const res = respond(new WorkflowUpdateFailedError('update failed', failure));
    expect(res.statusCode).toBe(409);
    expect(res.body.error).toEqual({ code: 'PROPOSAL_ALREADY_REGISTERED', message: 'taken' });
  });

  it('maps validation pipe errors to 400 with each message as a detail', () => {
    const res = respond(new BadRequestException(['property secret should not exist']));
    expect(res.statusCode).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.details).toEqual([{ message: 'property secret should not exist' }]);
  });

  it('maps body-parser errors to their 4xx', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(respond(tooLarge).body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = Object.assign(new Error('Unexpected token'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(respond(malformed).statusCode).toBe(400);
  });

  it('answers 503 for an outage and 500 without a stack trace for anything else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(respond(refused).statusCode).toBe(503);
    const res = respond(new TypeError('boom at /srv/app.js:1'));
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('/srv/app.js');
  });

  it('answers 503 (retry) for a workflow update Temporal did not process, never 500', () => {
    const failure = ApplicationFailure.create({
      message:
        "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
    });
    const res = respond(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(res.statusCode).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers 400 when PostgreSQL cannot store a text of the request (NUL), never 500', () => {
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      driverError: { code: '22021' },
    });
    expect(respond(nul).statusCode).toBe(400);
    expect(respond(nul).body.error.code).toBe('BAD_REQUEST');
  });

  it('echoes the request id', () => {
    expect(respond(new DomainError('PROPOSAL_NOT_FOUND', 'x'), { 'x-request-id': 'r-1' }).body.error.requestId).toBe(
      'r-1',
    );
  });
});
