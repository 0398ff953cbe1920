import { ProposalUpdateName } from '@banli/contracts';
import { UserEntity } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import request from 'supertest';
import { ACTION_ROLES } from '../src/app/actions/proposal-actions.service';
import { DEMO_USERS } from '../src/app/seed/demo-city';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';

/**
 * Every role × every endpoint × a proposal of the caller's unit and one of another unit.
 * Refusals are exact (404 for what the caller may not see, 403 for a role that may not act)
 * and change nothing; allowed calls reach the workflow, whose own verdict may still refuse.
 */
const points = [{ seq: 1, adoption: 'adopted', text: '同意' }];
const ENDPOINTS: { action: ProposalUpdateName; path: string; body: object }[] = [
  { action: 'review', path: 'review', body: { decision: 'accept' } },
  { action: 'assign', path: 'assignment', body: { mode: 'single', unitIds: ['education'] } },
  { action: 'object', path: 'objections', body: { reason: '不属于本单位职责' } },
  { action: 'decideObjection', path: 'objections/1/decision', body: { decision: 'reject', reason: '维持' } },
  { action: 'submitOpinion', path: 'opinions', body: { points } },
  { action: 'returnOpinion', path: 'opinions/education/return', body: { reason: '请补充' } },
  { action: 'waiveOpinion', path: 'opinions/education/waiver', body: { reason: '免于会办' } },
  {
    action: 'recordContact',
    path: 'contacts',
    body: { method: 'call', contactedAt: '2026-01-05T02:00:00.000Z', summary: '电话' },
  },
  {
    action: 'saveDraft',
    path: 'draft-versions',
    body: {
      replyClass: 'A',
      disclosure: 'never',
      sections: points,
      topic: '测试',
      contact: { name: '张三', phone: '1' },
    },
  },
  {
    action: 'submitDraft',
    path: 'drafts',
    body: {
      replyClass: 'A',
      disclosure: 'never',
      sections: points,
      topic: '测试',
      contact: { name: '张三', phone: '1' },
    },
  },
  { action: 'reviewDraft', path: 'drafts/review', body: { decision: 'approve' } },
  { action: 'signOff', path: 'sign-off', body: { decision: 'sign' } },
  { action: 'dispatch', path: 'dispatch', body: {} },
  {
    action: 'recordFeedback',
    path: 'feedback',
    body: { unitId: 'industry-it', proposer: '李明', rating: 'satisfied' },
  },
  { action: 'reportFollowUp', path: 'follow-up', body: { summary: '已完成' } },
  { action: 'confirmPublication', path: 'publication', body: {} },
  {
    action: 'requestExtension',
    path: 'extensions',
    body: { deadlineKey: 'opinion:education', requestedEndDate: '2099-01-01', reason: '调研' },
  },
  { action: 'decideExtension', path: 'extensions/1/decision', body: { decision: 'refuse', reason: '不同意' } },
  { action: 'markKey', path: 'key', body: { leaders: ['张副市长'] } },
  { action: 'sendReminder', path: 'reminders', body: { unitId: 'education', message: '请抓紧办理' } },
];

/** Read-only views for supervisors and the assigning office only. */
const SUPERVISION_VIEWS = [
  '/api/supervision/proposals',
  '/api/supervision/deadlines?state=overdue',
  '/api/supervision/deadlines?state=due-soon',
  '/api/supervision/statistics',
  '/api/supervision/statistics?format=csv',
];
const SUPERVISES = new Set(['officer', 'supervisor']);

const USERS = [
  'registrar',
  'officer',
  'supervisor',
  'admin',
  'lead-handler',
  'lead-reviewer',
  'lead-signer',
  'education-cohandler',
  'market-regulation-handler',
];
const SEE_ALL = new Set(['registrar', 'officer', 'supervisor', 'admin']);

