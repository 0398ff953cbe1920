import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { accepted, assignedWithLead, assignedToOne } from './support/proposals';
import { startStack, Stack } from './support/stack';

interface Suggestion {
  proposalId: string;
  suggestion: {
    mode: string;
    leadUnitId: string;
    coHandlerUnitIds: string[];
    agreement: number;
    basis: { proposalId: string }[];
  } | null;
}

/**
 * 交办建议 (issue 18 point 5): the office sees the units similar proposals went to, from the
 * read model's full-text index, on both databases.
 */
describe.each(testDatabases())('the assignment suggestion ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  // A word no other spec's proposals use, so the precedents are this spec's.
  const topic = `chanjiao${Date.now().toString(36)}`;
  const about = (what: string) => ({ title: `关于${what}的提案`, body: `${topic} 产教融合 实训基地 ${what}` });

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of ['registrar', 'officer', 'lead-handler']) u[name] = await as(stack, name);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const suggestionFor = async (id: string): Promise<Suggestion> =>
    (await u['officer'].get(`/api/proposals/${id}/assignment-suggestion`).expect(200)).body as Suggestion;

  it('suggests the lead and co-handlers that similar proposals went to, with the proposals it rests on', async () => {
    const precedents = [
      await assignedWithLead(u, 'education', ['human-resources'], about('推进产教融合')),
      await assignedWithLead(u, 'education', ['human-resources', 'market-regulation'], about('共建实训基地')),
      await assignedWithLead(u, 'education', ['human-resources'], about('产教融合型企业')),
    ];
    const unrelated = await assignedToOne(u, 'industry-it', { title: '关于5G基站建设的提案', body: '基站 通信' });
    const id = await accepted(u, about('深化产教融合实训基地建设'));

    const s = await suggestionFor(id);
    expect(s.suggestion).toMatchObject({
      mode: 'lead',
      leadUnitId: 'education',
      coHandlerUnitIds: ['human-resources'],
    });
    const basis = s.suggestion?.basis.map((b) => b.proposalId) ?? [];
    expect([...basis].sort()).toEqual([...precedents].sort());
    expect(basis).not.toContain(unrelated);
    expect(basis).not.toContain(id);

    // A suggestion changes nothing: the proposal is still waiting for its assignment.
    const detail = (await u['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    expect(detail.stage).toBe('assignment');
  });

  it('has no suggestion where no similar proposal was assigned', async () => {
    const id = await accepted(u, { title: '关于从未有过的话题的提案', body: `wuguanlian${Date.now().toString(36)}` });
    expect((await suggestionFor(id)).suggestion).toBeNull();
  });

  it('is for the assigning office only, of proposals that exist', async () => {
    const id = await accepted(u, about('校企合作'));
    const refused = await u['lead-handler'].get(`/api/proposals/${id}/assignment-suggestion`).expect(403);
    expect(refused.body.error.code).toBe('ROLE_REQUIRED');
    const missing = await u['officer'].get(`/api/proposals/8-2_nosuch/assignment-suggestion`).expect(404);
    expect(missing.body.error.code).toBe('PROPOSAL_NOT_FOUND');
  });
});
