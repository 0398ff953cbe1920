import { ProposalUpdateName } from '@banli/contracts';
import { HANDLING_ACTION_NAMES, HANDLING_ACTIONS, type Role } from '@banli/domain';
import { UserEntity } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import request from 'supertest';
import { DEMO_USERS } from '../src/app/seed/demo-city';
import { as, UserClient } from './support/api-client';
import { draftOf, readyToSign, staffOf } from './support/proposals';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

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
  '/api/supervision/statistics?groupBy=session&from=2026-01-01&to=2026-12-31&format=xlsx',
  '/api/supervision/proposals?format=csv',
  '/api/supervision/deadlines?state=overdue&heldBy=education&format=xlsx',
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

/**
 * Who may call each endpoint that is not a proposal action (those are ENDPOINTS above). Every
 * operation of the OpenAPI document must be here or in ENDPOINTS: a new endpoint fails the
 * matrix until someone decides who may use it.
 * - `public`: no token needed;
 * - `signed-in`: any signed-in user, for their own data (their unit's inbox, their notifications);
 * - `scoped`: any signed-in user, for a proposal they may see (else 404 PROPOSAL_NOT_FOUND);
 * - a list of roles: only those (else 403 ROLE_REQUIRED), `scoped` too when it names a proposal.
 */
