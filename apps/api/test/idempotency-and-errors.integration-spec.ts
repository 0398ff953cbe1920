import { readFileSync } from 'node:fs';
import request from 'supertest';
import { execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { OPENAPI_FILE } from './support/openapi-responses';
import { IdempotencyPurge } from '../src/app/common/idempotency-purge';
import { startStack, Stack } from './support/stack';

describe.each(testDatabases())('idempotency, security headers and errors ($name)', ({ config }) => {
  let stack: Stack;
  let registrar: UserClient;
  let officer: UserClient;
  let cohandler: UserClient;
  let seq = 0;

  /** A proposal registered and accepted, awaiting assignment. */
  async function acceptedProposal(): Promise<string> {
    const number = `${Date.now()}${++seq}`;
    await registrar
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于测试的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    const id = `8-2_${number}`;
    await registrar.post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    return id;
  }

  async function assignedProposal(): Promise<string> {
    const id = await acceptedProposal();
    await officer
      .post(`/api/proposals/${id}/assignment`, {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['education'],
      })
      .expect(200);
    return id;
  }

  const opinion = { points: [{ seq: 1, adoption: 'adopted', text: '同意' }] };

  beforeAll(async () => {
    stack = await startStack(config);
    registrar = await as(stack, 'registrar');
    officer = await as(stack, 'officer');
    cohandler = await as(stack, 'education-cohandler');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('applies a retried action once and answers the retry with the first result', async () => {
    const id = await assignedProposal();
    const first = await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-1' })
      .expect(200);
    const retry = await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-1' })
      .expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const events = (await cohandler.get(`/api/proposals/${id}/events`).expect(200)).body;
    expect(events.filter((e: { type: string }) => e.type === 'opinion-submitted')).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key at once on every POST of the document, the letter preview too', async () => {
    const id = await assignedProposal();
    const handler = await as(stack, 'lead-handler');
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    // Sign-out ends the very token the loop signs with: it comes last, below.
    const posts = Object.entries(doc.paths)
      .filter(([template, ops]) => ops['post'] && template !== '/api/auth/sign-out')
      .map(([template]) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'id' ? id : name === 'unitId' ? 'industry-it' : name === 'format' ? 'html' : '1',
        ),
      );
    expect(posts.length).toBeGreaterThan(20);
    // An empty body: most are refused (and the refusal is what a retry must get back); the
    // point is that every retry is answered, as the first call was, and quickly.
    for (const [i, path] of posts.entries()) {
      const key = `retry-${i}`;
      const first = await handler.post(path, {}, { 'Idempotency-Key': key }).timeout(10_000);
      const retry = await handler.post(path, {}, { 'Idempotency-Key': key }).timeout(10_000);
      expect([path, retry.status]).toEqual([path, first.status]);
    }
    // The preview answers with HTML it writes itself: a retry runs it again (it changes nothing).
    const draft = {
      replyClass: 'A',
      disclosure: 'never',
      sections: [{ seq: 1, adoption: 'adopted', text: '已采纳。' }],
      topic: '测试工作',
      contact: { name: '王五', phone: '0571-88888888' },
    };
    const preview = `/api/proposals/${id}/letters/preview`;
    const first = await handler.post(preview, draft, { 'Idempotency-Key': 'preview-1' }).timeout(10_000).expect(200);
    const retry = await handler.post(preview, draft, { 'Idempotency-Key': 'preview-1' }).timeout(10_000).expect(200);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['content-type']).toMatch(/text\/html/);
    // A retried sign-out finds its token revoked by the first: signed out once, and the retry says so.
    await handler.post('/api/auth/sign-out', {}, { 'Idempotency-Key': 'sign-out-1' }).timeout(10_000).expect(204);
    const again = await handler.post('/api/auth/sign-out', {}, { 'Idempotency-Key': 'sign-out-1' }).timeout(10_000);
    expect([again.status, again.body.error?.code]).toEqual([401, 'TOKEN_REVOKED']);
    await stack.signIn('lead-handler');
  });

  it('keeps a key’s answer for the retention, then the purge deletes it and the key runs anew', async () => {
    const id = await assignedProposal();
    const key = `purge-${Date.now()}`;
    await cohandler.post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': key }).expect(200);
    // The record is made 73 hours old (the default retention is 72): one purge deletes it.
    const old = new Date(Date.now() - 73 * 3600_000).toISOString();
    await execSql(stack.dataSource, `UPDATE "idempotency_record" SET "created_at" = :old WHERE "key" = :key`, {
      old,
      key,
    });
    const fresh = await execSql(
      stack.dataSource,
      `SELECT count(*) AS "n" FROM "idempotency_record" WHERE "created_at" >= :old`,
      {
        old,
      },
    );
    const purge = stack.app.get(IdempotencyPurge);
    expect(await purge.purge()).toBeGreaterThanOrEqual(1);
    const left = await execSql(stack.dataSource, `SELECT "key", "created_at" FROM "idempotency_record"`, {});
    expect(left.rows.map((r) => r['key'])).not.toContain(key);
    // Records within the retention stay.
    expect(left.rows.length).toBeGreaterThanOrEqual(Number(fresh.rows[0]?.['n']) - 1);
    expect(await purge.purge()).toBe(0);
    // The same key now is a new request: the workflow refuses a second opinion, no replay.
    const again = await cohandler.post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': key });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('applies concurrent duplicates once', async () => {
    const id = await assignedProposal();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        cohandler.post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-c' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(results.map((r) => r.body.version)).size).toBe(1);
    const events = (await cohandler.get(`/api/proposals/${id}/events`).expect(200)).body;
    expect(events.filter((e: { type: string }) => e.type === 'opinion-submitted')).toHaveLength(1);
  });

  // Found by the fault tests (apps/fault-tests, the API killed mid-request): a request whose API
  // process died leaves its key in progress, and every later retry went to Temporal again
  // instead of being answered from the record.
  it('settles a key left in progress by an API that died mid-request: the next retry is a replay', async () => {
    const id = await assignedProposal();
    const first = await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-crash' })
      .expect(200);
    // As a killed process leaves it: the action applied, its answer never recorded.
    await execSql(
      stack.dataSource,
      `UPDATE "idempotency_record" SET "status" = 'in-progress', "response_status" = NULL, "response_body" = NULL
       WHERE "key" = 'op-crash'`,
    );
    const joined = await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-crash' })
      .expect(200);
    expect(joined.body).toEqual(first.body);
    const replayed = await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-crash' })
      .expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(first.body);
    const events = (await cohandler.get(`/api/proposals/${id}/events`).expect(200)).body;
    expect(events.filter((e: { type: string }) => e.type === 'opinion-submitted')).toHaveLength(1);
  });

  it('refuses a key reused for a different request, and remembers a refusal', async () => {
    const id = await assignedProposal();
    await cohandler.post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'op-r' }).expect(200);
    const reused = await cohandler
      .post(
        `/api/proposals/${id}/opinions`,
        { points: [{ seq: 1, adoption: 'for-reference', text: '改' }] },
        { 'Idempotency-Key': 'op-r' },
      )
      .expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const signer = await as(stack, 'lead-signer');
    const refused = await signer
      .post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }, { 'Idempotency-Key': 's-1' })
      .expect(409);
    const again = await signer
      .post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }, { 'Idempotency-Key': 's-1' })
      .expect(409);
    expect(again.body.error.code).toBe(refused.body.error.code);
    await cohandler
      .post(`/api/proposals/${id}/opinions`, opinion, { 'Idempotency-Key': 'bad key with spaces' })
      .expect(422);
  });

  it('gives every refusal its request id, also those before the body is read (bad JSON, 413, 415)', async () => {
    const token = await stack.token('registrar');
    const early: Array<[string, (r: request.Test) => request.Test, number]> = [
      ['bad JSON', (r) => r.set('content-type', 'application/json').send('{"kind":'), 400],
      ['too large', (r) => r.set('content-type', 'application/json').send(`{"x":"${'a'.repeat(2_000_000)}"}`), 413],
      ['not UTF-8', (r) => r.set('content-type', 'application/json; charset=latin1').send('{}'), 415],
    ];
    for (const [what, send, status] of early) {
      for (const given of ['req-given-1', undefined]) {
        let call = request(stack.url).post('/api/proposals').set('authorization', `Bearer ${token}`);
        if (given) call = call.set('x-request-id', given);
        const res = await send(call);
        expect([what, res.status]).toEqual([what, status]);
        const id = res.headers['x-request-id'];
        expect(id).toMatch(given ? /^req-given-1$/ : /^[0-9a-f-]{36}$/);
        expect(res.body.error.requestId).toBe(id);
      }
    }
  });

  it('names the field of every validation refusal, also when the workflow refuses', async () => {
    const invalid = await registrar
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        number: 'x1',
        title: 5,
        proposers: [{ lead: true }],
      })
      .expect(400);
    const fields = invalid.body.error.details.map((d: { field?: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'body', 'proposers[0].name']));
    expect(invalid.body.error.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);

    // The domain's own refusal, from the workflow's update validator: its details come through.
    const id = await assignedProposal();
    const refused = await cohandler
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 9, adoption: 'adopted', text: '同意' }] })
      .expect(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details).toEqual([{ field: 'points[0].seq', message: 'must be 1-1, each once' }]);

    // "The assignment is invalid" says why.
    const waiting = await acceptedProposal();
    const invalidAssignment = await officer
      .post(`/api/proposals/${waiting}/assignment`, { mode: 'lead', leadUnitId: 'industry-it' })
      .expect(422);
    expect(invalidAssignment.body.error.details).toEqual([
      { field: 'coHandlerUnitIds', message: 'lead mode needs at least one co-handling unit (else: single)' },
    ]);
  });

  it('sets security headers, echoes the request id, and allows no foreign origin', async () => {
    const res = await request(stack.url)
      .get('/api/health')
      .set('x-request-id', 'req-123')
      .set('origin', 'https://evil.example');
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const failed = await registrar.get('/api/proposals/8-2_nope').set('x-request-id', 'req-404').expect(404);
    expect(failed.body.error.requestId).toBe('req-404');
  });

  it('rejects forged, expired and alg:none tokens', async () => {
    const good = await stack.token('registrar');
    const [h, p] = good.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const forged = `${h}.${p}.${Buffer.from('not-the-signature').toString('base64url')}`;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const expired = `${h}.${Buffer.from(JSON.stringify({ ...payload, exp: 1 })).toString('base64url')}.${good.split('.')[2]}`;
    for (const token of [none, forged, expired, 'garbage']) {
      const res = await request(stack.url).get('/api/tasks').set('authorization', `Bearer ${token}`).expect(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers malformed JSON with 400 and unknown fields on a body-less action with 400', async () => {
    const res = await request(stack.url)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    const id = await assignedProposal();
    await (await as(stack, 'lead-handler')).post(`/api/proposals/${id}/dispatch`, { hack: 1 }).expect(400);
  });
});
