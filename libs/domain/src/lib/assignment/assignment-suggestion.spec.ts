import { precedentsAmong, SimilarAssignment, suggestAssignment } from './assignment-suggestion';

const ALL = new Set(['education', 'human-resources', 'government-data', 'market-regulation', 'industry-it']);

let n = 0;
const p = (leadUnitId: string | null, assignedUnitIds: string[]): SimilarAssignment => ({
  proposalId: `8-1_${++n}`,
  number: String(n),
  title: `提案${n}`,
  sessionName: '八届一次',
  leadUnitId,
  assignedUnitIds,
});

describe('the assignment suggestion', () => {
  it('suggests the lead most similar proposals had, with the co-handlers that recur beside it', () => {
    const similar = [
      p('education', ['education', 'human-resources']),
      p('education', ['education', 'human-resources', 'government-data']),
      p('industry-it', ['industry-it']),
      p('education', ['education', 'human-resources']),
    ];
    const s = suggestAssignment(similar, ALL);
    expect(s).toMatchObject({ mode: 'lead', leadUnitId: 'education', coHandlerUnitIds: ['human-resources'] });
    // government-data co-handled once only: not a precedent.
    expect(s?.basis.map((b) => b.proposalId)).toEqual([similar[0], similar[1], similar[3]].map((b) => b.proposalId));
    // 1 + 1/2 + 1/4 of 1 + 1/2 + 1/3 + 1/4.
    expect(s?.agreement).toBeCloseTo(0.84, 2);
  });

  it('weighs the most similar more: one close precedent outweighs two distant ones', () => {
    const s = suggestAssignment(
      [p('industry-it', ['industry-it']), p('education', ['education']), p('x', []), p('education', ['education'])],
      ALL,
    );
    // 1 for industry-it against 1/2 + 1/4 for education.
    expect(s).toMatchObject({ mode: 'single', leadUnitId: 'industry-it', coHandlerUnitIds: [] });
  });

  it('counts a proposal that went to one unit alone as led by it, and never a split one', () => {
    expect(suggestAssignment([p(null, ['education', 'government-data'])], ALL)).toBeNull();
    expect(suggestAssignment([p(null, ['education'])], ALL)).toMatchObject({ leadUnitId: 'education', mode: 'single' });
  });

  it('never suggests a unit that cannot be assigned now', () => {
    const similar = [p('retired-bureau', ['retired-bureau']), p('education', ['education', 'retired-bureau'])];
    const s = suggestAssignment([...similar, p('education', ['education', 'retired-bureau'])], ALL);
    expect(s).toMatchObject({ leadUnitId: 'education', coHandlerUnitIds: [] });
    expect(suggestAssignment([], ALL)).toBeNull();
  });
});

describe('the precedents', () => {
  const candidate = (searchTerms: string[]) => ({ ...p('education', ['education']), searchTerms });

  it('are the candidates sharing at least two terms beyond 关于…的提案, in their order', () => {
    const terms = ['关于', '产教', '教融', '融合', '的提', '提案'];
    const formulaic = candidate(['关于', '的提', '提案', '其他']);
    const one = candidate(['关于', '产教', '提案']);
    const two = candidate(['产教', '融合', '基站']);
    const three = candidate(['产教', '教融', '融合']);
    expect(precedentsAmong(terms, [formulaic, three, one, two]).map((c) => c.proposalId)).toEqual([
      three.proposalId,
      two.proposalId,
    ]);
    expect(precedentsAmong(terms, [three])[0]).not.toHaveProperty('searchTerms');
  });
});
