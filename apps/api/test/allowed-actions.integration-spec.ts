import { readFileSync } from 'node:fs';
import { HANDLING_ACTIONS } from '@banli/domain';
import { execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { OPENAPI_FILE } from './support/openapi-responses';
import { accepted, assignedToOne, assignedWithLead, draftOf, readyToSign, uniqueNumber } from './support/proposals';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

interface Action {
  action: string;
  targets?: Record<string, unknown>[];
}
interface Task {
  id: string;
  proposalId: string;
  kind: string;
  due: { state: string; doneAt?: string; workingDaysLeft?: number; workingDaysOverdue?: number };
}

const PEOPLE = [
  'registrar',
  'officer',
  'supervisor',
  'lead-handler',
  'lead-reviewer',
  'lead-signer',
  'education-cohandler',
  'education-handler',
  'education-reviewer',
  'education-signer',
  'human-resources-cohandler',
];

/**
 * The detail says what the caller may do (the domain's actions table over the read model's
 * state) and what the audit trail says happened; the inbox lists what the caller can act on.
 */
describe.each(testDatabases())('what the caller may do, and their inbox ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  const session = `aa${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;

  const detail = async (who: string, id: string) => (await u[who].get(`/api/proposals/${id}`).expect(200)).body;
  const actionsOf = async (who: string, id: string): Promise<Action[]> => (await detail(who, id)).allowedActions;
  const namesOf = async (who: string, id: string) => (await actionsOf(who, id)).map((a) => a.action);
  const inbox = async (who: string, query = '') =>
    (await u[who].get(`/api/tasks?pageSize=200${query}`).expect(200)).body as {
      items: Task[];
      counts: { open: number; overdue: number; dueSoon: number };
    };
  const kindsIn = (items: Task[], id: string) =>
    items
      .filter((t) => t.proposalId === id)
      .map((t) => t.kind)
      .sort();

  /** Moves a deadline's end into the past in the read model's state and task (standing in for time passing). */
  async function pastDue(id: string, deadlineKey: string): Promise<void> {
    const dueAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const { rows } = await execSql(stack.dataSource, `SELECT "handling_state" FROM "proposal" WHERE "id" = :id`, {
      id,
    });
    const raw = rows[0]?.['handling_state'];
    const state = typeof raw === 'string' ? JSON.parse(raw) : raw;
    state.deadlines[deadlineKey].dueAt = dueAt;
    await execSql(stack.dataSource, `UPDATE "proposal" SET "handling_state" = :state WHERE "id" = :id`, {
      id,
      state: JSON.stringify(state),
    });
    await execSql(
      stack.dataSource,
      `UPDATE "task" SET "due_at" = :dueAt WHERE "proposal_id" = :id AND "deadline_key" = :deadlineKey`,
      { id, dueAt, deadlineKey },
    );
  }

  beforeAll(async () => {
    stack = await startStack(config);
    await openSession(stack, session);
    for (const name of PEOPLE) u[name] = await as(stack, name);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('at registered: the registrar reviews, and a key proposal may already be marked', async () => {
    const number = uniqueNumber();
    await u['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: session,
        sessionName: '市政协八届二次会议',
        number,
        title: '关于测试的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    const id = `${session}_${number}`;
    expect(await actionsOf('registrar', id)).toEqual([{ action: 'review' }]);
    expect(await namesOf('supervisor', id)).toContain('markKey');
    expect(await namesOf('officer', id)).toContain('markKey');
    expect(await namesOf('officer', id)).not.toContain('assign');

    // A proposal projected before the read model kept the state: the workflow answers instead.
    await execSql(stack.dataSource, `UPDATE "proposal" SET "handling_state" = NULL WHERE "id" = :id`, { id });
    expect(await actionsOf('registrar', id)).toEqual([{ action: 'review' }]);
  });

  it('in consultation on a key proposal: contact is the handler’s, not the reviewer’s or signer’s; no extension once overdue', async () => {
    const id = await assignedWithLead(u, 'industry-it', ['education'], {
      sessionCode: session,
      number: uniqueNumber(),
    });
    await u['supervisor'].post(`/api/proposals/${id}/key`, { leaders: ['王副市长'] }).expect(200);

    const handler = await actionsOf('lead-handler', id);
    expect(handler.map((a) => a.action)).toContain('recordContact');
    const extension = handler.find((a) => a.action === 'requestExtension');
    expect(extension?.targets).toContainEqual({ deadlineKey: 'reply:industry-it' });
    for (const leader of ['lead-reviewer', 'lead-signer']) {
      expect(await namesOf(leader, id)).not.toContain('recordContact');
    }
    expect(await namesOf('education-cohandler', id)).toEqual(expect.arrayContaining(['object', 'submitOpinion']));

    // The inbox: the handler's contact and draft; nothing of theirs for the reviewer, unless they ask for the unit.
    expect(kindsIn((await inbox('lead-handler')).items, id)).toEqual(['contact', 'draft']);
    const reviewerOwn = await inbox('lead-reviewer');
    expect(kindsIn(reviewerOwn.items, id)).toEqual([]);
    const reviewerUnit = await inbox('lead-reviewer', '&scope=unit');
    expect(kindsIn(reviewerUnit.items, id)).toEqual(['contact', 'draft']);
    expect(reviewerUnit.counts.open).toBeGreaterThanOrEqual(reviewerOwn.counts.open + 2);
    const refused = await u['lead-handler'].get('/api/tasks?scope=unit').expect(403);
    expect(refused.body.error.code).toBe('ROLE_REQUIRED');

    const draftTask = (await inbox('lead-handler')).items.find((t) => t.proposalId === id && t.kind === 'draft');
    expect(draftTask?.due.state).toBe('on-track');
    expect(draftTask?.due.workingDaysLeft).toBeGreaterThan(5);

    await pastDue(id, 'reply:industry-it');
    const late = await actionsOf('lead-handler', id);
    expect(late.find((a) => a.action === 'requestExtension')?.targets ?? []).not.toContainEqual({
      deadlineKey: 'reply:industry-it',
    });
    const overdueTask = (await inbox('lead-handler', '&overdue=true')).items.find(
      (t) => t.proposalId === id && t.kind === 'draft',
    );
    expect(overdueTask?.due).toMatchObject({ state: 'overdue' });
    const reply = (await detail('lead-handler', id)).deadlines.find(
      (d: { key: string }) => d.key === 'reply:industry-it',
    );
    expect(reply.due.state).toBe('on-track'); // the deadline table was not moved: only the state and the task
  });

  it('after a reassignment, the detail and the drafting workspace agree whose opinion counts', async () => {
    const id = await assignedWithLead(u, 'industry-it', ['education', 'human-resources'], {
      sessionCode: session,
      number: uniqueNumber(),
    });
    await u['education-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] })
      .expect(200);
    await u['human-resources-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'for-reference', text: '参考。' }] })
      .expect(200);
    await u['human-resources-cohandler']
      .post(`/api/proposals/${id}/objections`, { reason: '不属于本单位职责' })
      .expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/objections/1/decision`, {
        decision: 'reassign',
        reason: '改由数据局会办',
        replacementUnitId: 'government-data',
      })
      .expect(200);

    const d = await detail('lead-handler', id);
    expect(d.opinions.map((o: { unitId: string; status: string }) => [o.unitId, o.status])).toEqual([
      ['education', 'submitted'],
      ['government-data', 'pending'],
    ]);
    expect(d.opinions[1].replaces).toBe('human-resources');
    expect(d.objections).toMatchObject([
      { id: 1, unitId: 'human-resources', decided: { decision: 'reassign', replacementUnitId: 'government-data' } },
    ]);
    const ws = (await u['lead-handler'].get(`/api/proposals/${id}/workspace`).expect(200)).body;
    expect(ws.opinionStatus.map((o: { unitId: string }) => o.unitId)).toEqual(['education']);
    expect(ws.points[0].opinions.map((o: { unitId: string }) => o.unitId)).toEqual(['education']);
  });

  it('at feedback: the office records the ratings, the supervisor never; finished tasks say when they were done', async () => {
    const id = await assignedToOne(u, 'education', { sessionCode: session, number: uniqueNumber() });
    await readyToSign(u, id, 'education');
    await u['education-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    await u['education-handler'].post(`/api/proposals/${id}/dispatch`).expect(200);

    const office = await actionsOf('officer', id);
    expect(office.find((a) => a.action === 'recordFeedback')?.targets).toEqual([
      { unitId: 'education', proposer: '李明' },
    ]);
    expect(await namesOf('supervisor', id)).not.toContain('recordFeedback');
    expect(kindsIn((await inbox('officer')).items, id)).toEqual(['record-feedback']);
    expect(kindsIn((await inbox('supervisor')).items, id)).toEqual([]);
    expect(kindsIn((await inbox('supervisor', '&scope=unit')).items, id)).toEqual(['record-feedback']);

    const d = await detail('officer', id);
    expect(d.signatures).toMatchObject([{ unitId: 'education', round: 1 }]);
    expect(d.ratings).toEqual([{ unitId: 'education', round: 1, ratings: [] }]);
    await u['officer']
      .post(`/api/proposals/${id}/feedback`, { unitId: 'education', proposer: '李明', rating: 'satisfied' })
      .expect(200);
    expect((await detail('officer', id)).ratings).toEqual([
      { unitId: 'education', round: 1, ratings: [{ proposer: '李明', rating: 'satisfied' }] },
    ]);

    const done = (await inbox('education-handler', '&status=closed')).items.filter((t) => t.proposalId === id);
    expect(done.map((t) => t.kind).sort()).toEqual(['contact', 'dispatch', 'draft']);
    for (const t of done) {
      expect(t.due.state).toBe('done');
      expect(t.due.doneAt).toEqual(expect.any(String));
      expect(t.due.workingDaysLeft).toBeUndefined();
    }
  });

  it('a proposal accepted but not assigned: the office assigns', async () => {
    const id = await accepted(u, { sessionCode: session, number: uniqueNumber() });
    expect(await namesOf('officer', id)).toEqual(expect.arrayContaining(['assign', 'markKey']));
    expect(kindsIn((await inbox('officer')).items, id)).toEqual(['assign']);
  });
  it('refuses every action of the table on a closed proposal with 409 HANDLING_ENDED, never a 5xx', async () => {
    const id = await assignedWithLead(u, 'industry-it', ['education']);
    await u['education-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] })
      .expect(200);
    await readyToSign(u, id, 'industry-it');
    await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    await u['lead-handler'].post(`/api/proposals/${id}/dispatch`, {}).expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/feedback`, { unitId: 'industry-it', proposer: '李明', rating: 'satisfied' })
      .expect(200);
    expect((await u['officer'].get(`/api/proposals/${id}`).expect(200)).body.stage).toBe('closed');

    // A valid body for each action's route: validation passes, so the answer is the workflow's.
    const bodies: Record<string, object> = {
      '/review': { decision: 'accept' },
      '/assignment': { mode: 'single', unitIds: ['education'] },
      '/objections': { reason: '不属于本单位职责' },
      '/objections/1/decision': { decision: 'reject', reason: '维持' },
      '/opinions': { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] },
      '/opinions/education/return': { reason: '请补充' },
      '/opinions/education/waiver': { reason: '无需会办' },
      '/contacts': { method: 'call', contactedAt: new Date().toISOString(), summary: '电话沟通' },
      '/drafts': draftOf(),
      '/draft-versions': draftOf(),
      '/drafts/review': { decision: 'approve' },
      '/sign-off': { decision: 'sign' },
      '/dispatch': {},
      '/feedback': { unitId: 'industry-it', proposer: '李明', rating: 'satisfied' },
      '/follow-up': { summary: '已落实' },
      '/publication': { location: '市政府门户网站' },
      '/extensions': { deadlineKey: 'reply:industry-it', requestedEndDate: '2027-06-30', reason: '调研' },
      '/extensions/1/decision': { decision: 'approve', reason: '同意' },
      '/key': { leaders: ['张副市长'] },
      '/reminders': { unitId: 'industry-it', message: '请抓紧办理' },
    };
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const routes = Object.entries(doc.paths)
      // The actions on one proposal (the bulk assignment, also tagged actions, is per row the same).
      .filter(
        ([template, ops]) => template.startsWith('/api/proposals/{id}/') && ops['post']?.tags?.includes('actions'),
      )
      .map(([template]) =>
        template
          .replace('/api/proposals/{id}', '')
          .replace('{unitId}', 'education')
          .replace(/\{\w+Id\}/g, '1'),
      );
    // One route per action of the domain's table, and a body for each.
    expect(routes).toHaveLength(Object.keys(HANDLING_ACTIONS).length);
    expect(routes.filter((r) => !bodies[r])).toEqual([]);

    for (const route of routes) {
      // Whoever holds a role for the action and may read the proposal gets the same refusal.
      const answers = await Promise.all(
        PEOPLE.map(async (name) => {
          const res = await u[name].post(`/api/proposals/${id}${route}`, bodies[route]);
          return { name, status: res.status, code: res.body?.error?.code as string | undefined };
        }),
      );
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      const ended = answers.filter((a) => a.code === 'HANDLING_ENDED');
      expect([route, ended.length > 0]).toEqual([route, true]);
      expect(ended.every((a) => a.status === 409)).toBe(true);
      // Anyone else is refused for who they are (role, unit), never told something else.
      expect(answers.filter((a) => a.code !== 'HANDLING_ENDED' && ![403, 404].includes(a.status))).toEqual([]);
    }
  });
  it('refuses to give work to a unit that does not exist or is not a bureau, and a merge into nothing, with 422; nothing changes', async () => {
    const id = await accepted(u);
    const before = (await u['officer'].get(`/api/proposals/${id}/events`).expect(200)).body.length;
    const stageBefore = (await u['officer'].get(`/api/proposals/${id}`).expect(200)).body.stage;
    const unitsWithWork = async () =>
      (
        await execSql(
          stack.dataSource,
          `SELECT "unit_id" FROM "task" WHERE "proposal_id" = :id
           UNION SELECT "unit_id" FROM "deadline" WHERE "proposal_id" = :id ORDER BY 1`,
          { id },
        )
      ).rows.map((r) => r['unit_id']);
    const unitsBefore = await unitsWithWork();
    const refused = async (path: string, user: string, body: object, fields: string[]) => {
      const res = await u[user].post(`/api/proposals/${id}${path}`, body).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(fields);
    };
    await refused(
      '/assignment',
      'officer',
      { mode: 'lead', leadUnitId: 'edu-cation', coHandlerUnitIds: ['education'] },
      ['leadUnitId'],
    );
    await refused(
      '/assignment',
      'officer',
      { mode: 'lead', leadUnitId: 'industry-it', coHandlerUnitIds: ['no-such-unit', 'committee'] },
      ['coHandlerUnitIds[0]', 'coHandlerUnitIds[1]'],
    );
    await refused('/assignment', 'officer', { mode: 'single', unitIds: ['gov-office'] }, ['unitIds[0]']);
    const detail = (await u['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    expect(detail.stage).toBe(stageBefore);
    expect((await u['officer'].get(`/api/proposals/${id}/events`).expect(200)).body).toHaveLength(before);
    // No task or deadline for anyone new.
    expect(await unitsWithWork()).toEqual(unitsBefore);

    const registered = uniqueNumber();
    await u['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number: registered,
        title: '关于合并的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    const merging = `8-2_${registered}`;
    for (const [mergedInto, message] of [
      ['8-2_no-such-proposal', /No such proposal/],
      [merging, /into itself/],
    ] as const) {
      const res = await u['registrar']
        .post(`/api/proposals/${merging}/review`, { decision: 'merge', mergedInto, reason: '内容相同' })
        .expect(422);
      expect(res.body.error.details[0]).toMatchObject({ field: 'mergedInto', message: expect.stringMatching(message) });
    }
    expect((await u['registrar'].get(`/api/proposals/${merging}`).expect(200)).body.stage).toBe('registered');
    // The well-formed ones still go through.
    await u['registrar']
      .post(`/api/proposals/${merging}/review`, { decision: 'merge', mergedInto: id, reason: '内容相同' })
      .expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/assignment`, {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['education'],
      })
      .expect(200);
  });
});
