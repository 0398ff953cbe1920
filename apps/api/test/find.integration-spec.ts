import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { assignedToOne, Clients, draftOf, readyToSign, staffOf } from './support/proposals';
import { openSession } from './support/sessions';
import { startStack, Stack } from './support/stack';

interface Task {
  id: string;
  proposalId: string;
  kind: string;
  openedAt: string;
  dueAt: string | null;
  proposal: { stage: string; title: string; number: string };
}

const UNIT = 'human-resources';

/** Issue 18 point 6: the inbox's search, filters and sorts, and finding a proposal by its document number. */
describe.each(testDatabases())('find: inbox search, filters and sorts; document numbers ($name)', ({ config }) => {
  let stack: Stack;
  const u: Clients = {};
  const tag = `${config.type === 'postgres' ? 'p' : 's'}${Date.now().toString(36).slice(-5)}`;
  // A word no other test's proposals hold, so the searches see this file's proposals only.
  const token = `xun${tag}`;
  const s1 = `F1${tag}`;
  const s2 = `F2${tag}`;
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let documentNumber = '';
  let signer: UserClient;

  const inbox = async (query: string): Promise<{ items: Task[]; total: number }> =>
    (await signer.get(`/api/tasks?scope=unit&pageSize=200&${query}`).expect(200)).body;
  const proposalsOf = (items: Task[]) => [...new Set(items.map((t) => t.proposalId))].sort();

  beforeAll(async () => {
    stack = await startStack(config);
    const staff = staffOf(UNIT);
    for (const name of ['admin', 'registrar', 'officer', staff.handler, staff.reviewer, staff.signer]) {
      u[name] = await as(stack, name);
    }
    signer = u[staff.signer];
    await openSession(stack, s1);
    await openSession(stack, s2);
    ids.a = await assignedToOne(u, UNIT, { sessionCode: s1, title: `关于${token}甲方案的提案` });
    ids.b = await assignedToOne(u, UNIT, { sessionCode: s2, title: `关于${token}乙方案的提案` });
    ids.c = await assignedToOne(u, UNIT, { sessionCode: s1, title: `关于${token}丙方案的提案` });
    await readyToSign(u, ids.b, UNIT, draftOf());
    documentNumber = (await signer.post(`/api/proposals/${ids.b}/sign-off`, { decision: 'sign' }).expect(200)).body
      .documentNumber;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('searches the inbox by words of the title, and by the proposal number', async () => {
    expect(proposalsOf((await inbox(`q=${encodeURIComponent(token)}`)).items)).toEqual([ids.a, ids.b, ids.c].sort());
    const a = await inbox(`q=${encodeURIComponent(`${token}甲方案`)}`);
    expect(proposalsOf(a.items)).toEqual([ids.a]);
    expect(a.total).toBe(a.items.length);
    const number = ids.c.split('_')[1];
    expect(proposalsOf((await inbox(`q=${encodeURIComponent(number)}`)).items)).toEqual([ids.c]);
    // Only punctuation: nothing can match, and the counts still cover the inbox.
    const nothing = await inbox(`q=${encodeURIComponent('，。')}`);
    expect(nothing).toMatchObject({ items: [], total: 0 });
  });

  it('filters the inbox by session and by stage, with the counts of the same scope', async () => {
    const q = `q=${encodeURIComponent(token)}`;
    expect(proposalsOf((await inbox(`${q}&sessionCode=${s2}`)).items)).toEqual([ids.b]);
    expect(proposalsOf((await inbox(`${q}&sessionCode=${s1}`)).items)).toEqual([ids.a, ids.c].sort());
    const drafting = await inbox(`${q}&stage=drafting`);
    expect(proposalsOf(drafting.items)).toEqual([ids.a, ids.c].sort());
    expect(drafting.items.every((t) => t.proposal.stage === 'drafting')).toBe(true);
    const b = (await u['officer'].get(`/api/proposals/${ids.b}`).expect(200)).body;
    expect(proposalsOf((await inbox(`${q}&stage=${b.stage}`)).items)).toEqual([ids.b]);
    // The counts are the unit's whole inbox, not the search's.
    const all = await inbox('');
    expect((await inbox(`${q}&stage=drafting`)).total).toBeLessThanOrEqual(all.total);
  });

  it('finds the inbox task and the proposal by the document number, short or full', async () => {
    const m = /〔(\d{4})〕(\d+)号$/.exec(documentNumber);
    expect(m).not.toBeNull();
    const [, year, sequence] = m ?? [];
    const short = `〔${year}〕${sequence}号`;
    for (const text of [documentNumber, short, `[${year}]${sequence}`]) {
      expect({ text, found: proposalsOf((await inbox(`q=${encodeURIComponent(text)}`)).items) }).toEqual({
        text,
        found: [ids.b],
      });
      const list = (await u['officer'].get(`/api/proposals?q=${encodeURIComponent(text)}`).expect(200)).body;
      expect({ text, found: list.items.map((p: { id: string }) => p.id) }).toEqual({
        text,
        found: text === documentNumber ? [ids.b] : expect.arrayContaining([ids.b]),
      });
      const mine = (await signer.get(`/api/proposals?q=${encodeURIComponent(text)}`).expect(200)).body;
      expect(mine.items.map((p: { id: string }) => p.id)).toEqual([ids.b]);
    }
    // Another issuer's number of the same year and sequence, and a year with no letters, find nothing.
    const other = `X无此函〔${year}〕${sequence}号`;
    expect((await u['officer'].get(`/api/proposals?q=${encodeURIComponent(other)}`).expect(200)).body.total).toBe(0);
    expect((await inbox(`q=${encodeURIComponent('〔1999〕1号')}`)).total).toBe(0);
  });

  it('sorts the inbox by when each task was received, by stage and by deadline', async () => {
    const q = `q=${encodeURIComponent(token)}`;
    const asc = (await inbox(`${q}&sort=openedAt`)).items.map((t) => t.openedAt);
    expect(asc.length).toBeGreaterThan(2);
    expect(asc).toEqual([...asc].sort());
    const desc = (await inbox(`${q}&sort=-openedAt`)).items.map((t) => t.openedAt);
    expect(desc).toEqual([...asc].reverse());
    const STAGE_ORDER = ['drafting', 'review', 'sign-off', 'dispatch', 'feedback'];
    const byStage = (await inbox(`${q}&sort=stage`)).items.map((t) => STAGE_ORDER.indexOf(t.proposal.stage));
    expect(byStage).toEqual([...byStage].sort((x, y) => x - y));
    expect(new Set(byStage).size).toBe(2);
    const byStageDesc = (await inbox(`${q}&sort=-stage`)).items.map((t) => STAGE_ORDER.indexOf(t.proposal.stage));
    expect(byStageDesc).toEqual([...byStage].sort((x, y) => y - x));
    const due = (await inbox(`${q}&sort=-dueAt`)).items.map((t) => t.dueAt ?? '');
    expect(due).toEqual([...due].sort().reverse());
  });

  it('refuses bad search, filter and sort values with a coded 400, for the inbox and the list', async () => {
    for (const query of [
      'sort=received',
      'sort=',
      'stage=unknown',
      'sessionCode=a%20b',
      `q=${encodeURIComponent('垃'.repeat(201))}`,
      'q=a&q=b',
    ]) {
      const res = await signer.get(`/api/tasks?${query}`);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({
        query,
        status: 400,
        code: expect.stringMatching(/^(BAD_REQUEST|VALIDATION_FAILED)$/),
      });
    }
    await u['officer'].get(`/api/proposals?q=${encodeURIComponent('垃'.repeat(201))}`).expect(400);
  });
});
