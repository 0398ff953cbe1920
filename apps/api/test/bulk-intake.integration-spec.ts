import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

/*
 * A session's intake in two steps, each one workflow update per proposal: the proposal
 * committee imports the session accepted (立案 with registration), then the assigning office
 * assigns many proposals in one request (交办), each row answered on its own.
 */

interface ImportReport {
  total: number;
  created: number;
  unchanged: number;
  failed: number;
  accepted?: number;
  rows: { row: number; proposalId?: string; status: string; accepted?: boolean; error?: { code: string } }[];
}
interface AssignmentReport {
  total: number;
  assigned: number;
  refused: number;
  rows: {
    proposalId: string;
    status: 'assigned' | 'refused';
    result?: { stage: string; version: number };
    error?: { code: string; status: number; message: string };
  }[];
}
interface EventView {
  type: string;
  actor: { userId: string; displayName: string; unitId: string } | null;
}

const registration = (sessionCode: string, number: string) => ({
  kind: 'proposal',
  sessionCode,
  sessionName: '市政协九届一次会议',
  number,
  title: `关于第${number}号事项的提案`,
  proposers: [{ name: '李明', lead: true }],
  body: '正文',
  suggestionPoints: [{ seq: 1, text: '建议' }],
});

const LEAD = { mode: 'lead', leadUnitId: 'industry-it', coHandlerUnitIds: ['education', 'human-resources'] };
const SINGLE = { mode: 'single', unitIds: ['education'] };

