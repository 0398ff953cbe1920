import { testDatabases } from '@banli/testing';
import { as } from './support/api-client';
import { accepted, type Clients, readyToSign } from './support/proposals';
import { openSession } from './support/sessions';
import { startStack, Stack } from './support/stack';

interface SimilarReply {
  proposalId: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string;
  documentNumber: string;
  signedAt: string;
  replyClass: string;
  adoptions: string[];
  followUp: string;
  sections: {
    seq: number;
    adoption: string;
    title: string | null;
    omitHeading: boolean;
    adoptionSentence: string;
    text: string;
    measures: string[];
  }[];
}

/**
 * 相似答复参考: while drafting, the signed replies of other proposals most like this one by the
 * full-text index, with class, adoption and whether the follow-up promise was kept; never a
 * draft that was not signed, never the proposal's own reply, only for its drafting staff.
 */
describe.each(testDatabases())('similar replies while drafting ($name)', ({ config }) => {
  let stack: Stack;
  const u: Clients = {};
  const session = `sr${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
  let target: string;
  let kept: string;
  let related: string;
  let unsigned: string;
  let keptNumber: string;

  const proposal = (number: string, title: string, body: string) =>
    accepted(u, { sessionCode: session, number, title, body, points: ['建议一', '建议二'] });
  const assign = (id: string) =>
    u['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: ['industry-it'] }).expect(200);
  const draft = (replyClass: string, text: string) => ({
    replyClass,
    disclosure: 'never',
    sections: [
      {
        seq: 1,
        adoption: 'adopted',
        title: '充电设施建设',
        adoptionSentence: 'paragraph',
        text,
        measures: ['新建公共充电桩3000个。'],
      },
      { seq: 2, adoption: 'for-reference', omitHeading: true, text: '将在下一步工作中研究。' },
    ],
    topic: '新能源汽车推广',
    contact: { name: '王五', phone: '0571-88888888' },
  });
  const sign = async (id: string, replyClass: string, text: string) => {
    await assign(id);
    await readyToSign(u, id, 'industry-it', draft(replyClass, text));
    return (await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200)).body
      .documentNumber as string;
  };
  const similar = async (user: string, query = '') =>
    (await u[user].get(`/api/proposals/${target}/similar-replies${query}`).expect(200)).body as SimilarReply[];

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of [
      'registrar',
      'officer',
      'lead-handler',
      'lead-reviewer',
      'lead-signer',
      'education-cohandler',
      'market-regulation-handler',
    ]) {
      u[name] = await as(stack, name);
    }
    await openSession(stack, session);
    target = await proposal('1', '关于加快新能源汽车充电桩建设的提案', '新能源汽车充电桩不足，充电难。');
    await assign(target);

    // Most like it: a B-class reply, accepted, whose follow-up report then came in time.
    kept = await proposal('2', '关于完善新能源汽车充电桩布局的提案', '新能源汽车充电桩布局不合理，充电难。');
    keptNumber = await sign(kept, 'B', '已列入计划，明年建成充电桩。');
    await u['lead-handler'].post(`/api/proposals/${kept}/dispatch`, {}).expect(200);
    await u['officer']
      .post(`/api/proposals/${kept}/feedback`, { unitId: 'industry-it', proposer: '李明', rating: 'satisfied' })
      .expect(200);
    await u['lead-handler'].post(`/api/proposals/${kept}/follow-up`, { summary: '已建成。' }).expect(200);

    // Somewhat like it: an A-class reply, which promised no follow-up.
    related = await proposal('3', '关于推广新能源公交车的提案', '推广新能源公交车。');
    await sign(related, 'A', '已采纳，今年更新公交车。');

    // Just as like it, but its draft was never signed.
    unsigned = await proposal('4', '关于加快新能源汽车充电桩建设的建议', '新能源汽车充电桩不足，充电难。');
    await assign(unsigned);
    await readyToSign(u, unsigned, 'industry-it', draft('B', '未签发的草稿文字。'));
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('ranks the signed replies of other proposals by similarity, with what a drafter reuses', async () => {
    // Other test files share the database (PostgreSQL) and sign replies of their own, some of
    // them about the same things: the order is asserted among this file's proposals.
    expect(await similar('lead-handler', '?limit=2')).toHaveLength(2);
    const ranked = await similar('lead-handler', '?limit=20');
    const top = ranked.filter((r) => r.proposalId === kept || r.proposalId === related);
    expect(top.map((r) => r.proposalId)).toEqual([kept, related]);
    expect(top[0]).toMatchObject({
      number: '2',
      title: '关于完善新能源汽车充电桩布局的提案',
      unitId: 'industry-it',
      documentNumber: keptNumber,
      replyClass: 'B',
      adoptions: ['adopted', 'for-reference'],
      followUp: 'kept',
      sections: [
        {
          seq: 1,
          adoption: 'adopted',
          title: '充电设施建设',
          omitHeading: false,
          adoptionSentence: 'paragraph',
          text: '已列入计划，明年建成充电桩。',
          measures: ['新建公共充电桩3000个。'],
        },
        // Its placement as signed: none given is inline (what such a section printed).
        {
          seq: 2,
          adoption: 'for-reference',
          title: null,
          omitHeading: true,
          adoptionSentence: 'inline',
          text: '将在下一步工作中研究。',
          measures: [],
        },
      ],
    });
    expect(top[0].signedAt).toEqual(expect.any(String));
    expect(top[1]).toMatchObject({ replyClass: 'A', followUp: 'not-promised' });
  });

  it('never shows the proposal itself nor a draft that was not signed, and defaults to five', async () => {
    const all = await similar('lead-reviewer', '?limit=20');
    const ids = all.map((r) => r.proposalId);
    expect(ids).toEqual(expect.arrayContaining([kept, related]));
    expect(ids).not.toContain(target);
    expect(ids).not.toContain(unsigned);
    expect(all.flatMap((r) => r.sections.map((s) => s.text))).not.toContain('未签发的草稿文字。');
    expect((await similar('lead-signer')).length).toBeLessThanOrEqual(5);

    // A signed proposal (re-handled, say) is never its own reference.
    const ofKept = (await u['lead-handler'].get(`/api/proposals/${kept}/similar-replies?limit=20`).expect(200))
      .body as SimilarReply[];
    expect(ofKept.map((r) => r.proposalId)).toContain(related);
    expect(ofKept.map((r) => r.proposalId)).not.toContain(kept);
  });

  it('answers only the drafting staff of a unit that may see the proposal', async () => {
    const path = `/api/proposals/${target}/similar-replies`;
    const notHandling = await u['market-regulation-handler'].get(path).expect(404);
    expect(notHandling.body.error.code).toBe('PROPOSAL_NOT_FOUND');
    for (const user of ['registrar', 'education-cohandler']) {
      const wrongRole = await u[user].get(path).expect(403);
      expect(wrongRole.body.error.code).toBe('ROLE_REQUIRED');
    }
    await u['lead-handler'].get('/api/proposals/no-such_1/similar-replies').expect(404);
  });

  // A bad query parameter is a request that cannot be read, as every list's page size: 400.
  it.each(['0', '21', 'abc', '2.5'])('refuses limit=%s with 400', async (limit) => {
    const res = await u['lead-handler'].get(`/api/proposals/${target}/similar-replies?limit=${limit}`).expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });
});