type Access = 'public' | 'signed-in' | 'scoped' | { roles: Role[]; scoped?: true };
const ACCESS: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/session': 'public',
  'DELETE /api/auth/session': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/sign-out': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/auth/providers': 'public',
  'GET /api/auth/oidc/login': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/public/replies': 'public',
  'GET /api/public/replies/{proposalId}/{unitId}/{round}': 'public',
  'GET /api/public/replies/{proposalId}/{unitId}/{round}/letter.pdf': 'public',
  'POST /api/proposals': { roles: ['registrar'] },
  'POST /api/proposals/import': { roles: ['registrar'] },
  'POST /api/proposals/assignments': { roles: ['assigning-officer'] },
  'GET /api/proposals/{id}/assignment-suggestion': { roles: ['assigning-officer'] },
  'GET /api/proposals': 'signed-in',
  'GET /api/proposals/{id}': 'scoped',
  'GET /api/proposals/{id}/events': 'scoped',
  'GET /api/proposals/{id}/letters': 'scoped',
  'GET /api/proposals/{id}/verification': 'scoped',
  'GET /api/proposals/{id}/letters/{unitId}/{round}/{format}': 'scoped',
  'POST /api/proposals/{id}/letters/preview': { roles: ['handler', 'reviewer', 'signer'], scoped: true },
  'GET /api/proposals/{id}/workspace': 'scoped',
  'GET /api/proposals/{id}/similar-replies': { roles: ['handler', 'reviewer', 'signer'], scoped: true },
  'GET /api/tasks': 'signed-in',
  'GET /api/units': 'signed-in',
  'GET /api/sessions': 'signed-in',
  'POST /api/admin/sessions': { roles: ['admin'] },
  'PUT /api/admin/sessions/{code}': { roles: ['admin'] },
  'POST /api/admin/sessions/{code}/close': { roles: ['admin'] },
  'POST /api/admin/sessions/{code}/reopen': { roles: ['admin'] },
  'GET /api/notifications': 'signed-in',
  'POST /api/notifications/read-all': 'signed-in',
  'POST /api/notifications/{id}/read': 'signed-in',
  'GET /api/supervision/proposals': { roles: ['supervisor', 'assigning-officer'] },
  'GET /api/supervision/deadlines': { roles: ['supervisor', 'assigning-officer'] },
  'GET /api/supervision/statistics': { roles: ['supervisor', 'assigning-officer'] },
  'GET /api/proposals/{id}/supervision-documents': 'scoped',
  'POST /api/proposals/{id}/supervision-notices': { roles: ['supervisor'], scoped: true },
  'POST /api/supervision/circulars': { roles: ['supervisor'] },
  'GET /api/supervision/circulars': { roles: ['supervisor'] },
  // Per document: supervisors, the issuing office and its addressees; anyone else 404.
  'GET /api/supervision-documents/{docId}': 'signed-in',
  'GET /api/supervision-documents/{docId}/{format}': 'signed-in',
  'GET /api/admin/document-number-pools': { roles: ['admin'] },
  'PUT /api/admin/document-number-pools/{issuerCode}/{year}': { roles: ['admin'] },
  'PUT /api/admin/units/{unitId}/issuer-code': { roles: ['admin'] },
  'GET /api/admin/notification-deliveries': { roles: ['admin'] },
  'GET /api/admin/notification-deliveries/{id}': { roles: ['admin'] },
  'POST /api/admin/notification-deliveries/{id}/retry': { roles: ['admin'] },
  'GET /api/admin/external-identities': { roles: ['admin'] },
  'POST /api/admin/external-identities': { roles: ['admin'] },
  'DELETE /api/admin/external-identities': { roles: ['admin'] },
  'POST /api/admin/calendars': { roles: ['admin'] },
  'GET /api/admin/calendars': { roles: ['admin'] },
  'GET /api/admin/calendars/status': { roles: ['admin'] },
  'GET /api/admin/calendars/{seq}/report': { roles: ['admin'] },
  'GET /api/people': 'signed-in',
  'GET /api/people/key-leaders': 'signed-in',
  'GET /api/city': 'signed-in',
  'GET /api/admin/units': { roles: ['admin'] },
  'POST /api/admin/units': { roles: ['admin'] },
  'PATCH /api/admin/units/{unitId}': { roles: ['admin'] },
  'GET /api/admin/people': { roles: ['admin'] },
  'POST /api/admin/people': { roles: ['admin'] },
  'PATCH /api/admin/people/{userId}': { roles: ['admin'] },
  'POST /api/admin/organisation/import': { roles: ['admin'] },
  'GET /api/admin/city-settings': { roles: ['admin'] },
  'PUT /api/admin/city-settings': { roles: ['admin'] },
  'GET /api/admin/events': { roles: ['admin'] },
  'GET /api/admin/letter-wording': { roles: ['admin'] },
  'PUT /api/admin/letter-wording/city': { roles: ['admin'] },
  'DELETE /api/admin/letter-wording/city': { roles: ['admin'] },
  'PUT /api/admin/letter-wording/units/{unitId}': { roles: ['admin'] },
  'DELETE /api/admin/letter-wording/units/{unitId}': { roles: ['admin'] },
  'POST /api/admin/users/{userId}/password-reset': { roles: ['admin'] },
  'POST /api/admin/users/{userId}/disable': { roles: ['admin'] },
  'POST /api/admin/users/{userId}/enable': { roles: ['admin'] },
};

