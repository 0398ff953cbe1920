import { CommitteeSession, committeeSessionProblems, registrationInSession, RegistrationRequest } from './committee-session';

const session = (over: Partial<CommitteeSession> = {}): CommitteeSession => ({
  code: '8-2',
  name: '市政协八届二次会议',
  term: 8,
  meeting: 2,
  year: 2026,
  startsOn: '2026-01-18',
  endsOn: '2026-01-22',
  status: 'open',
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
  ...over,
});

const request = (over: Partial<RegistrationRequest> = {}): RegistrationRequest => ({
  kind: 'proposal',
  sessionCode: '8-2',
  number: '20260117',
  title: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  body: '正文',
  suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  ...over,
});

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string; details: { field: string; message: string }[] }).details;
  }
  throw new Error('not refused');
};

describe('registering into a session', () => {
  it("records the session's own name when the client sends none", () => {
    expect(registrationInSession(request(), session())).toMatchObject({ sessionCode: '8-2', sessionName: '市政协八届二次会议' });
  });

  it('accepts a session name that is the same as the session’s (older clients and import files send one)', () => {
    expect(registrationInSession(request({ sessionName: ' 市政协八届二次会议\u200b' }), session()).sessionName).toBe(
      '市政协八届二次会议',
    );
  });

  it('refuses a session name that is not the session’s, naming the right one', () => {
    expect(problemsOf(() => registrationInSession(request({ sessionName: '市政协八届三次会议' }), session()))).toEqual([
      { field: 'sessionName', message: expect.stringContaining('市政协八届二次会议') },
    ]);
  });

  it('refuses an unknown session', () => {
    expect(problemsOf(() => registrationInSession(request({ sessionCode: '9-9' }), null))).toEqual([
      { field: 'sessionCode', message: 'there is no session 9-9' },
    ]);
  });

  it('refuses a closed session, with its name', () => {
    expect(problemsOf(() => registrationInSession(request(), session({ status: 'closed' })))).toEqual([
      { field: 'sessionCode', message: expect.stringMatching(/8-2 \(市政协八届二次会议\) is closed/) },
    ]);
  });

  it('reports the session with every other problem of the registration', () => {
    const fields = problemsOf(() => registrationInSession(request({ title: '' }), null)).map((p) => p.field);
    expect(fields).toEqual(['sessionCode', 'title']);
  });
});

describe('a session as an admin enters it', () => {
  const fields = { name: '市政协八届三次会议', term: 8, meeting: 3, year: 2027, startsOn: null, endsOn: null };

  it('accepts a code, a name and a year, with or without term, meeting and dates', () => {
    expect(committeeSessionProblems('8-3', fields)).toEqual([]);
    expect(committeeSessionProblems('8-3', { ...fields, term: null, meeting: null, startsOn: '2027-01-10', endsOn: '2027-01-14' })).toEqual([]);
  });

  it.each([
    ['a code with a space', '8 3', {}, 'code'],
    ['no name', '8-3', { name: ' ' }, 'name'],
    ['a term of 0', '8-3', { term: 0 }, 'term'],
    ['a meeting of 1.5', '8-3', { meeting: 1.5 }, 'meeting'],
    ['a year of 3000', '8-3', { year: 3000 }, 'year'],
    ['a date that is no date', '8-3', { startsOn: '2027-02-30x' }, 'startsOn'],
    ['an end before the start', '8-3', { startsOn: '2027-01-14', endsOn: '2027-01-10' }, 'endsOn'],
  ])('refuses %s', (_what, code, over, field) => {
    expect(committeeSessionProblems(code, { ...fields, ...over }).map((p) => p.field)).toEqual([field]);
  });
});
