import request from 'supertest';
import { testDatabases } from '@banli/testing';
import { as } from './support/api-client';
import { DEMO_PASSWORD, startStack, Stack } from './support/stack';

/** What the web UI relies on: its cookie session with the CSRF header, unit names, inbox figures. */
describe.each(testDatabases())('the web UI session and views ($name)', ({ config }) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(config);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function session(username = 'registrar'): Promise<string> {
    const res = await request(stack.url)
      .post('/api/auth/session')
      .send({ username, password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.user).toMatchObject({ username });
    expect(JSON.stringify(res.body)).not.toMatch(/eyJ/);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('banli_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api/);
    return (cookie as string).split(';')[0];
  }

  it('signs in with an HttpOnly cookie; reads need nothing more, writes need the app header', async () => {
    const cookie = await session();
    await request(stack.url).get('/api/auth/me').set('cookie', cookie).expect(200);
    const forged = await request(stack.url)
      .post('/api/proposals/import')
      .set('cookie', cookie)
      .send({ proposals: [] })
      .expect(403);
    expect(forged.body.error.code).toBe('CSRF_HEADER_REQUIRED');
    await request(stack.url)
      .post('/api/proposals/import')
      .set('cookie', cookie)
      .set('x-requested-with', 'banli-web')
      .send({ proposals: [] })
      .expect((r) => expect([200, 201, 422]).toContain(r.status));
    await request(stack.url).post('/api/auth/session').send({ username: 'registrar', password: 'wrong' }).expect(401);
    const out = await request(stack.url).delete('/api/auth/session').set('cookie', cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/banli_session=;/);
    // A copy of the cookie kept from before the sign-out no longer works.
    const copied = await request(stack.url).get('/api/auth/me').set('cookie', cookie).expect(401);
    expect(copied.body.error.code).toBe('TOKEN_REVOKED');
    await request(stack.url).get('/api/auth/me').set('cookie', 'banli_session=not-a-token').expect(401);
  });

  it('judges a request that sends an Authorization header by that header alone: a malformed one is 401, the cookie does not stand in', async () => {
    const cookie = await session();
    for (const authorization of [
      'Basic cmVnaXN0cmFyOmRlbW8=',
      'Bearer junk!!',
      'Bearer ',
      'Bearer',
      'bearer x.y.z',
      '',
    ]) {
      for (const call of [
        request(stack.url).get('/api/auth/me'),
        request(stack.url).post('/api/proposals/import').set('x-requested-with', 'banli-web').send({ proposals: [] }),
      ]) {
        const res = await call.set('cookie', cookie).set('authorization', authorization);
        expect([authorization, res.status, res.body.error?.code]).toEqual([authorization, 401, 'UNAUTHENTICATED']);
      }
    }
    // The same cookie without the header still works.
    await request(stack.url).get('/api/auth/me').set('cookie', cookie).expect(200);
  });

  it('names every unit, and gives each inbox task its working days left', async () => {
    const registrar = await as(stack, 'registrar');
    const units = (await registrar.get('/api/units').expect(200)).body;
    expect(units).toContainEqual({
      id: 'industry-it',
      name: 'X市工业和信息化局',
      shortName: 'X市工业和信息化局',
      kind: 'bureau',
      enabled: true,
    });
    await request(stack.url).get('/api/units').expect(401);

    const number = `ws${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
    await registrar
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于完善公共服务的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    await registrar.post(`/api/proposals/8-2_${number}/review`, { decision: 'accept' }).expect(200);
    const officer = await as(stack, 'officer');
    await officer
      .post(`/api/proposals/8-2_${number}/assignment`, { mode: 'single', unitIds: ['education'] })
      .expect(200);
    const handler = await as(stack, 'education-handler');
    const inbox = (await handler.get('/api/tasks?kind=draft&pageSize=200').expect(200)).body;
    const task = inbox.items.find((t: { proposalId: string }) => t.proposalId === `8-2_${number}`);
    expect(task).toMatchObject({ kind: 'draft', workingDaysOverdue: null });
    expect(task.workingDaysLeft).toBeGreaterThan(40); // three months
    expect(inbox.items.every((t: { kind: string }) => t.kind === 'draft')).toBe(true);
    await handler.get('/api/tasks?kind=nonsense').expect(400);
  });
});