it("has an endpoint for every action of the domain's actions table", () => {
  expect(ENDPOINTS.map((e) => e.action).sort()).toEqual([...HANDLING_ACTION_NAMES].sort());
});

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

  let ownSigned: string; // industry-it alone, signed
  let foreignSigned: string; // government-data alone, signed

  async function signed(unitId: string): Promise<string> {
    const number = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const id = `9-1_${number}`;
    await clients['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '9-1',
        sessionName: '市政协九届一次会议',
        number,
        title: '矩阵测试提案（已签发）',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    await clients['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await clients['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [unitId] }).expect(200);
    await readyToSign(clients, id, unitId);
    await clients[staffOf(unitId).signer].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    return id;
  }

  const eventCount = async (id: string) =>
    (await clients['supervisor'].get(`/api/proposals/${id}/events`).expect(200)).body.length;

  beforeAll(async () => {
    stack = await startStack(config);
    for (const u of USERS) clients[u] = await as(stack, u);
    await openSession(stack, '9-1', '市政协九届一次会议');
    own = await proposal('industry-it', 'education');
    foreign = await proposal('government-data', 'human-resources');
    for (const u of Object.values(staffOf('government-data'))) clients[u] = await as(stack, u);
    ownSigned = await signed('industry-it');
    foreignSigned = await signed('government-data');
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
        } else if (!HANDLING_ACTIONS[e.action].roles.some((r) => rolesOf(username).includes(r))) {
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

  describe('every other endpoint', () => {
    const canSeeSigned = (username: string, which: 'own' | 'foreign') =>
      SEE_ALL.has(username) || unitOf(username) === (which === 'own' ? 'industry-it' : 'government-data');
    const hasAnyRole = (username: string, roles: Role[]) => roles.some((r) => rolesOf(username).includes(r));
    const cell = (what: string, res: { status: number; body: { error?: { code?: string } } }) => ({
      what,
      status: res.status,
      code: res.body?.error?.code ?? null,
    });

    it('classifies every operation of the OpenAPI document', async () => {
      const doc = (await request(stack.url).get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const actionTemplate = (path: string) =>
        `POST /api/proposals/{id}/${path.replace('objections/1/', 'objections/{objectionId}/').replace('extensions/1/', 'extensions/{extensionId}/').replace('opinions/education/', 'opinions/{unitId}/')}`;
      const classified = new Set([...Object.keys(ACCESS), ...ENDPOINTS.map((e) => actionTemplate(e.path))]);
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(operations.filter((o) => !classified.has(o))).toEqual([]);
      expect([...classified].filter((o) => !operations.includes(o))).toEqual([]);
    });

    it('answers 401 on every non-public operation without a token, and serves the public ones', async () => {
      const doc = (await request(stack.url).get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const sample: Record<string, string> = {
        id: own,
        proposalId: ownSigned,
        unitId: 'industry-it',
        round: '1',
        format: 'html',
        issuerCode: encodeURIComponent('X工信函'),
        year: '2026',
        objectionId: '1',
        extensionId: '1',
      };
      for (const [template, methods] of Object.entries(doc.paths)) {
        for (const method of Object.keys(methods)) {
          const op = `${method.toUpperCase()} ${template}`;
          const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => sample[name] ?? 'x');
          const res = await request(stack.url)[method as 'get' | 'post' | 'put' | 'delete'](path).send({});
          if (ACCESS[op] === 'public') {
            expect({ op, unauthenticated: res.status === 401 }).toEqual({ op, unauthenticated: false });
          } else {
            expect(cell(op, res)).toEqual({ what: op, status: 401, code: 'UNAUTHENTICATED' });
          }
        }
      }
      // An unpublished reply is no public reply.
      await request(stack.url).get(`/api/public/replies/${ownSigned}/industry-it/1`).expect(404);
      await request(stack.url).get(`/api/public/replies/${ownSigned}/industry-it/1/letter.pdf`).expect(404);
    });

    it.each(USERS)(
      'lets %s read letters, the workspace, the verification and similar replies only of proposals it may see',
      async (username) => {
        for (const which of ['own', 'foreign'] as const) {
          const id = which === 'own' ? ownSigned : foreignSigned;
          const unit = which === 'own' ? 'industry-it' : 'government-data';
          const visible = canSeeSigned(username, which);
          const list = await clients[username].get(`/api/proposals/${id}/letters`);
          const html = await clients[username].get(`/api/proposals/${id}/letters/${unit}/1/html`);
          const pdf = await clients[username].get(`/api/proposals/${id}/letters/${unit}/1/pdf`);
          const workspace = await clients[username].get(`/api/proposals/${id}/workspace`);
          const verification = await clients[username].get(`/api/proposals/${id}/verification`);
          for (const [what, res] of Object.entries({ list, html, pdf, workspace, verification })) {
            expect(cell(`${username} ${what} ${which}`, res)).toEqual(
              visible
                ? { what: `${username} ${what} ${which}`, status: 200, code: null }
                : { what: `${username} ${what} ${which}`, status: 404, code: 'PROPOSAL_NOT_FOUND' },
            );
          }
          if (visible) expect(list.body.map((l: { unitId: string }) => l.unitId)).toEqual([unit]);

          // The preview and the similar replies need a drafting role, then the proposal must be visible.
          const preview = await clients[username].post(`/api/proposals/${id}/letters/preview`, draftOf());
          const similar = await clients[username].get(`/api/proposals/${id}/similar-replies`);
          for (const [kind, res] of Object.entries({ preview, similar })) {
            const what = `${username} ${kind} ${which}`;
            if (!hasAnyRole(username, ['handler', 'reviewer', 'signer'])) {
              expect(cell(what, res)).toEqual({ what, status: 403, code: 'ROLE_REQUIRED' });
            } else if (!visible) {
              expect(cell(what, res)).toEqual({ what, status: 404, code: 'PROPOSAL_NOT_FOUND' });
            } else {
              expect(cell(what, res)).toEqual({ what, status: 200, code: null });
            }
          }
        }
      },
    );

    it.each(USERS)('lists for %s only the proposals it may see', async (username) => {
      const items: { id: string }[] = [];
      for (let page = 1; ; page++) {
        const res = await clients[username].get(`/api/proposals?sessionCode=9-1&pageSize=200&page=${page}`).expect(200);
        items.push(...res.body.items);
        if (res.body.items.length < 200) break;
      }
      const ids = items.map((p) => p.id);
      const expected = {
        own: canSee(username, 'own'),
        foreign: canSee(username, 'foreign'),
        ownSigned: canSeeSigned(username, 'own'),
        foreignSigned: canSeeSigned(username, 'foreign'),
      };
      expect({
        username,
        own: ids.includes(own),
        foreign: ids.includes(foreign),
        ownSigned: ids.includes(ownSigned),
        foreignSigned: ids.includes(foreignSigned),
      }).toEqual({ username, ...expected });
    });

    it.each(USERS)('lets %s register, import, assign in bulk and administer only with the role', async (username) => {
      const registration = {
        kind: 'proposal',
        sessionCode: '9-9',
        sessionName: '矩阵',
        number: `r${Date.now()}`,
        title: '不应登记',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      };
      const registrar = username === 'registrar';
      const register = await clients[username].post('/api/proposals', registrar ? {} : registration);
      const imported = await clients[username].post(
        '/api/proposals/import',
        registrar ? {} : { proposals: [registration] },
      );
      for (const [what, res] of Object.entries({ register, imported })) {
        expect(cell(`${username} ${what}`, res)).toEqual(
          registrar
            ? { what: `${username} ${what}`, status: 400, code: 'BAD_REQUEST' } // the role passes; the body does not
            : { what: `${username} ${what}`, status: 403, code: 'ROLE_REQUIRED' },
        );
      }
      // Bulk assignment: the assigning office only; its rows would be refused per row by the workflow.
      const officer = rolesOf(username).includes('assigning-officer');
      const bulk = await clients[username].post(
        '/api/proposals/assignments',
        officer ? {} : { assignments: [{ proposalId: own, mode: 'single', unitIds: ['education'] }] },
      );
      expect(cell(`${username} bulk assignment`, bulk)).toEqual(
        officer
          ? { what: `${username} bulk assignment`, status: 400, code: 'BAD_REQUEST' }
          : { what: `${username} bulk assignment`, status: 403, code: 'ROLE_REQUIRED' },
      );
      // The assignment suggestion: the assigning office only (it sees every proposal).
      const suggestion = await clients[username].get(`/api/proposals/${own}/assignment-suggestion`);
      expect(cell(`${username} assignment suggestion`, suggestion)).toEqual(
        officer
          ? { what: `${username} assignment suggestion`, status: 200, code: null }
          : { what: `${username} assignment suggestion`, status: 403, code: 'ROLE_REQUIRED' },
      );

      const token = await stack.token(username);
      const call = (method: 'get' | 'put' | 'post' | 'patch', path: string, body?: object) =>
        request(stack.url)[method](path).set('authorization', `Bearer ${token}`).send(body);
      const admin = username === 'admin';
      const answers = {
        pools: await call('get', '/api/admin/document-number-pools'),
        pool: await call('put', `/api/admin/document-number-pools/${encodeURIComponent('X矩阵函')}/2099`, {
          nextNumber: 5,
        }),
        issuer: await call('put', '/api/admin/units/market-regulation/issuer-code', { issuerCode: 'X市监函' }),
        deliveries: await call('get', '/api/admin/notification-deliveries'),
        delivery: await call('get', '/api/admin/notification-deliveries/no-such-delivery'),
        retry: await call('post', '/api/admin/notification-deliveries/no-such-delivery/retry'),
        units: await call('get', '/api/admin/units'),
        people: await call('get', '/api/admin/people'),
        settings: await call('get', '/api/admin/city-settings'),
        events: await call('get', '/api/admin/events'),
        // An empty unit change: the role passes, nothing changes.
        unit: await call('patch', '/api/admin/units/market-regulation', {}),
        reset: await call('post', '/api/admin/users/no-such-user/password-reset', {}),
        disable: await call('post', '/api/admin/users/no-such-user/disable'),
        enable: await call('post', '/api/admin/users/no-such-user/enable'),
        session: await call('post', '/api/admin/sessions/no-such-session/close'),
        identities: await call('get', '/api/admin/external-identities'),
        calendars: await call('get', '/api/admin/calendars'),
        calendarStatus: await call('get', '/api/admin/calendars/status'),
        calendarReport: await call('get', '/api/admin/calendars/999999/report'),
      };
      const missing = new Set(['delivery', 'retry', 'reset', 'disable', 'enable', 'session', 'calendarReport']);
      for (const [what, res] of Object.entries(answers)) {
        const expected = !admin
          ? { status: 403, code: 'ROLE_REQUIRED' }
          : missing.has(what)
            ? { status: 404, code: 'NOT_FOUND' }
            : { status: 200, code: null };
        expect(cell(`${username} ${what}`, res)).toEqual({ what: `${username} ${what}`, ...expected });
      }
      // Supervision documents (a 催办's 催办单, issued above by those who may remind) are audited here too.
      const audit = await stack.dataSource.query(
        `SELECT "actor_user_id" FROM "admin_event" WHERE "type" <> 'supervision-document-issued'`,
      );
      expect(new Set(audit.map((a: { actor_user_id: string }) => a.actor_user_id))).toEqual(
        new Set(audit.length ? ['admin'] : []),
      );
    });

    it('shows each user only their own notifications, and lets nobody mark another user’s', async () => {
      // The assignments above notified the units' people; wait for the relay to fan them out.
      let mine: { id: string }[] = [];
      for (let i = 0; i < 100 && mine.length === 0; i++) {
        mine = (await clients['lead-handler'].get('/api/notifications?unread=true').expect(200)).body.items;
        if (mine.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(mine.length).toBeGreaterThan(0);
      const target = mine[0].id;
      for (const username of USERS.filter((u) => u !== 'lead-handler')) {
        const theirs = (await clients[username].get('/api/notifications?pageSize=200').expect(200)).body.items;
        expect({ username, sees: theirs.some((n: { id: string }) => n.id === target) }).toEqual({
          username,
          sees: false,
        });
        const res = await clients[username].post(`/api/notifications/${encodeURIComponent(target)}/read`);
        expect(cell(username, res)).toEqual({ what: username, status: 404, code: 'NOT_FOUND' });
        await clients[username].post('/api/notifications/read-all').expect(200);
      }
      const still = (await clients['lead-handler'].get('/api/notifications?unread=true').expect(200)).body.items;
      expect(still.map((n: { id: string }) => n.id)).toContain(target);
      await clients['lead-handler'].post(`/api/notifications/${encodeURIComponent(target)}/read`).expect(200);
    });

    it.each(USERS)('tells %s who they are and names every unit', async (username) => {
      const me = (await clients[username].get('/api/auth/me').expect(200)).body;
      expect([me.username, me.unitId]).toEqual([username, unitOf(username)]);
      expect((await clients[username].get('/api/units').expect(200)).body.length).toBeGreaterThan(5);
    });
  });
});