describe.each(testDatabases())('authorization matrix ($name)', ({ config }) => {
  let stack: Stack;
  const clients: Record<string, UserClient> = {};
  let own: string; // lead industry-it, co-handler education
  let foreign: string; // lead government-data, co-handler human-resources

  async function proposal(lead: string, coHandler: string): Promise<string> {
    const number = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    await clients['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '9-1',
        sessionName: '市政协九届一次会议',
        number,
        title: '矩阵测试提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    const id = `9-1_${number}`;
    await clients['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await clients['officer']
      .post(`/api/proposals/${id}/assignment`, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [coHandler] })
      .expect(200);
    return id;
  }

  const eventCount = async (id: string) =>
    (await clients['supervisor'].get(`/api/proposals/${id}/events`).expect(200)).body.length;

  beforeAll(async () => {
    stack = await startStack(config);
    for (const u of USERS) clients[u] = await as(stack, u);
    own = await proposal('industry-it', 'education');
    foreign = await proposal('government-data', 'human-resources');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const unitOf = (username: string) => DEMO_USERS.find((u) => u.username === username)?.unitId as string;
  const rolesOf = (username: string) => DEMO_USERS.find((u) => u.username === username)?.roles ?? [];
  const canSee = (username: string, which: 'own' | 'foreign') =>
    SEE_ALL.has(username) ||
    (which === 'own' ? ['industry-it', 'education'] : ['government-data', 'human-resources']).includes(
      unitOf(username),
    );

  it.each(USERS)('reads exactly the proposals %s may see', async (username) => {
    for (const which of ['own', 'foreign'] as const) {
      const id = which === 'own' ? own : foreign;
      const expected = canSee(username, which) ? 200 : 404;
      await clients[username].get(`/api/proposals/${id}`).expect(expected);
      await clients[username].get(`/api/proposals/${id}/events`).expect(expected);
    }
    const inbox = (await clients[username].get('/api/tasks?pageSize=200').expect(200)).body;
    for (const t of inbox.items) expect(t.unitId).toBe(unitOf(username));
  });

  it.each(USERS)('lets %s act only where role and unit allow, and a refusal changes nothing', async (username) => {
    for (const which of ['own', 'foreign'] as const) {
      const id = which === 'own' ? own : foreign;
      for (const e of ENDPOINTS) {
        const before = await eventCount(id);
        const res = await clients[username].post(`/api/proposals/${id}/${e.path}`, e.body);
        const cell = `${username} ${e.action} on ${which}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        if (!canSee(username, which)) {
          expect({ cell, status: res.status, code: res.body.error?.code }).toEqual({
            cell,
            status: 404,
            code: 'PROPOSAL_NOT_FOUND',
          });
        } else if (!ACTION_ROLES[e.action].some((r) => rolesOf(username).includes(r))) {
          expect({ cell, status: res.status, code: res.body.error?.code }).toEqual({
            cell,
            status: 403,
            code: 'ROLE_REQUIRED',
          });
        } else {
          // Allowed to try: the workflow's rules decide (accepted, or a coded refusal).
          expect({ cell, ok: [200, 403, 409, 422].includes(res.status) }).toEqual({ cell, ok: true });
          if (res.status === 403) expect(res.body.error.code).toBe('NOT_ASSIGNED');
        }
        if (res.status !== 200) expect({ cell, events: await eventCount(id) }).toEqual({ cell, events: before });
      }
    }
  });

  it.each(USERS)('lets %s read the supervision views only with a supervising role', async (username) => {
    for (const path of SUPERVISION_VIEWS) {
      const res = await clients[username].get(path);
      expect({ username, path, status: res.status }).toEqual({
        username,
        path,
        status: SUPERVISES.has(username) ? 200 : 403,
      });
    }
  });

  it('lets a unit act only on its own tasks within a proposal it shares', async () => {
    const res = await clients['education-cohandler']
      .post(`/api/proposals/${own}/extensions`, {
        deadlineKey: 'reply:industry-it',
        requestedEndDate: '2099-01-01',
        reason: '延期',
      })
      .expect(403);
    expect(res.body.error.code).toBe('NOT_ASSIGNED');
  });

  it('refuses a disabled user and a token issued before the user moved to another unit', async () => {
    const token = await stack.token('lead-reviewer');
    const users = stack.dataSource.getRepository(UserEntity);
    await users.update({ username: 'lead-reviewer' }, { unitId: 'education' });
    const moved = await request(stack.url).get('/api/tasks').set('authorization', `Bearer ${token}`).expect(401);
    expect(moved.body.error.code).toBe('UNAUTHENTICATED');
    await users.update({ username: 'lead-reviewer' }, { unitId: 'industry-it', disabled: 1 });
    await request(stack.url).get('/api/tasks').set('authorization', `Bearer ${token}`).expect(401);
    await request(stack.url)
      .post('/api/auth/login')
      .send({ username: 'lead-reviewer', password: 'demo-password' })
      .expect(401);
    await users.update({ username: 'lead-reviewer' }, { disabled: 0 });
  });
});
