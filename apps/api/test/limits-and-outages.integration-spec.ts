import * as fs from 'node:fs';
import request from 'supertest';
import { NativeConnection } from '@temporalio/worker';
import type { INestApplication } from '@nestjs/common';
import { handlingConfigFromEnv } from '@banli/config';
import { PROPOSAL_WORKFLOW_TYPE, ProposalWorkflowInput } from '@banli/contracts';
import { postgresAdminUrl, testDatabases } from '@banli/testing';
import { createBanliWorker } from '@banli/worker';
import { createApp } from '../src/app/create-app';
import { checkResponsesAgainstOpenApi } from './support/openapi-responses';
import { as } from './support/api-client';
import { startStack, Stack } from './support/stack';

const [, sqlite] = testDatabases();

describe('login rate limiting', () => {
  let stack: Stack;
  const saved = process.env['LOGIN_ATTEMPTS_PER_MINUTE'];

  beforeAll(async () => {
    process.env['LOGIN_ATTEMPTS_PER_MINUTE'] = '5';
    stack = await startStack(sqlite.config);
  });
  afterAll(async () => {
    await stack?.close();
    if (saved === undefined) delete process.env['LOGIN_ATTEMPTS_PER_MINUTE'];
    else process.env['LOGIN_ATTEMPTS_PER_MINUTE'] = saved;
  });

  it('answers 429 after too many attempts, and only for the login route', async () => {
    const attempt = () => request(stack.url).post('/api/auth/login').send({ username: 'registrar', password: 'wrong' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await attempt();
    expect(limited.body.error.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    expect(limited.body.error.message).not.toMatch(/Throttler/);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.error.requestId).toBe(limited.headers['x-request-id']);
    await request(stack.url).get('/api/health').expect(200);
  });
});

describe('when Temporal cannot be reached', () => {
  let stack: Stack;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    stack = await startStack(sqlite.config);
    await as(stack, 'registrar'); // the demo city is seeded; sign-in works without Temporal
    const saved = process.env['TEMPORAL_ADDRESS'];
    process.env['TEMPORAL_ADDRESS'] = '127.0.0.1:1';
    app = await createApp({ host: '127.0.0.1', port: 0, bodyLimit: '1mb' }, { logger: false });
    checkResponsesAgainstOpenApi(app);
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    process.env['TEMPORAL_ADDRESS'] = saved;
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('answers 503 with a coded error, quickly, and keeps serving reads', async () => {
    const login = await request(url)
      .post('/api/auth/login')
      .send({ username: 'registrar', password: 'demo-password' })
      .expect(200);
    const bearer = `Bearer ${login.body.accessToken}`;
    const started = Date.now();
    const res = await request(url)
      .post('/api/proposals')
      .set('authorization', bearer)
      .send({
        kind: 'proposal',
        sessionCode: '8-2',
        number: `${Date.now()}`,
        title: '题',
        proposers: [{ name: '甲', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
    expect(Date.now() - started).toBeLessThan(30_000);
    const ready = await request(url).get('/api/health/ready').expect(503);
    expect(ready.body.error.code).toBe('SERVICE_UNAVAILABLE');
    await request(url).get('/api/tasks').set('authorization', bearer).expect(200);
  });
});

describe('when PostgreSQL refuses connections', () => {
  const [postgres] = testDatabases();
  let stack: Stack;
  const dbName = () => new URL((postgres.config as { url: string }).url).pathname.slice(1);

  async function admin(sql: string): Promise<void> {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: postgresAdminUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    stack = await startStack(postgres.config);
  });
  afterAll(async () => {
    await admin(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`);
    await stack?.close();
  });

  it('answers 503 (never a hang or a stack trace), and serves again once it is back', async () => {
    const registrar = await as(stack, 'registrar');
    await registrar.get('/api/tasks').expect(200);
    await admin(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS false`);
    await admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName()}' AND pid <> pg_backend_pid()`,
    );

    const started = Date.now();
    const down = await registrar.get('/api/tasks');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(15_000);
    await request(stack.url).get('/api/health/ready').expect(503);
    await request(stack.url).get('/api/health').expect(200);

    await admin(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`);
    await registrar.get('/api/tasks').expect(200);
    await request(stack.url).get('/api/health/ready').expect(200);
  });
});

describe('when the workflow cannot finish an action in time', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(sqlite.config);
  });
  afterAll(async () => {
    await stack?.close();
  });

  // Found by the fault tests (apps/fault-tests): an action in flight when the database went
  // down waited for the whole outage (its update waits for the projection, which retries),
  // although an action must answer 503 after 15 s at most, for the caller to retry.
  it('answers 503 after about 15 s instead of hanging; the retry with the same key is applied once', async () => {
    const registrar = await as(stack, 'registrar');
    const number = `${Date.now()}9`;
    // With the session's name: the workflow below is started with it directly, as the API does.
    const registration = {
      kind: 'proposal',
      sessionCode: '8-2',
      sessionName: '市政协八届二次会议',
      number,
      title: '题',
      proposers: [{ name: '甲', lead: true }],
      body: '正文',
      suggestionPoints: [{ seq: 1, text: '建议' }],
    };
    await registrar.post('/api/proposals', registration).expect(201);
    const id = `8-2_${number}`;
    // Its workflow goes on in a new run on a task queue that no worker polls: it takes no action.
    const workflowId = `proposal-${id}`;
    await stack.client.workflow.getHandle(workflowId).terminate('test: stall the workflow');
    const input: ProposalWorkflowInput = {
      proposalId: id,
      registration: registration as ProposalWorkflowInput['registration'],
      receivedAt: new Date().toISOString(),
      settings: handlingConfigFromEnv().normal,
    };
    const stalled = await stack.client.workflow.start(PROPOSAL_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: `${stack.taskQueue}-nobody-polls`,
      args: [input],
    });

    const key = { 'Idempotency-Key': `stalled-${number}` };
    const started = Date.now();
    const res = await registrar.post(`/api/proposals/${id}/review`, { decision: 'accept' }, key);
    const waited = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(waited).toBeGreaterThanOrEqual(14_000);
    expect(waited).toBeLessThan(30_000);

    // The workflow comes back (a worker for its queue): the retry gets the review done, once.
    const connection = await NativeConnection.connect({
      address: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
    });
    const worker = await createBanliWorker({
      connection,
      namespace: 'default',
      taskQueue: `${stack.taskQueue}-nobody-polls`,
      dataSource: stack.dataSource,
      workflowBundle: { code: fs.readFileSync(process.env['WORKFLOW_BUNDLE_PATH'] as string, 'utf8') },
    });
    const running = worker.run();
    try {
      const retried = await registrar.post(`/api/proposals/${id}/review`, { decision: 'accept' }, key).expect(200);
      expect(retried.body.stage).toBe('assignment');
      const again = await registrar.post(`/api/proposals/${id}/review`, { decision: 'accept' }, key).expect(200);
      expect(again.body).toEqual(retried.body);
      const events = (await registrar.get(`/api/proposals/${id}/events`).expect(200)).body as { type: string }[];
      expect(events.filter((e) => e.type === 'reviewed')).toHaveLength(1);
    } finally {
      await stalled.terminate('test done').catch(() => undefined);
      worker.shutdown();
      await running;
      await connection.close();
    }
  });
});
