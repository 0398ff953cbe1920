import request from 'supertest';
import { testDatabases } from '@banli/testing';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';
import { as, UserClient } from './support/api-client';

interface Summary {
  id: string;
  title: string;
  keyProposal: boolean;
  nextDueAt: string | null;
}
interface SearchPage {
  items: Summary[];
  total: number;
  page: number;
  pageSize: number;
}

const registration = (sessionCode: string, number: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  sessionCode,
  sessionName: '市政协九届一次会议',
  number,
  title: '关于加快数字经济发展的提案',
  proposers: [
    { name: '李明', lead: true },
    { name: '王芳', lead: false },
  ],
  body: '数字经济是……建议如下。',
  suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  ...overrides,
});

const CSV_HEADER = 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints,urgent';

describe.each(testDatabases())('importing a session and searching proposals ($name)', ({ name, config }) => {
  let stack: Stack;
  let registrar: UserClient;
  let officer: UserClient;
  // Every database of the run shares the Temporal server: sessions (hence workflow ids) are unique.
  const run = `${name.slice(0, 2)}${Date.now().toString(36)}`;
  let sessions = 0;
  /** A session of its own, open (its proposals' workflow ids are then unique). */
  const newCode = () => `${run}-${++sessions}`;
  const newSession = async () => {
    const code = newCode();
    await openSession(stack, code, '市政协九届一次会议');
    return code;
  };

  let registrarToken: string;
  const postCsv = (csv: string) =>
    request(stack.url)
      .post('/api/proposals/import')
      .set('authorization', `Bearer ${registrarToken}`)
      .set('content-type', 'text/csv; charset=utf-8')
      .send(csv);
  const search = async (client: UserClient, query: Record<string, string>): Promise<SearchPage> => {
    const res = await client.get(`/api/proposals?${new URLSearchParams({ pageSize: '200', ...query })}`).expect(200);
    return res.body as SearchPage;
  };
  const ids = (page: SearchPage) => page.items.map((i) => i.id);

  beforeAll(async () => {
    stack = await startStack(config);
    registrar = await as(stack, 'registrar');
    officer = await as(stack, 'officer');
    registrarToken = await stack.token('registrar');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('imports the valid rows of a JSON session and reports each invalid row with its error', async () => {
    const s = await newSession();
    const res = await registrar
      .post('/api/proposals/import', {
        proposals: [
          registration(s, '1'),
          registration(s, '2', { secret: 'x' }),
          registration(s, '3', {
            proposers: [
              { name: '李明', lead: true },
              { name: '王芳', lead: true },
            ],
          }),
          registration(s, '4', { urgent: true }),
          'not a proposal',
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({ total: 5, created: 2, unchanged: 0, failed: 3 });
    expect(res.body.rows).toEqual([
      { row: 1, proposalId: `${s}_1`, status: 'created' },
      {
        row: 2,
        status: 'failed',
        error: {
          code: 'BAD_REQUEST',
          message: expect.any(String),
          details: [{ field: 'secret', message: 'property secret should not exist' }],
        },
      },
      {
        row: 3,
        status: 'failed',
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          details: [{ field: 'proposers', message: 'needs exactly one lead proposer' }],
        },
      },
      { row: 4, proposalId: `${s}_4`, status: 'created' },
      { row: 5, status: 'failed', error: { code: 'BAD_REQUEST', message: 'Each proposal must be an object' } },
    ]);
    await registrar.get(`/api/proposals/${s}_1`).expect(200);
    await registrar.get(`/api/proposals/${s}_4`).expect(200);
    await registrar.get(`/api/proposals/${s}_2`).expect(404);
    expect(ids(await search(registrar, { sessionCode: s })).sort()).toEqual([`${s}_1`, `${s}_4`]);
  });

  it('imports a CSV with quoted commas, quotes, line breaks and Chinese text; a re-import creates nothing', async () => {
    const s = await newSession();
    const csv = [
      CSV_HEADER,
      `proposal,${s},市政协九届一次会议,101,"关于""一网通办""改革的提案","赵志强、钱丽;孙伟","第一段，政务服务, with commas.\n第二段：群众办事难。","推进数据共享\n压减办理时限|推广电子证照",true`,
      `suggestion,${s},市政协九届一次会议,102,关于加强校园食品安全的提案,周敏,校园食品安全关系学生健康。,建立陪餐制度,`,
      `proposal,${s},市政协九届一次会议,103,关于完善养老服务体系的提案,吴刚,人口老龄化加快。,"发展社区养老|培养护理人才",false`,
    ].join('\r\n');

    const first = await postCsv(csv).expect(200);
    expect(first.body).toMatchObject({ total: 3, created: 3, unchanged: 0, failed: 0 });
    const read = await registrar.get(`/api/proposals/${s}_101`).expect(200);
    expect(read.body).toMatchObject({
      kind: 'proposal',
      title: '关于"一网通办"改革的提案',
      body: '第一段，政务服务, with commas.\n第二段：群众办事难。',
      proposers: [
        { name: '赵志强', lead: true },
        { name: '钱丽', lead: false },
        { name: '孙伟', lead: false },
      ],
      suggestionPoints: [
        { seq: 1, text: '推进数据共享' },
        { seq: 2, text: '压减办理时限' },
        { seq: 3, text: '推广电子证照' },
      ],
    });
    expect((await registrar.get(`/api/proposals/${s}_102`).expect(200)).body.kind).toBe('suggestion');

    const again = await postCsv(csv).expect(200);
    expect(again.body).toMatchObject({ total: 3, created: 0, unchanged: 3, failed: 0 });
    expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect((await search(registrar, { sessionCode: s })).total).toBe(3);
  });

  it('re-imports a JSON session without duplicates, and refuses a different proposal under a taken number', async () => {
    const s = await newSession();
    const rows = [registration(s, '1'), registration(s, '2')];
    await registrar.post('/api/proposals/import', { proposals: rows }).expect(200);
    const again = await registrar
      .post('/api/proposals/import', { proposals: [...rows, registration(s, '2', { title: '关于另一件事的提案' })] })
      .expect(200);
    expect(again.body).toMatchObject({ total: 3, created: 0, unchanged: 2, failed: 1 });
    expect(again.body.rows[2]).toMatchObject({
      proposalId: `${s}_2`,
      status: 'failed',
      error: { code: 'PROPOSAL_ALREADY_REGISTERED' },
    });
    expect((await search(registrar, { sessionCode: s })).total).toBe(2);
  });

  it('refuses an unreadable CSV, a caller who is not a registrar, and more than 10,000 rows', async () => {
    const unclosed = await postCsv(`${CSV_HEADER}\nproposal,x,会议,1,"标题,李明,正文,建议,\n`).expect(400);
    expect(unclosed.body.error.code).toBe('BAD_REQUEST');
    expect(unclosed.body.error.message).toMatch(/CSV cannot be read.*Quote Not Closed/);
    const unknownColumn = await postCsv(`${CSV_HEADER},password\n`).expect(400);
    expect(unknownColumn.body.error.message).toMatch(/Unknown CSV column "password"/);

    const handler = await as(stack, 'education-handler');
    const forbidden = await handler.post('/api/proposals/import', { proposals: [] }).expect(403);
    expect(forbidden.body.error.code).toBe('ROLE_REQUIRED');

    const tooMany = await registrar
      .post('/api/proposals/import', { proposals: Array.from({ length: 10_001 }, () => ({})) })
      .expect(413);
    expect(tooMany.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('search', () => {
    const s1 = newCode();
    const s2 = newCode();

    beforeAll(async () => {
      for (const s of [s1, s2]) await openSession(stack, s, '市政协九届一次会议');
      const res = await registrar
        .post('/api/proposals/import', {
          proposals: [
            registration(s1, '1', {
              title: '关于全面推进生活垃圾分类的提案',
              body: '我市垃圾分类工作仍有短板。',
              proposers: [{ name: '欧阳明', lead: true }],
            }),
            registration(s1, '2', { title: '关于建设垃圾焚烧发电厂的提案', body: '生活垃圾日益增多，建议焚烧发电。' }),
            registration(s1, '3', { title: '关于加强校园食品安全的提案', body: '校园食品安全关系学生健康。' }),
            registration(s2, '1', { title: '关于农村垃圾分类的提案', body: '农村地区也应推行分类收集。' }),
          ],
        })
        .expect(200);
      expect(res.body.created).toBe(4);
    });

    it('finds the proposals containing a Chinese phrase, and not those sharing only part of it', async () => {
      const found = ids(await search(registrar, { q: '垃圾分类' }));
      expect(found).toEqual(expect.arrayContaining([`${s1}_1`, `${s2}_1`]));
      expect(found).not.toContain(`${s1}_2`);
      expect(found).not.toContain(`${s1}_3`);

      expect(ids(await search(registrar, { q: '垃圾 焚烧' }))).toContain(`${s1}_2`);
      expect(ids(await search(registrar, { q: '欧阳明' }))).toEqual([`${s1}_1`]);
      expect(ids(await search(registrar, { q: '校园食品安全', sessionCode: s1 }))).toEqual([`${s1}_3`]);
    });

    it('combines the text with the session filter', async () => {
      expect(ids(await search(registrar, { q: '垃圾分类', sessionCode: s1 }))).toEqual([`${s1}_1`]);
      expect(ids(await search(registrar, { q: '垃圾分类', sessionCode: s2 }))).toEqual([`${s2}_1`]);
      expect((await search(registrar, { q: '养老', sessionCode: s1 })).total).toBe(0);
    });

    it('lists a session by key proposals first, then by the next deadline, and pages it', async () => {
      await officer.post(`/api/proposals/${s1}_3/key`, { leaders: ['张副市长'] }).expect(200);
      const page = await search(registrar, { sessionCode: s1 });
      expect(page.total).toBe(3);
      expect(page.items[0]).toMatchObject({ id: `${s1}_3`, keyProposal: true });
      const rest = page.items.slice(1).map((i) => i.nextDueAt ?? '~');
      expect(rest).toEqual([...rest].sort());

      const second = await search(registrar, { sessionCode: s1, pageSize: '2', page: '2' });
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(ids(second)).toEqual([page.items[2].id]);
    });

    it('shows a unit only the proposals assigned to it', async () => {
      await registrar.post(`/api/proposals/${s1}_1/review`, { decision: 'accept' }).expect(200);
      await officer.post(`/api/proposals/${s1}_1/assignment`, { mode: 'single', unitIds: ['education'] }).expect(200);

      const education = await as(stack, 'education-handler');
      const market = await as(stack, 'market-regulation-handler');
      expect(ids(await search(education, { sessionCode: s1 }))).toEqual([`${s1}_1`]);
      expect(ids(await search(education, { q: '垃圾分类' }))).toContain(`${s1}_1`);
      expect(ids(await search(education, { q: '垃圾分类' }))).not.toContain(`${s2}_1`);
      expect((await search(market, { sessionCode: s1 })).total).toBe(0);
      expect(ids(await search(market, { q: '垃圾分类' }))).not.toContain(`${s1}_1`);
      expect((await search(registrar, { sessionCode: s1 })).total).toBe(3);
    });

    it('treats SQL and markup in a query as text: no error, no match', async () => {
      for (const q of [
        `'); DROP TABLE proposal; --`,
        `<script>alert('x')</script>`,
        `" OR 1=1 --`,
        `垃圾 & | ! :* <-> NEAR(分类)`,
        '%_\\',
        '，。！',
      ]) {
        const page = await search(registrar, { q, sessionCode: s1 });
        expect({ q, total: page.total }).toEqual({ q, total: 0 });
      }
      expect((await search(registrar, { sessionCode: s1 })).total).toBe(3);
    });

    it('refuses invalid filters', async () => {
      const long = await registrar.get(`/api/proposals?q=${encodeURIComponent('垃'.repeat(201))}`).expect(400);
      expect(long.body.error.code).toBe('BAD_REQUEST');
      await registrar.get('/api/proposals?stage=unknown').expect(400);
      await registrar.get('/api/proposals?pageSize=201').expect(400);
      await registrar.get('/api/proposals?page=0').expect(400);
      await request(stack.url).get('/api/proposals').expect(401);
    });
  });
});
