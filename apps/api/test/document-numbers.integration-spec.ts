import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';

/** Pools are configured by an admin; numbers come from them at sign-off, never reused or skipped. */
describe.each(testDatabases())('document number pools ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  const code = `X测${config.type === 'postgres' ? 'P' : 'S'}${Date.now().toString(36).slice(-4)}函`;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of [
      'admin',
      'registrar',
      'officer',
      'supervisor',
      'market-regulation-handler',
      'market-regulation-reviewer',
      'market-regulation-signer',
    ]) {
      u[name] = await as(stack, name);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function signOne(): Promise<string> {
    const number = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const id = `8-2_${number}`;
    await u['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于文号的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: ['market-regulation'] })
      .expect(200);
    await u['market-regulation-handler']
      .post(`/api/proposals/${id}/drafts`, {
        replyClass: 'A',
        disclosure: 'never',
        sections: [{ seq: 1, adoption: 'adopted', text: '已采纳。' }],
        topic: '市场监管',
        contact: { name: '王五', phone: '12345' },
      })
      .expect(200);
    await u['market-regulation-reviewer']
      .post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' })
      .expect(200);
    const signed = await u['market-regulation-signer']
      .post(`/api/proposals/${id}/sign-off`, { decision: 'sign' })
      .expect(200);
    return signed.body.documentNumber;
  }

  it('lets only an admin see or configure them; a refusal changes nothing', async () => {
    await u['supervisor'].get('/api/admin/document-number-pools').expect(403);
    const token = await stack.token('supervisor');
    const res = await fetch(`${stack.url}/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ nextNumber: 99 }),
    });
    expect(res.status).toBe(403);
    const events = await stack.dataSource.query(`SELECT "data" FROM "admin_event"`);
    expect(events.filter((e: { data: string }) => e.data.includes(code))).toEqual([]);
    const pools = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body;
    expect(pools.filter((p: { issuerCode: string }) => p.issuerCode === code)).toEqual([]);
  });

  it('numbers letters from the configured start, and refuses to move a pool that has been used', async () => {
    const put = (path: string, body: object) =>
      stack.token('admin').then((t) =>
        fetch(`${stack.url}${path}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
          body: JSON.stringify(body),
        }),
      );
    expect((await put('/api/admin/units/market-regulation/issuer-code', { issuerCode: code })).status).toBe(200);
    expect(
      (await put(`/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, { nextNumber: 41 })).status,
    ).toBe(200);

    expect(await signOne()).toBe(`${code}〔${year}〕41号`);
    expect(await signOne()).toBe(`${code}〔${year}〕42号`);

    const moved = await put(`/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, { nextNumber: 10 });
    expect(moved.status).toBe(409);
    const pools = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body;
    expect(pools).toContainEqual({ issuerCode: code, year, nextNumber: 43, allocated: 2 });
    const audit = await stack.dataSource.query(`SELECT "type", "actor_user_id" FROM "admin_event" ORDER BY "at"`);
    expect(audit.map((r: { type: string; actor_user_id: string }) => [r.type, r.actor_user_id])).toEqual(
      expect.arrayContaining([
        ['issuer-code-set', 'admin'],
        ['document-number-pool-configured', 'admin'],
      ]),
    );
    expect((await put('/api/admin/units/market-regulation/issuer-code', { issuerCode: '〔bad〕' })).status).toBe(400);
  });
});
