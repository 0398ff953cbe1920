import { DomainError } from './domain-error';
import { proposalIdOf, proposalWorkflowIdOf, PROPOSAL_ID_PATTERN, ProposalRegistration } from './proposal';
import { assertValidRegistration, registrationProblems, sameRegistration } from './registration';

const valid = (): ProposalRegistration => ({
  kind: 'proposal',
  sessionCode: '8-2',
  sessionName: '市政协八届二次会议',
  number: '20230117',
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
});

describe('proposal registration rules', () => {
  it('accepts a complete joint proposal', () => {
    expect(registrationProblems(valid())).toEqual([]);
    expect(() => assertValidRegistration(valid())).not.toThrow();
  });

  it.each<[string, (r: ProposalRegistration) => void, string]>([
    ['no lead proposer', (r) => (r.proposers[0].lead = false), 'proposers'],
    ['two lead proposers', (r) => (r.proposers[1].lead = true), 'proposers'],
    ['no proposers', (r) => (r.proposers = []), 'proposers'],
    ['an empty proposer name', (r) => (r.proposers[1].name = '  '), 'proposers[1].name'],
    ['no suggestion points', (r) => (r.suggestionPoints = []), 'suggestionPoints'],
    ['points out of order', (r) => (r.suggestionPoints[1].seq = 3), 'suggestionPoints[1].seq'],
    ['a blank title', (r) => (r.title = ''), 'title'],
    ['a title over 200 characters', (r) => (r.title = '题'.repeat(201)), 'title'],
    ['a session code with spaces', (r) => (r.sessionCode = '8 2'), 'sessionCode'],
    ['a number with path characters', (r) => (r.number = '../x'), 'number'],
    ['an unknown kind', (r) => ((r as { kind: string }).kind = 'petition'), 'kind'],
    ['a proposer e-mail without a domain', (r) => (r.proposers[0].email = 'liming@'), 'proposers[0].email'],
    ['a proposer e-mail with a display name', (r) => (r.proposers[1].email = '王芳 <wf@x.org>'), 'proposers[1].email'],
  ])('rejects %s', (_case, breakIt, field) => {
    const r = valid();
    breakIt(r);
    expect(registrationProblems(r).map((p) => p.field)).toContain(field);
    expect(() => assertValidRegistration(r)).toThrow(DomainError);
    try {
      assertValidRegistration(r);
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    }
  });

  it('accepts proposers with and without an e-mail address', () => {
    const r = valid();
    r.proposers[0].email = 'liming@example.org';
    expect(registrationProblems(r)).toEqual([]);
  });

  it('tells a repeated registration from a different one under the same number', () => {
    expect(sameRegistration(valid(), valid())).toBe(true);
    const withEmail = valid();
    withEmail.proposers[0].email = 'liming@example.org';
    expect(sameRegistration(withEmail, withEmail)).toBe(true);
    expect(sameRegistration(valid(), withEmail)).toBe(false);
    const other = valid();
    other.suggestionPoints[0].text = '另一条建议';
    expect(sameRegistration(valid(), other)).toBe(false);
  });
});

describe('proposal identity', () => {
  it('derives the proposal and workflow ids from session and number', () => {
    expect(proposalIdOf('8-2', '20230117')).toBe('8-2_20230117');
    expect(proposalWorkflowIdOf('8-2_20230117')).toBe('proposal-8-2_20230117');
    expect(PROPOSAL_ID_PATTERN.test('8-2_20230117')).toBe(true);
    expect(PROPOSAL_ID_PATTERN.test("8-2_1' OR 1=1")).toBe(false);
  });
});
