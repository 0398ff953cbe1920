import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

/**
 * What the proposal detail screen reads besides the proposal itself: a key proposal's
 * leaders, and the working days left on each running deadline and open task (as the inbox
 * counts them); the drafting workspace names the reply classes a draft may take.
 */
describe.each(testDatabases())('the proposal detail view ($name)', ({ config }) => {
  let stack: Stack;
  const users: Record<string, UserClient> = {};
  const session = `dv${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
  const id = `${session}_1`;
  const path = (p = '') => `/api/proposals/${id}${p}`;

  beforeAll(async () => {
    stack = await startStack(config);
    await openSession(stack, session);
    for (const u of ['registrar', 'officer', 'supervisor', 'lead-handler', 'education-cohandler']) {
      users[u] = await as(stack, u);
    }
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: session,
        sessionName: '市政协八届二次会议',
        number: '1',
        title: '关于加快数字经济发展的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
      })
      .expect(201);
    await users['registrar'].post(path('/review'), { decision: 'accept' }).expect(200);
    await users['officer']
      .post(path('/assignment'), { mode: 'lead', leadUnitId: 'industry-it', coHandlerUnitIds: ['education'] })
      .expect(200);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('has no leaders until the proposal is marked key, then names them', async () => {
    expect((await users['lead-handler'].get(path()).expect(200)).body).toMatchObject({
      keyProposal: false,
      keyLeaders: [],
    });
    await users['supervisor'].post(path('/key'), { leaders: ['王副市长', '李秘书长'] }).expect(200);
    expect((await users['education-cohandler'].get(path()).expect(200)).body).toMatchObject({
      keyProposal: true,
      keyLeaders: ['王副市长', '李秘书长'],
    });
  });

  it('counts the working days left on every running deadline and open task, as the inbox does', async () => {
    const detail = (await users['lead-handler'].get(path()).expect(200)).body;
    const reply = detail.deadlines.find((d: { key: string }) => d.key === 'reply:industry-it');
    expect(reply).toMatchObject({ status: 'running', workingDaysOverdue: null });
    // Three months hold at least 55 working days, whatever the holidays.
    expect(reply.workingDaysLeft).toBeGreaterThan(55);
    const objection = detail.deadlines.find((d: { key: string }) => d.key === 'objection:education');
    expect(objection.workingDaysLeft).toBeGreaterThanOrEqual(4);
    expect(objection.workingDaysLeft).toBeLessThanOrEqual(5);

    const opinionTask = detail.tasks.find((t: { kind: string }) => t.kind === 'opinion');
    const inbox = (await users['education-cohandler'].get('/api/tasks?pageSize=200').expect(200)).body;
    const inboxTask = inbox.items.find((t: { id: string }) => t.id === opinionTask.id);
    expect(opinionTask).toMatchObject({
      unitId: 'education',
      workingDaysLeft: inboxTask.workingDaysLeft,
      workingDaysOverdue: null,
    });
    expect(opinionTask.workingDaysLeft).toBeGreaterThan(15);
  });

  it('leaves the working days out of deadlines that no longer run', async () => {
    await users['education-cohandler']
      .post(path('/opinions'), { points: [{ seq: 1, adoption: 'adopted', text: '已纳入计划。' }] })
      .expect(200);
    const detail = (await users['lead-handler'].get(path()).expect(200)).body;
    expect(detail.deadlines.find((d: { key: string }) => d.key === 'opinion:education')).toMatchObject({
      status: 'met',
      workingDaysLeft: null,
      workingDaysOverdue: null,
    });
  });

  it('names the reply classes in the drafting workspace', async () => {
    const ws = (await users['lead-handler'].get(path('/workspace')).expect(200)).body;
    expect(ws.replyClasses).toEqual(['A', 'B', 'C']);
  });
});