describe.each(testDatabases())('bulk intake: import accepted, assign in bulk ($name)', ({ name, config }) => {
  let stack: Stack;
  let registrar: UserClient;
  let officer: UserClient;
  let supervisor: UserClient;
  // Every database of the run shares the Temporal server: sessions (hence workflow ids) are unique.
  const run = `bi${name.slice(0, 2)}${Date.now().toString(36)}`;
  let sessions = 0;
  /** A session of its own, open (its proposals' workflow ids are then unique). */
  const newSession = async () => {
    const code = `${run}-${++sessions}`;
    await openSession(stack, code, '市政协九届一次会议');
    return code;
  };

  const stageOf = async (id: string): Promise<string> =>
    ((await officer.get(`/api/proposals/${id}`).expect(200)).body as { stage: string }).stage;
  const eventsOf = async (id: string): Promise<EventView[]> =>
    (await officer.get(`/api/proposals/${id}/events`).expect(200)).body as EventView[];
  const allowed = async (client: UserClient, id: string): Promise<string[]> =>
    (
      (await client.get(`/api/proposals/${id}`).expect(200)).body as { allowedActions: { action: string }[] }
    ).allowedActions.map((a) => a.action);

  beforeAll(async () => {
    stack = await startStack(config);
    registrar = await as(stack, 'registrar');
    officer = await as(stack, 'officer');
    supervisor = await as(stack, 'supervisor');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('imports a session accepted: registered and accepted in one step, the same audit trail as one after the other', async () => {
    const s = await newSession();
    // One proposal registered before, not yet accepted: the import accepts it.
    await registrar.post('/api/proposals', registration(s, '3')).expect(201);
    const res = await registrar
      .post('/api/proposals/import?accept=true', {
        proposals: [
          registration(s, '1'),
          registration(s, '2'),
          registration(s, '3'),
          { ...registration(s, '4'), title: '' },
        ],
      })
      .expect(200);
    const report = res.body as ImportReport;
    expect(report).toMatchObject({ total: 4, created: 2, unchanged: 1, failed: 1, accepted: 3 });
    expect(report.rows.map((r) => [r.status, r.accepted])).toEqual([
      ['created', true],
      ['created', true],
      ['unchanged', true],
      ['failed', undefined],
    ]);
    for (const n of ['1', '2', '3']) {
      expect(await stageOf(`${s}_${n}`)).toBe('assignment');
      const events = await eventsOf(`${s}_${n}`);
      expect(events.map((e) => e.type)).toEqual(['registered', 'reviewed']);
      expect(events[1].actor).toEqual({
        userId: expect.any(String),
        displayName: expect.any(String),
        unitId: 'committee',
      });
    }
    // The office may now assign them; the committee has nothing left to do.
    expect(await allowed(officer, `${s}_1`)).toContain('assign');
    expect(await allowed(registrar, `${s}_1`)).not.toContain('review');

    // Sent again (e.g. after a 503): nothing new, nothing accepted twice.
    const again = (
      await registrar
        .post('/api/proposals/import?accept=true', { proposals: [registration(s, '1'), registration(s, '2')] })
        .expect(200)
    ).body as ImportReport;
    expect(again).toMatchObject({ created: 0, unchanged: 2, failed: 0, accepted: 0 });
    expect((await eventsOf(`${s}_1`)).map((e) => e.type)).toEqual(['registered', 'reviewed']);

    // Without accept, the import is as before: registered only, and says nothing of acceptance.
    const plain = (await registrar.post('/api/proposals/import', { proposals: [registration(s, '5')] }).expect(200))
      .body as ImportReport;
    expect(plain.accepted).toBeUndefined();
    expect(plain.rows[0].accepted).toBeUndefined();
    expect(await stageOf(`${s}_5`)).toBe('registered');

    const bad = await registrar.post('/api/proposals/import?accept=yes', { proposals: [] }).expect(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const notCommittee = await officer.post('/api/proposals/import?accept=true', { proposals: [] }).expect(403);
    expect(notCommittee.body.error.code).toBe('ROLE_REQUIRED');
  });

  it('assigns many proposals in one request: each row assigned or refused with the single action’s error', async () => {
    const s = await newSession();
    await registrar
      .post('/api/proposals/import?accept=true', { proposals: ['1', '2', '3', '4'].map((n) => registration(s, n)) })
      .expect(200);
    await registrar.post('/api/proposals', registration(s, '9')).expect(201); // registered, not accepted
    const res = await officer
      .post('/api/proposals/assignments', {
        assignments: [
          { proposalId: `${s}_1`, ...LEAD },
          { proposalId: `${s}_2`, ...SINGLE },
          { proposalId: `${s}_9`, ...SINGLE },
          { proposalId: `${s}_3`, mode: 'lead', leadUnitId: 'industry-it' },
          { proposalId: `${s}_4`, mode: 'single', unitIds: ['gov-office'] },
          { proposalId: `${s}_77`, ...SINGLE },
        ],
      })
      .expect(200);
    const report = res.body as AssignmentReport;
    expect(report).toMatchObject({ total: 6, assigned: 2, refused: 4 });
    expect(report.rows.map((r) => [r.proposalId, r.status, r.result?.stage ?? r.error?.code, r.error?.status])).toEqual(
      [
        [`${s}_1`, 'assigned', 'consultation', undefined],
        [`${s}_2`, 'assigned', 'drafting', undefined],
        [`${s}_9`, 'refused', 'WRONG_STAGE', 409],
        [`${s}_3`, 'refused', 'VALIDATION_FAILED', 422],
        [`${s}_4`, 'refused', 'VALIDATION_FAILED', 422],
        [`${s}_77`, 'refused', 'PROPOSAL_NOT_FOUND', 404],
      ],
    );

    // The read model already shows each assignment; the refused rows are untouched.
    const detail = (await officer.get(`/api/proposals/${s}_1`).expect(200)).body as {
      stage: string;
      leadUnitId: string;
      assignedUnitIds: string[];
    };
    expect(detail).toMatchObject({ stage: 'consultation', leadUnitId: 'industry-it' });
    const events = await eventsOf(`${s}_1`);
    expect(events.map((e) => e.type)).toEqual(['registered', 'reviewed', 'assigned']);
    expect(events[2].actor).toEqual({
      userId: expect.any(String),
      displayName: expect.any(String),
      unitId: 'gov-office',
    });
    expect(await stageOf(`${s}_9`)).toBe('registered');
    expect(await stageOf(`${s}_3`)).toBe('assignment');
    expect(await stageOf(`${s}_4`)).toBe('assignment');
    expect((await eventsOf(`${s}_3`)).map((e) => e.type)).toEqual(['registered', 'reviewed']);

    // The same row as the single action refuses it, for the same reason.
    const single = await officer.post(`/api/proposals/${s}_9/assignment`, SINGLE).expect(409);
    expect(single.body.error.code).toBe(report.rows[2].error?.code);
  });

  it('is the assigning office’s alone, bounded, and refuses a malformed request as a whole', async () => {
    const s = await newSession();
    await registrar.post('/api/proposals/import?accept=true', { proposals: [registration(s, '1')] }).expect(200);
    const row = { proposalId: `${s}_1`, ...SINGLE };

    for (const [client, username] of [
      [registrar, 'registrar'],
      [supervisor, 'supervisor'],
    ] as const) {
      const refused = await client.post('/api/proposals/assignments', { assignments: [row] }).expect(403);
      expect([username, refused.body.error.code]).toEqual([username, 'ROLE_REQUIRED']);
    }
    const handler = await as(stack, 'education-handler');
    expect((await handler.post('/api/proposals/assignments', { assignments: [row] }).expect(403)).body.error.code).toBe(
      'ROLE_REQUIRED',
    );

    const tooMany = await officer
      .post('/api/proposals/assignments', { assignments: Array.from({ length: 1_001 }, () => row) })
      .expect(413);
    expect(tooMany.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await officer
      .post('/api/proposals/assignments', { assignments: [row, { proposalId: `${s}_2`, mode: 'jointly' }] })
      .expect(400);
    expect(malformed.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/^assignments\[1\]\.mode/) })]),
    );
    await officer.post('/api/proposals/assignments', { assignments: [{ ...row, extra: 1 }] }).expect(400);
    await officer.post('/api/proposals/assignments', { assignments: [] }).expect(400);
    await officer.post('/api/proposals/assignments', { rows: [row] }).expect(400);
    const twice = await officer.post('/api/proposals/assignments', { assignments: [row, row] }).expect(422);
    expect(twice.body.error.code).toBe('VALIDATION_FAILED');
    // Nothing of the refused requests reached the proposal.
    expect(await stageOf(`${s}_1`)).toBe('assignment');
  });

  it('answers a retried request (same Idempotency-Key) with the first report, assigning nothing twice', async () => {
    const s = await newSession();
    await registrar
      .post('/api/proposals/import?accept=true', { proposals: [registration(s, '1'), registration(s, '2')] })
      .expect(200);
    const body = {
      assignments: [
        { proposalId: `${s}_1`, ...LEAD },
        { proposalId: `${s}_2`, ...SINGLE },
      ],
    };
    const first = await officer
      .post('/api/proposals/assignments', body, { 'Idempotency-Key': `bulk-${s}` })
      .expect(200);
    const retry = await officer
      .post('/api/proposals/assignments', body, { 'Idempotency-Key': `bulk-${s}` })
      .expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((first.body as AssignmentReport).assigned).toBe(2);
    expect((await eventsOf(`${s}_1`)).filter((e) => e.type === 'assigned')).toHaveLength(1);
    // Without a key, sending it again is a new request: each row is refused, nothing changes.
    const again = (await officer.post('/api/proposals/assignments', body).expect(200)).body as AssignmentReport;
    expect(again.rows.map((r) => r.error?.code)).toEqual(['WRONG_STAGE', 'WRONG_STAGE']);
  });
});
