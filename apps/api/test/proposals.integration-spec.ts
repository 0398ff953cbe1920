import request from 'supertest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { proposalWorkflowIdOf } from '@banli/domain';
import { testDatabases } from '@banli/testing';
import { startStack, Stack } from './support/stack';
import { as, UserClient } from './support/api-client';

const registration = (number: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  sessionCode: '8-2',
  sessionName: '市政协八届二次会议',
  number,
  title: '关于加快数字经济发展的提案',
  proposers: [
    { name: '李明', lead: true },
    { name: '王芳', lead: false },
  ],
  body: '数字经济是……建议如下。',
  suggestionPoints: [
    { seq: 1, text: '加快5G基站建设' },
    { seq: 2, text: '培育数据要素市场' },
  ],
  ...overrides,
});

describe.each(testDatabases())('registering a proposal on the real stack ($name)', ({ config }) => {
  let stack: Stack;
  let registrar: UserClient;
  const number = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

  beforeAll(async () => {
    stack = await startStack(config);
    registrar = await as(stack, 'registrar');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers health and readiness once it serves', async () => {
    await request(stack.url).get('/api/health').expect(200, { status: 'ok' });
    await request(stack.url).get('/api/health/ready').expect(200);
  });

  it('refuses anonymous callers and callers without the registrar role', async () => {
    const anonymous = await request(stack.url).post('/api/proposals').send(registration(number())).expect(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const handler = await as(stack, 'lead-handler');
    const res = await handler.post('/api/proposals', registration(number())).expect(403);
    expect(res.body.error.code).toBe('ROLE_REQUIRED');
  });

  it('registers a proposal, starts its workflow and reads it back with its stage', async () => {
    const n = number();
    const created = await registrar.post('/api/proposals', registration(n)).expect(201);
    expect(created.body).toMatchObject({ id: `8-2_${n}`, stage: 'registered', title: '关于加快数字经济发展的提案' });

    const read = await registrar.get(`/api/proposals/8-2_${n}`).expect(200);
    expect(read.body).toMatchObject({
      id: `8-2_${n}`,
      workflowId: proposalWorkflowIdOf(`8-2_${n}`),
      stage: 'registered',
      proposers: [
        { name: '李明', lead: true },
        { name: '王芳', lead: false },
      ],
      suggestionPoints: [
        { seq: 1, text: '加快5G基站建设' },
        { seq: 2, text: '培育数据要素市场' },
      ],
    });
    const description = await stack.client.workflow.getHandle(proposalWorkflowIdOf(`8-2_${n}`)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('proposalWorkflow');
  });

  it('does not start a second workflow when the same registration is repeated', async () => {
    const n = number();
    await registrar.post('/api/proposals', registration(n)).expect(201);
    const handle = stack.client.workflow.getHandle(proposalWorkflowIdOf(`8-2_${n}`));
    const firstRun = (await handle.describe()).runId;

    const repeats = await Promise.all([1, 2, 3].map(() => registrar.post('/api/proposals', registration(n))));
    for (const r of repeats) {
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(`8-2_${n}`);
    }
    expect((await handle.describe()).runId).toBe(firstRun);
    // Visibility is eventually consistent: wait until it lists the first run, then make sure
    // it lists no other.
    const runs = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of stack.client.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) {
        ids.push(wf.runId);
      }
      return ids.includes(firstRun) ? ids : undefined;
    });
    expect(runs).toEqual([firstRun]);
  });

  it('refuses a different proposal under a number already taken, and keeps the first', async () => {
    const n = number();
    await registrar.post('/api/proposals', registration(n)).expect(201);
    const conflict = await registrar.post('/api/proposals', registration(n, { title: '另一件提案' })).expect(409);
    expect(conflict.body.error.code).toBe('PROPOSAL_ALREADY_REGISTERED');
    const read = await registrar.get(`/api/proposals/8-2_${n}`).expect(200);
    expect(read.body.title).toBe('关于加快数字经济发展的提案');
  });

  it('rejects bad input with a coded error and registers nothing', async () => {
    const n = number();
    const twoLeads = await registrar
      .post(
        '/api/proposals',
        registration(n, {
          proposers: [
            { name: '甲', lead: true },
            { name: '乙', lead: true },
          ],
        }),
      )
      .expect(422);
    expect(twoLeads.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(twoLeads.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'proposers' })]),
    );

    const unknownField = await registrar.post('/api/proposals', { ...registration(n), secretAdmin: true }).expect(400);
    expect(unknownField.body.error.code).toBe('BAD_REQUEST');

    await registrar.post('/api/proposals', { ...registration(n), number: 'bad number!' }).expect(422);
    await registrar.get(`/api/proposals/8-2_${n}`).expect(404);
    await expect(stack.client.workflow.getHandle(proposalWorkflowIdOf(`8-2_${n}`)).describe()).rejects.toThrow(
      WorkflowNotFoundError,
    );
  });

  it('answers 404 with a coded error for an unknown or malformed id', async () => {
    const res = await registrar.get('/api/proposals/8-2_none').expect(404);
    expect(res.body.error.code).toBe('PROPOSAL_NOT_FOUND');
    await registrar.get(`/api/proposals/${encodeURIComponent("x' OR 1=1 --")}`).expect(404);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await registrar
      .post('/api/proposals', registration(number(), { body: 'x'.repeat(1_200_000) }))
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
