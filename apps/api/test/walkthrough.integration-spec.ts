import { createHash } from 'node:crypto';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';

/**
 * One proposal from registration to a signed, rated reply, using only the HTTP API, as each
 * user in turn: the committee, the assigning office, two co-handling bureaus, and the lead
 * bureau's handler, reviewer and signer.
 */
describe.each(testDatabases())('the whole handling of a proposal through the API ($name)', ({ config }) => {
  let stack: Stack;
  let documentNumber = '';
  const users: Record<string, UserClient> = {};
  // Unique per database: both stacks share one Temporal server, where the number names the workflow.
  const number = `${Date.now()}${config.type === 'postgres' ? 1 : 2}`;
  const id = `8-2_${number}`;
  const path = (p = '') => `/api/proposals/${id}${p}`;
  const points = [
    { seq: 1, adoption: 'adopted', text: '已纳入年度计划。' },
    { seq: 2, adoption: 'partly-adopted', text: '正在试点。' },
  ];

  beforeAll(async () => {
    stack = await startStack(config);
    for (const u of [
      'registrar',
      'officer',
      'supervisor',
      'lead-handler',
      'lead-reviewer',
      'lead-signer',
      'human-resources-cohandler',
      'education-cohandler',
      'market-regulation-handler',
    ]) {
      users[u] = await as(stack, u);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  const inbox = async (user: string, query = '') => (await users[user].get(`/api/tasks${query}`).expect(200)).body;

  it('is registered by the committee and accepted', async () => {
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于加快数字经济发展的提案',
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
        ],
        body: '正文',
        suggestionPoints: [
          { seq: 1, text: '加快5G基站建设' },
          { seq: 2, text: '培育数据要素市场' },
        ],
      })
      .expect(201);
    const reviewTasks = await inbox('registrar');
    expect(reviewTasks.items.map((t: { proposalId: string; kind: string }) => [t.proposalId, t.kind])).toContainEqual([
      id,
      'review-registration',
    ]);
    const reviewed = await users['registrar'].post(path('/review'), { decision: 'accept' }).expect(200);
    expect(reviewed.body.stage).toBe('assignment');
  });

  it('is assigned by the office to a lead bureau with two co-handling bureaus', async () => {
    const res = await users['officer']
      .post(path('/assignment'), {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['human-resources', 'education'],
      })
      .expect(200);
    expect(res.body.stage).toBe('consultation');
    const detail = (await users['lead-handler'].get(path()).expect(200)).body;
    const reply = detail.deadlines.find((d: { key: string }) => d.key === 'reply:industry-it');
    expect(reply.explanation.rule).toEqual({ unit: 'months', amount: 3 });
    expect(reply.explanation.text).toContain('3 months from');
  });

  it('is hidden from a bureau that has no part in it', async () => {
    const res = await users['market-regulation-handler'].get(path()).expect(404);
    expect(res.body.error.code).toBe('PROPOSAL_NOT_FOUND');
    await users['market-regulation-handler'].get(path('/events')).expect(404);
  });

  it('gets both co-handling opinions; each inbox shows the change at once', async () => {
    for (const unit of ['human-resources', 'education']) {
      const user = `${unit}-cohandler`;
      const before = await inbox(user);
      const task = before.items.find((t: { proposalId: string }) => t.proposalId === id);
      expect(task).toMatchObject({ kind: 'opinion', unitId: unit });
      expect(task.dueAt).toEqual(expect.any(String));
      await users[user].post(path('/opinions'), { points, summary: `${unit}意见` }).expect(200);
      const after = await inbox(user);
      expect(after.items.find((t: { proposalId: string }) => t.proposalId === id)).toBeUndefined();
    }
  });

  it('refuses actions from the wrong role or unit with a coded reason, changing nothing', async () => {
    const wrongRole = await users['education-cohandler'].post(path('/sign-off'), { decision: 'sign' }).expect(403);
    expect(wrongRole.body.error.code).toBe('ROLE_REQUIRED');
    const early = await users['lead-signer'].post(path('/sign-off'), { decision: 'sign' }).expect(409);
    expect(early.body.error.code).toBe('WRONG_STAGE');
    const notTheirs = await users['lead-handler'].post(path('/opinions/education/waiver'), { reason: 'x' }).expect(403);
    expect(notTheirs.body.error.code).toBe('ROLE_REQUIRED');
    const bad = await users['lead-handler']
      .post(path('/drafts'), {
        replyClass: 'Z',
        disclosure: 'publish',
        sections: points,
        topic: '数字经济发展',
        contact: { name: '张三', phone: '1' },
      })
      .expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('is drafted, reviewed and signed by the lead bureau, with a document number', async () => {
    await users['lead-handler']
      .post(path('/contacts'), { method: 'call', contactedAt: new Date().toISOString(), summary: '电话沟通' })
      .expect(200);
    const draft = {
      replyClass: 'A',
      disclosure: 'on-request',
      sections: [
        {
          ...points[0],
          title: '加快5G基站建设',
          measures: ['新建基站1200座。', "公开<script>alert('x')</script>进度。"],
        },
        points[1],
      ],
      topic: '数字经济发展',
      contact: { name: '张三', phone: '0571-88888888' },
    };
    const saved = await users['lead-handler']
      .post(path('/draft-versions'), { ...draft, sections: [draft.sections[0]] })
      .expect(200);
    expect(saved.body).toMatchObject({ id: 1, stage: 'drafting' });
    const preview = await users['lead-handler'].post(path('/letters/preview'), draft).expect(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.text).toContain('一、关于加快5G基站建设的建议');
    expect(preview.text).toContain('（文号于签发时编定）');
    expect(preview.text).not.toContain('<script>alert');
    await users['education-cohandler'].post(path('/letters/preview'), draft).expect(403);
    await users['lead-handler'].post(path('/drafts'), draft).expect(200);
    await users['lead-reviewer']
      .post(path('/drafts/review'), { decision: 'send-back', comment: '请补充资金安排' })
      .expect(200);
    await users['lead-handler'].post(path('/drafts'), draft).expect(200);
    await users['lead-reviewer'].post(path('/drafts/review'), { decision: 'approve', comment: '同意' }).expect(200);
    const signed = await users['lead-signer'].post(path('/sign-off'), { decision: 'sign' }).expect(200);
    expect(signed.body.documentNumber).toMatch(/^X工信函〔\d{4}〕\d+号$/);
    expect(signed.body.stage).toBe('dispatch');
    documentNumber = signed.body.documentNumber;
  });

  it('shows the drafting workspace: points beside each opinion, draft versions with their comments', async () => {
    const ws = (await users['lead-handler'].get(path('/workspace')).expect(200)).body;
    expect(ws.unitId).toBe('industry-it');
    expect(ws.points.map((p: { seq: number }) => p.seq)).toEqual([1, 2]);
    expect(
      ws.points[0].opinions.map((o: { unitName: string; adoption: string }) => [o.unitName, o.adoption]).sort(),
    ).toEqual([
      ['X市人力资源和社会保障局', 'adopted'],
      ['X市教育局', 'adopted'],
    ]);
    expect(
      ws.drafts.map((d: { round: number; draftVersion: number; status: string }) => [
        d.round,
        d.draftVersion,
        d.status,
      ]),
    ).toEqual([
      [1, 1, 'saved'],
      [1, 2, 'submitted'],
      [1, 3, 'submitted'],
    ]);
    expect(ws.drafts[0].comments).toEqual([]);
    expect(ws.drafts[1].comments).toEqual([
      expect.objectContaining({ step: 'review', outcome: 'sent-back', comment: '请补充资金安排', by: 'lead-reviewer' }),
    ]);
    expect(ws.drafts[2].comments).toEqual([expect.objectContaining({ outcome: 'approved', comment: '同意' })]);
    expect(ws.drafts[2].content).toMatchObject({ replyClass: 'A', topic: '数字经济发展' });
    await users['market-regulation-handler'].get(path('/workspace')).expect(404);
  });

  it('keeps the signed letter frozen: HTML, DOCX and PDF, each with its hash, the same on every download', async () => {
    const letters = (await users['human-resources-cohandler'].get(path('/letters')).expect(200)).body;
    expect(letters).toEqual([
      expect.objectContaining({ unitId: 'industry-it', round: 1, documentNumber, formats: expect.any(Array) }),
    ]);
    expect(letters[0].formats.map((f: { format: string }) => f.format)).toEqual(['docx', 'html', 'pdf']);
    const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    for (const { format, sha256 } of letters[0].formats as { format: string; sha256: string }[]) {
      const first = await users['lead-handler']
        .get(path(`/letters/industry-it/1/${format}`))
        .buffer(true)
        .parse(binary)
        .expect(200);
      const again = await users['supervisor']
        .get(path(`/letters/industry-it/1/${format}`))
        .buffer(true)
        .parse(binary)
        .expect(200);
      const bytes = first.body as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      expect(first.headers['x-content-sha256']).toBe(sha256);
      expect((again.body as Buffer).equals(bytes)).toBe(true);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'docx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
      if (format === 'html') {
        const html = bytes.toString('utf8');
        for (const text of [
          '(A类)',
          'X市工业和信息化局',
          documentNumber,
          '李明（等）委员：',
          '一、关于加快5G基站建设的建议',
          '（二）',
          '张三 0571-88888888',
          '公开方式：依申请公开。',
        ]) {
          expect(html).toContain(text);
        }
        expect(html).toContain('X市人力资源和社会保障局');
        expect(html).not.toContain('<script>');
        expect(html).toContain('&lt;script&gt;');
      }
    }
    await users['market-regulation-handler'].get(path('/letters/industry-it/1/pdf')).expect(404);
    await users['lead-handler'].get(path('/letters/industry-it/1/exe')).expect(404);
  });

  it('is dispatched and rated by both proposers, and then closed', async () => {
    await users['lead-handler'].post(path('/dispatch')).expect(200);
    await users['officer']
      .post(path('/feedback'), { unitId: 'industry-it', proposer: '李明', rating: 'satisfied' })
      .expect(200);
    const last = await users['officer']
      .post(path('/feedback'), { unitId: 'industry-it', proposer: '王芳', rating: 'basically-satisfied' })
      .expect(200);
    expect(last.body.stage).toBe('closed');

    const detail = (await users['supervisor'].get(path()).expect(200)).body;
    expect(detail).toMatchObject({ stage: 'closed', leadUnitId: 'industry-it' });
    expect(detail.tasks).toEqual([]);
    const events = (await users['lead-handler'].get(path('/events')).expect(200)).body;
    const byType = (type: string) => events.filter((e: { type: string }) => e.type === type);
    expect(
      byType('opinion-submitted')
        .map((e: { actor: { userId: string } }) => e.actor.userId)
        .sort(),
    ).toEqual(['education-cohandler', 'human-resources-cohandler']);
    expect(byType('reply-signed')[0].actor).toEqual({
      userId: 'lead-signer',
      displayName: '工信局签发领导',
      unitId: 'industry-it',
    });
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_e: unknown, i: number) => i + 1));
  });
});
