import request from 'supertest';
import { proposalWorkflowIdOf } from '@banli/domain';
import { testDatabases } from '@banli/testing';
import { startStack, Stack } from './support/stack';
import { as, UserClient } from './support/api-client';

const registration = (sessionCode: string, number: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  sessionCode,
  number,
  title: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  body: '数字经济是……建议如下。',
  suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  ...overrides,
});

describe.each(testDatabases())('the committee’s sessions ($name)', ({ name, config }) => {
  let stack: Stack;
  let registrar: UserClient;
  let adminToken: string;
  // Every database of the run shares the Temporal server: session codes (hence workflow ids) are unique.
  const run = `se${name.slice(0, 1)}${Date.now().toString(36)}`;
  let n = 0;
  const newCode = () => `${run}-${++n}`;

  const admin = {
    post: (path: string, body: object = {}) =>
      request(stack.url).post(path).set('authorization', `Bearer ${adminToken}`).send(body),
    put: (path: string, body: object) =>
      request(stack.url).put(path).set('authorization', `Bearer ${adminToken}`).send(body),
  };
  const create = (code: string, over: Record<string, unknown> = {}) =>
    admin.post('/api/admin/sessions', { code, name: `市政协测试会议${code}`, year: 2027, ...over });
  const sessionRow = async (code: string) =>
    (await registrar.get('/api/sessions').expect(200)).body.find((s: { code: string }) => s.code === code);
  const auditOf = async (code: string) =>
    (
      (await stack.dataSource.query(`SELECT "actor_user_id", "type", "data" FROM "admin_event" ORDER BY "at"`)) as {
        actor_user_id: string;
        type: string;
        data: string;
      }[]
    ).filter((e) => JSON.parse(e.data).code === code);
  const proposalCount = async (sessionCode: string) =>
    Number(
      (
        await stack.dataSource.query(
          `SELECT count(*) AS "n" FROM "proposal" WHERE "session_code" = ${config.type === 'postgres' ? '$1' : '?'}`,
          [sessionCode],
        )
      )[0].n,
    );
  const workflowExists = (id: string) =>
    stack.client.workflow
      .getHandle(proposalWorkflowIdOf(id))
      .describe()
      .then(
        () => true,
        () => false,
      );

  beforeAll(async () => {
    stack = await startStack(config);
    registrar = await as(stack, 'registrar');
    adminToken = await stack.token('admin');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lists the demo city’s sessions to every signed-in user, and to no one else', async () => {
    for (const user of ['registrar', 'supervisor', 'lead-handler']) {
      const res = await (await as(stack, user)).get('/api/sessions').expect(200);
      expect(res.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: '8-1', name: '市政协八届一次会议', term: 8, meeting: 1, status: 'closed' }),
          expect.objectContaining({ code: '8-2', name: '市政协八届二次会议', year: 2026, status: 'open' }),
          expect.objectContaining({ code: '8-3', name: '市政协八届三次会议', status: 'open' }),
        ]),
      );
    }
    await request(stack.url).get('/api/sessions').expect(401);
  });

  it('lets an admin create a session, audited under their name; refuses a taken code, bad fields and other roles', async () => {
    const code = newCode();
    const created = await create(code, { term: 9, meeting: 1, startsOn: '2027-01-19', endsOn: '2027-01-23' }).expect(
      201,
    );
    expect(created.body).toMatchObject({ code, name: `市政协测试会议${code}`, term: 9, meeting: 1, status: 'open' });
    expect(await sessionRow(code)).toMatchObject({ code, startsOn: '2027-01-19', endsOn: '2027-01-23' });
    expect(await auditOf(code)).toEqual([
      expect.objectContaining({ actor_user_id: 'admin', type: 'committee-session-created' }),
    ]);

    const taken = await create(code, { name: '另一个名称' }).expect(409);
    expect(taken.body.error.code).toBe('ALREADY_DONE');
    const bad = await create(newCode(), { startsOn: '2027-01-23', endsOn: '2027-01-19', term: 0 }).expect(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['endsOn', 'term']);
    await create('8 4').expect(422);
    await registrar.post('/api/admin/sessions', { code: newCode(), name: '会议', year: 2027 }).expect(403);
    expect(await sessionRow(code)).toMatchObject({ name: `市政协测试会议${code}` });
    expect(await auditOf(code)).toHaveLength(1);
  });

  it('registers into an open session under the session’s name, and refuses another name', async () => {
    const code = newCode();
    await create(code).expect(201);
    const res = await registrar.post('/api/proposals', registration(code, '1')).expect(201);
    expect(res.body).toMatchObject({ id: `${code}_1`, sessionCode: code, sessionName: `市政协测试会议${code}` });
    // Older clients send the name: the same one is fine (a repeat changes nothing), another is refused.
    await registrar
      .post('/api/proposals', registration(code, '1', { sessionName: `市政协测试会议${code}` }))
      .expect(200);
    const wrong = await registrar
      .post('/api/proposals', registration(code, '2', { sessionName: '市政协八届二次会议' }))
      .expect(422);
    expect(wrong.body.error.details).toEqual([
      { field: 'sessionName', message: expect.stringContaining(`市政协测试会议${code}`) },
    ]);
    expect(await proposalCount(code)).toBe(1);
    expect(await workflowExists(`${code}_2`)).toBe(false);
  });

  it('refuses registration into an unknown session, starting nothing', async () => {
    const code = newCode();
    const res = await registrar.post('/api/proposals', registration(code, '1')).expect(422);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'sessionCode', message: `there is no session ${code}` }],
    });
    expect(await workflowExists(`${code}_1`)).toBe(false);
    expect(await proposalCount(code)).toBe(0);
  });

  it('closes a session (audited): registration and import into it are refused, its proposals go on; reopened, it takes them again', async () => {
    const code = newCode();
    await create(code).expect(201);
    await registrar.post('/api/proposals', registration(code, '1')).expect(201);

    const closed = await admin.post(`/api/admin/sessions/${code}/close`).expect(200);
    expect(closed.body).toMatchObject({ code, status: 'closed' });
    expect((await admin.post(`/api/admin/sessions/${code}/close`).expect(409)).body.error.code).toBe('ALREADY_DONE');
    const refused = await registrar.post('/api/proposals', registration(code, '2')).expect(422);
    expect(refused.body.error.details[0]).toMatchObject({
      field: 'sessionCode',
      message: expect.stringContaining('is closed'),
    });
    expect(await workflowExists(`${code}_2`)).toBe(false);
    // Its proposal is handled on.
    await registrar.post(`/api/proposals/${code}_1/review`, { decision: 'accept' }).expect(200);

    const open = newCode();
    await create(open).expect(201);
    const imported = await registrar
      .post('/api/proposals/import', {
        proposals: [registration(open, '1'), registration(code, '3'), registration(`${run}-nope`, '1')],
      })
      .expect(200);
    expect(imported.body).toMatchObject({ total: 3, created: 1, failed: 2 });
    expect(imported.body.rows.slice(1)).toEqual([
      {
        row: 2,
        proposalId: `${code}_3`,
        status: 'failed',
        error: expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: [
            {
              field: 'sessionCode',
              message: expect.stringContaining(`session ${code} (市政协测试会议${code}) is closed`),
            },
          ],
        }),
      },
      {
        row: 3,
        proposalId: `${run}-nope_1`,
        status: 'failed',
        error: expect.objectContaining({
          details: [{ field: 'sessionCode', message: `there is no session ${run}-nope` }],
        }),
      },
    ]);
    expect(await proposalCount(code)).toBe(1);
    expect(await workflowExists(`${code}_3`)).toBe(false);

    await admin.post(`/api/admin/sessions/${code}/reopen`).expect(200);
    await registrar.post('/api/proposals', registration(code, '2')).expect(201);
    expect((await auditOf(code)).map((e) => e.type)).toEqual([
      'committee-session-created',
      'committee-session-closed',
      'committee-session-reopened',
    ]);
    await admin.post(`/api/admin/sessions/${run}-nope/close`).expect(404);
  });

  it('imports a CSV without the sessionName column, naming each proposal after its session', async () => {
    const code = newCode();
    await create(code).expect(201);
    const res = await request(stack.url)
      .post('/api/proposals/import')
      .set('authorization', `Bearer ${await stack.token('registrar')}`)
      .set('content-type', 'text/csv; charset=utf-8')
      .send(
        `kind,sessionCode,number,title,proposers,body,suggestionPoints\nproposal,${code},1,关于测试的提案,李明,正文,建议\n`,
      )
      .expect(200);
    expect(res.body).toMatchObject({ created: 1, failed: 0 });
    const proposal = await registrar.get(`/api/proposals/${code}_1`).expect(200);
    expect(proposal.body.sessionName).toBe(`市政协测试会议${code}`);
  });

  it('changes a session’s dates, and its name only while no proposal is registered in it', async () => {
    const code = newCode();
    await create(code).expect(201);
    const renamed = await admin
      .put(`/api/admin/sessions/${code}`, {
        name: '市政协九届一次会议',
        year: 2027,
        startsOn: '2027-01-10',
        endsOn: '2027-01-14',
      })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '市政协九届一次会议', startsOn: '2027-01-10', term: null });
    await registrar.post('/api/proposals', registration(code, '1')).expect(201);
    const refused = await admin
      .put(`/api/admin/sessions/${code}`, { name: '市政协九届二次会议', year: 2027 })
      .expect(409);
    expect(refused.body.error.code).toBe('ALREADY_DONE');
    await admin
      .put(`/api/admin/sessions/${code}`, { name: '市政协九届一次会议', year: 2027, term: 9, meeting: 1 })
      .expect(200);
    expect(await sessionRow(code)).toMatchObject({ name: '市政协九届一次会议', term: 9, meeting: 1, startsOn: null });
    await admin.put(`/api/admin/sessions/${run}-nope`, { name: '会议', year: 2027 }).expect(404);
    expect((await auditOf(code)).map((e) => e.type)).toEqual([
      'committee-session-created',
      'committee-session-updated',
      'committee-session-updated',
    ]);
  });
});
