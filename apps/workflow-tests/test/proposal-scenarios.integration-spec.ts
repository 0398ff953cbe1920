import { CALENDAR_REPLAN_WORKFLOW_TYPE, calendarReplanWorkflowId } from '@banli/contracts';
import { addWorkingDays, toShanghaiDate } from '@banli/domain';
import {
  CalendarOverrideRepository,
  DeadlineEntity,
  NotificationOutboxEntity,
  ProposalEventEntity,
  ReplySignatureEntity,
  TaskEntity,
} from '@banli/persistence';
import {
  Harness,
  nowIso,
  people,
  rejection,
  saveHistoryFixture,
  skipTo,
  startHarness,
  startProposal,
  UNITS,
  writeAndSign,
  expectCompleted,
} from './support/workflow-harness';

const { lead, hr, edu, data, market } = UNITS;
const DAY = 86_400_000;

describe('proposal handling on a real Temporal server (time-skipping)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function accepted(options: Parameters<typeof startProposal>[1] = {}) {
    const p = await startProposal(h, options);
    await p.act('review', people.registrar, { decision: 'accept' });
    return p;
  }

  it('merges or converts a proposal at review, which ends its handling', async () => {
    const merged = await startProposal(h);
    const r = await merged.act('review', people.registrar, {
      decision: 'merge',
      mergedInto: '8-2_1',
      reason: '内容相同',
    });
    expect(r.stage).toBe('merged');
    await expectCompleted(merged);

    const converted = await startProposal(h);
    expect(
      (await converted.act('review', people.registrar, { decision: 'convert', reason: '转为意见建议' })).stage,
    ).toBe('converted');
    await expectCompleted(converted);
    await saveHistoryFixture(converted, 'converted-at-review');
  });

  it('split mode: each unit writes, signs and is rated on its own reply', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'split', unitIds: [lead, data] });
    const view = await p.state();
    expect(view.stage).toBe('drafting');
    expect(Object.keys(view.state.tracks).sort()).toEqual([data, lead].sort());
    expect(view.state.opinions).toEqual({});

    const leadNumber = await writeAndSign(p, lead);
    // Another unit can neither sign nor dispatch the lead unit's reply.
    expect((await rejection(p.act('dispatch', people.handler(market)))).type).toBe('NOT_ASSIGNED');
    expect((await p.state()).stage).toBe('drafting'); // the government-data reply is still being drafted
    const dataNumber = await writeAndSign(p, data);
    expect(leadNumber).toMatch(/^industry-it〔\d{4}〕\d+号$/);
    expect(dataNumber).toMatch(/^government-data〔\d{4}〕\d+号$/);

    for (const unitId of [lead, data]) {
      await p.act('dispatch', people.handler(unitId));
      for (const proposer of ['李明', '王芳']) {
        await p.act('recordFeedback', people.officer, { unitId, proposer, rating: 'satisfied' });
      }
    }
    expect((await p.state()).stage).toBe('closed');
    await expectCompleted(p);
    const signatures = await h.dataSource.getRepository(ReplySignatureEntity).findBy({ proposalId: p.proposalId });
    expect(signatures.map((s) => s.unitId).sort()).toEqual([data, lead].sort());
    await saveHistoryFixture(p, 'split-mode');
  });

  it('reassignment after an objection hands the part to another unit, whose clocks start at the decision', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [hr] });
    const assignedAt = (await p.state()).state.assignment?.assignedAt as string;
    await skipTo(h, Date.parse(assignedAt) + 2 * DAY);

    const objection = await p.act('object', people.coHandler(hr), { reason: '该提案不属于本局职责' });
    expect(objection.id).toBe(1);
    expect((await rejection(p.act('object', people.coHandler(hr), { reason: '再次' }))).type).toBe('ALREADY_DONE');
    await skipTo(h, Date.parse(assignedAt) + 3 * DAY);
    const decidedAt = await nowIso(h);
    await p.act('decideObjection', people.officer, {
      objectionId: 1,
      decision: 'reassign',
      reason: '改由市场监管局会办',
      replacementUnitId: market,
    });

    const view = await p.state();
    expect(view.state.assignment?.coHandlerUnitIds).toEqual([market]);
    expect(view.state.opinions[hr]).toBeUndefined();
    const replacement = view.deadlines.find((d) => d.key === `opinion:${market}`);
    // Started by the decision (workflow time may differ from the test's clock by a tick).
    expect(Math.abs(Date.parse(replacement?.explanation?.start as string) - Date.parse(decidedAt))).toBeLessThan(1000);
    expect(view.deadlines.find((d) => d.key === `opinion:${hr}`)?.status).toBe('cancelled');
    // The lead unit's clocks did not restart.
    expect(view.deadlines.find((d) => d.key === `reply:${lead}`)?.explanation?.start).toBe(assignedAt);

    expect((await rejection(p.act('submitOpinion', people.coHandler(hr), { points: [] }))).type).toBe('NOT_ASSIGNED');
    const inbox = await h.dataSource.getRepository(TaskEntity).findBy({ proposalId: p.proposalId, status: 'open' });
    expect(inbox.map((t) => [t.kind, t.unitId])).toContainEqual(['opinion', market]);
    expect(inbox.map((t) => t.unitId)).not.toContain(hr);

    // The objection window of a unit closes after 5 working days: then the assignment stands.
    await skipTo(h, Date.parse(view.deadlines.find((d) => d.key === `objection:${market}`)?.dueAt as string) + 1000);
    expect((await rejection(p.act('object', people.coHandler(market), { reason: '太晚了' }))).type).toBe(
      'DEADLINE_PASSED',
    );
    await saveHistoryFixture(p, 'reassignment-after-objection');
  });

  it('an approved extension moves the live timer: no escalation at the old deadline, one at the new', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [edu] });
    const before = (await p.state()).deadlines.find((d) => d.key === `opinion:${edu}`);
    const oldDue = Date.parse(before?.dueAt as string);
    // A working day (in the calendar in force) about three weeks later: a requested day off
    // would roll forward to the next working day, and which dates are days off depends on
    // when the test runs.
    const calendar = await new CalendarOverrideRepository(h.dataSource).current(Date.now(), true);
    const requested = addWorkingDays(calendar, toShanghaiDate(new Date(oldDue)), 14);

    const ext = await p.act('requestExtension', people.coHandler(edu), {
      deadlineKey: `opinion:${edu}`,
      requestedEndDate: requested,
      reason: '需开展专题调研',
    });
    await p.act('decideExtension', people.officer, { extensionId: ext.id, decision: 'approve', reason: '同意' });
    const moved = (await p.state()).deadlines.find((d) => d.key === `opinion:${edu}`);
    expect(moved?.explanation?.endDate).toBe(requested);
    expect(moved?.extension?.fromDueAt).toBe(before?.dueAt);

    await skipTo(h, oldDue + 2 * DAY);
    expect((await p.state()).deadlines.find((d) => d.key === `opinion:${edu}`)).toMatchObject({
      escalations: 0,
      status: 'running',
    });
    await skipTo(h, Date.parse(moved?.dueAt as string) + 3_600_000);
    expect((await p.state()).deadlines.find((d) => d.key === `opinion:${edu}`)).toMatchObject({ escalations: 1 });

    const events = await h.dataSource
      .getRepository(ProposalEventEntity)
      .findBy({ proposalId: p.proposalId, type: 'deadline-escalation' });
    const opinionEscalations = events.filter((e) => e.data['deadlineKey'] === `opinion:${edu}`);
    expect(opinionEscalations.map((e) => e.data['dueAt'])).toEqual([moved?.dueAt]);
    await saveHistoryFixture(p, 'extension-moves-timer');
  });

  it('gives the office a decision deadline for each request: it reminds, escalates, and ends with the decision', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [hr] });
    const reply = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    const calendar = await new CalendarOverrideRepository(h.dataSource).current(Date.now(), true);
    const requestedAt = await nowIso(h);
    const ext = await p.act('requestExtension', people.handler(lead), {
      deadlineKey: `reply:${lead}`,
      requestedEndDate: addWorkingDays(calendar, toShanghaiDate(new Date(reply?.dueAt as string)), 10),
      reason: '需开展专题调研',
    });
    const objection = await p.act('object', people.coHandler(hr), { reason: '该提案不属于本局职责' });

    const key = `decision:extension-${ext.id}`;
    const decision = (await p.state()).deadlines.find((d) => d.key === key);
    // The policy's default: 5 working days from the request, by the calendar in force, held by the office.
    expect(decision).toMatchObject({ kind: 'decision', unitId: UNITS.office, status: 'running' });
    expect(decision?.explanation?.endDate).toBe(addWorkingDays(calendar, toShanghaiDate(requestedAt), 5));
    expect((await p.state()).deadlines.find((d) => d.key === `decision:objection-${objection.id}`)).toMatchObject({
      kind: 'decision',
      unitId: UNITS.office,
    });
    // The office's inbox row for the request carries the deadline.
    const task = await h.dataSource
      .getRepository(TaskEntity)
      .findOneBy({ proposalId: p.proposalId, kind: 'decide-extension', status: 'open' });
    expect(task).toMatchObject({ unitId: UNITS.office, deadlineKey: key });

    // Reminded the working day before, escalated once passed: notices to the office.
    await skipTo(h, Date.parse(decision?.dueAt as string) + 3_600_000);
    const passed = (await p.state()).deadlines.find((d) => d.key === key);
    expect(passed).toMatchObject({ remindersSent: decision?.reminderAt.length, escalations: 1 });
    expect(decision?.reminderAt.length).toBeGreaterThanOrEqual(1);
    const notices = async () =>
      (await h.dataSource.getRepository(NotificationOutboxEntity).findBy({ proposalId: p.proposalId })).filter(
        (n) => n.payload['deadlineKey'] === key,
      );
    expect((await notices()).map((n) => [n.kind, n.unitId]).sort()).toEqual(
      [
        ...Array.from({ length: decision?.reminderAt.length ?? 0 }, () => ['deadline-reminder', UNITS.office]),
        ['deadline-escalation', UNITS.office],
      ].sort(),
    );

    // The decision meets it: no further escalation.
    await p.act('decideExtension', people.officer, { extensionId: ext.id, decision: 'refuse', reason: '不同意' });
    expect((await p.state()).deadlines.find((d) => d.key === key)).toMatchObject({ status: 'met', escalations: 1 });
    await skipTo(h, (await h.env.currentTimeMs()) + 10 * DAY);
    expect((await p.state()).deadlines.find((d) => d.key === key)).toMatchObject({ status: 'met', escalations: 1 });
    expect((await notices()).filter((n) => n.kind === 'deadline-escalation')).toHaveLength(1);
    // The objection's deadline, never decided, kept escalating meanwhile.
    const pendingObjection = (await p.state()).deadlines.find((d) => d.key === `decision:objection-${objection.id}`);
    expect(pendingObjection?.escalations).toBeGreaterThanOrEqual(2);
    await saveHistoryFixture(p, 'office-decision-deadline');
  });

  it('a refused extension keeps the deadline, and no extension may go past six months from assignment', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    const reply = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    const limit = (await p.state()).deadlines.find((d) => d.key === `limit:${lead}`);
    const tooLate = new Date(Date.parse(limit?.dueAt as string) + 2 * DAY).toISOString().slice(0, 10);
    const r = await rejection(
      p.act('requestExtension', people.handler(lead), {
        deadlineKey: `reply:${lead}`,
        requestedEndDate: tooLate,
        reason: '延期',
      }),
    );
    expect(r.type).toBe('VALIDATION_FAILED');

    const ext = await p.act('requestExtension', people.handler(lead), {
      deadlineKey: `reply:${lead}`,
      requestedEndDate: new Date(Date.parse(reply?.dueAt as string) + 10 * DAY).toISOString().slice(0, 10),
      reason: '延期',
    });
    await p.act('decideExtension', people.officer, { extensionId: ext.id, decision: 'refuse', reason: '不同意' });
    expect((await p.state()).deadlines.find((d) => d.key === `reply:${lead}`)?.dueAt).toBe(reply?.dueAt);
  });

  it('an unsatisfied rating re-opens handling with a one-month deadline, then feedback again', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    const first = await writeAndSign(p, lead, 'B', 'never');
    await p.act('dispatch', people.handler(lead));
    await p.act('recordFeedback', people.officer, { unitId: lead, proposer: '李明', rating: 'satisfied' });
    const unsatisfied = await p.act('recordFeedback', people.officer, {
      unitId: lead,
      proposer: '王芳',
      rating: 'unsatisfied',
      comment: '措施不具体',
    });
    expect(unsatisfied.stage).toBe('re-handling');
    const view = await p.state();
    const rehandling = view.deadlines.find((d) => d.key === `reply:${lead}`);
    expect(rehandling?.explanation?.rule).toEqual({ unit: 'months', amount: 1 });
    expect(view.state.tracks[lead]).toMatchObject({ round: 2, status: 'drafting' });
    expect(view.state.tracks[lead].history.map((s) => s.documentNumber)).toEqual([first]);

    const second = await writeAndSign(p, lead, 'B', 'never');
    expect(second).not.toBe(first);
    await p.act('dispatch', people.handler(lead));
    for (const proposer of ['李明', '王芳']) {
      await p.act('recordFeedback', people.officer, { unitId: lead, proposer, rating: 'basically-satisfied' });
    }
    // A B-class reply promises action: a follow-up report is due before the proposal closes.
    const afterFeedback = await p.state();
    expect(afterFeedback.stage).toBe('follow-up');
    expect(afterFeedback.tasks.map((t) => t.kind)).toContain('follow-up');
    const closed = await p.act('reportFollowUp', people.handler(lead), { summary: '已建成基站120座。' });
    expect(closed.stage).toBe('closed');
    await expectCompleted(p);
    await saveHistoryFixture(p, 'rehandling-and-follow-up');
  });

  it('a proposer who does not answer within the feedback window is recorded as not rated, never satisfied', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    await writeAndSign(p, lead);
    await p.act('dispatch', people.handler(lead));
    await p.act('recordFeedback', people.officer, { unitId: lead, proposer: '李明', rating: 'satisfied' });
    const window = (await p.state()).deadlines.find((d) => d.key === `feedback:${lead}`);
    expect(window?.explanation?.rule).toEqual({ unit: 'working-days', amount: 15 });

    await skipTo(h, Date.parse(window?.dueAt as string) + 3_600_000);
    const view = await p.state();
    expect(view.state.tracks[lead].feedback).toEqual({ 李明: 'satisfied', 王芳: 'not-rated' });
    expect(view.stage).toBe('closed');
    await expectCompleted(p);
    const closedEvent = await h.dataSource.getRepository(ProposalEventEntity).findOneByOrFail({
      proposalId: p.proposalId,
      type: 'feedback-closed',
    });
    expect(closedEvent.data['feedback']).toEqual({ 李明: 'satisfied', 王芳: 'not-rated' });
    await saveHistoryFixture(p, 'feedback-not-rated');
  });

  it('a key proposal needs a recorded proposer contact before sign-off', async () => {
    const p = await accepted();
    await p.act('markKey', people.supervisor, { leaders: ['张副市长'] });
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    await p.act('submitDraft', people.handler(lead), {
      replyClass: 'A',
      disclosure: 'never',
      sections: [
        { seq: 1, adoption: 'adopted', text: '一' },
        { seq: 2, adoption: 'adopted', text: '二' },
      ],
    });
    await p.act('reviewDraft', people.reviewer(lead), { decision: 'approve' });
    expect((await rejection(p.act('signOff', people.signer(lead), { decision: 'sign' }))).type).toBe(
      'CONTACT_REQUIRED',
    );
    await p.act('recordContact', people.handler(lead), {
      method: 'visit',
      contactedAt: await nowIso(h),
      summary: '上门走访',
    });
    expect((await p.act('signOff', people.signer(lead), { decision: 'sign' })).documentNumber).toBeDefined();
  });

  it('sends a draft back at review and at sign-off, each time with the comment kept for its version', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    const draft = {
      replyClass: 'C',
      disclosure: 'never',
      sections: [
        { seq: 1, adoption: 'for-reference', text: '一' },
        { seq: 2, adoption: 'for-reference', text: '二' },
      ],
    };
    await p.act('submitDraft', people.handler(lead), draft);
    expect((await rejection(p.act('signOff', people.signer(lead), { decision: 'sign' }))).type).toBe('WRONG_STAGE');
    await p.act('reviewDraft', people.reviewer(lead), { decision: 'send-back', comment: '第二条答复过于简单' });
    expect((await p.state()).state.tracks[lead]).toMatchObject({
      status: 'drafting',
      lastSendBack: { step: 'review', comment: '第二条答复过于简单', draftVersion: 1 },
    });
    await p.act('submitDraft', people.handler(lead), draft);
    await p.act('reviewDraft', people.reviewer(lead), { decision: 'approve' });
    const back = await p.act('signOff', people.signer(lead), { decision: 'send-back', comment: '请补充资金安排' });
    expect(back.stage).toBe('drafting');
    expect((await p.state()).state.tracks[lead]).toMatchObject({
      sendBacks: 2,
      lastSendBack: { step: 'sign-off', comment: '请补充资金安排', draftVersion: 2 },
    });
    const events = await h.dataSource
      .getRepository(ProposalEventEntity)
      .findBy({ proposalId: p.proposalId, type: 'draft-sent-back' });
    expect(events.map((e) => [e.data['step'], e.data['draftVersion']])).toEqual([
      ['review', 1],
      ['sign-off', 2],
    ]);
    expect(await h.dataSource.getRepository(ReplySignatureEntity).countBy({ proposalId: p.proposalId })).toBe(0);
  });

  it('keeps escalating an overdue reply every 3 working days until it is signed', async () => {
    const p = await accepted();
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    const reply = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    await skipTo(h, Date.parse(reply?.dueAt as string) + 12 * DAY);
    const overdue = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    expect(overdue?.escalations).toBeGreaterThanOrEqual(3);
    expect(overdue?.remindersSent).toBe(2);
    const notices = await h.dataSource.getRepository(NotificationOutboxEntity).findBy({ proposalId: p.proposalId });
    const replyNotices = notices.filter((n) => n.payload['deadlineKey'] === `reply:${lead}`);
    expect(replyNotices.filter((n) => n.kind === 'deadline-escalation')).toHaveLength(overdue?.escalations as number);
    await p.act('recordContact', people.handler(lead), {
      method: 'call',
      contactedAt: await nowIso(h),
      summary: '电话',
    });
    await writeAndSign(p, lead);
    const escalationsAtSigning = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`)?.escalations;
    await skipTo(h, (await h.env.currentTimeMs()) + 10 * DAY);
    const after = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    expect(after).toMatchObject({ status: 'met', escalations: escalationsAtSigning });
  });

  it('keeps its history bounded: continues as new and carries every deadline and task', async () => {
    const p = await accepted({ maxHistoryEvents: 60 });
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [hr, edu] });
    const before = await p.state();
    const firstRun = (await p.handle.describe()).runId;
    for (let i = 0; i < 6; i++) {
      await p.act('submitOpinion', people.coHandler(hr), {
        points: [{ seq: 1, adoption: 'adopted', text: `修订${i}` }],
      });
      await p.act('returnOpinion', people.handler(lead), { unitId: hr, reason: `请补充${i}` });
    }
    await skipTo(h, (await h.env.currentTimeMs()) + 60_000);
    const after = await p.state();
    expect(after.state.opinions[hr]).toMatchObject({ status: 'returned', version: 6 });
    expect(after.deadlines.map((d) => [d.key, d.dueAt])).toEqual(before.deadlines.map((d) => [d.key, d.dueAt]));
    const described = await p.handle.describe();
    expect(described.runId).not.toBe(firstRun);
    expect(described.historyLength).toBeLessThan(60 + 30);
    // The continued run still accepts actions and its audit trail has no gaps.
    await p.act('submitOpinion', people.coHandler(hr), { points: [{ seq: 1, adoption: 'adopted', text: '定稿' }] });
    const events = await h.dataSource
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId: p.proposalId }, order: { seq: 'ASC' } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
  });
});

describe('deadlines in a year whose official calendar is not published yet', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are provisional, and computed again when the year is loaded; a local day off moves them again', async () => {
    const p = await startProposal(h);
    await p.act('review', people.registrar, { decision: 'accept' });
    // Far enough ahead that the reply deadline lands in a year chinese-days does not cover.
    await skipTo(h, Date.parse('2027-03-01T02:00:00.000Z'));
    await p.act('assign', people.officer, { mode: 'single', unitIds: [lead] });
    const reply = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    expect(reply?.explanation).toMatchObject({ provisional: true, provisionalYears: [2027] });
    const endDate = reply?.explanation?.endDate as string;
    const provisionalRow = await h.dataSource.getRepository(DeadlineEntity).findOneByOrFail({
      proposalId: p.proposalId,
      key: `reply:${lead}`,
    });
    expect(provisionalRow.provisional).toBe(1);

    // The State Council publishes 2027: here, the deadline's last day becomes a holiday.
    const year2027 = {
      year: 2027,
      holidays: { '2027-01-01': "New Year's Day", [endDate]: 'Published holiday' },
      workdays: {},
    };
    // Loaded as an admin would (a new calendar version), then re-planned by the workflow that
    // signals every open proposal in batches, as the API and the CLI start it.
    const calendars = new CalendarOverrideRepository(h.dataSource);
    const { version } = await calendars.load(
      { overrides: { label: 'gov-2027', years: [year2027] }, format: 'json', source: 'test' },
      { userId: 'admin', unitId: 'committee-office' },
    );
    const replan = await h.env.client.workflow.start(CALENDAR_REPLAN_WORKFLOW_TYPE, {
      workflowId: calendarReplanWorkflowId(version.seq),
      taskQueue: h.taskQueue,
      args: [{ seq: version.seq, calendarVersion: version.calendarVersion, batchSize: 1 }],
    });
    expect((await replan.result()).signalled).toBeGreaterThanOrEqual(1);

    const until = Date.now() + 10_000;
    let recomputed = reply;
    while (recomputed?.explanation?.provisional && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      recomputed = (await p.state()).deadlines.find((d) => d.key === `reply:${lead}`);
    }
    expect(recomputed?.explanation).toMatchObject({
      provisional: false,
      calendarVersion: version.calendarVersion,
    });
    expect(version.calendarVersion).toMatch(/\+gov-2027$/);
    expect((recomputed?.explanation?.endDate as string) > endDate).toBe(true);
    expect(recomputed?.explanation?.skipped).toContainEqual(
      expect.objectContaining({ date: endDate, reason: 'holiday' }),
    );

    // The re-planning report lists the move, with the version that caused it.
    let report = await calendars.report(version.seq);
    while (!report.changes.some((c) => c.proposalId === p.proposalId) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      report = await calendars.report(version.seq);
    }
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        proposalId: p.proposalId,
        deadlineKey: `reply:${lead}`,
        oldEndDate: endDate,
        newEndDate: recomputed?.explanation?.endDate,
        oldProvisional: true,
        newProvisional: false,
        moved: true,
      }),
    );
    expect(report.version.replan).toMatchObject({ status: 'done' });
    const row = await h.dataSource.getRepository(DeadlineEntity).findOneByOrFail({
      proposalId: p.proposalId,
      key: `reply:${lead}`,
    });
    expect(row).toMatchObject({ provisional: 0, endDate: recomputed?.explanation?.endDate });

    // Loading the same content again is the same version, and re-plans nothing new.
    const again = await calendars.load(
      { overrides: { label: 'gov-2027', years: [year2027] }, format: 'json', source: 'test' },
      { userId: 'admin', unitId: 'committee-office' },
    );
    expect(again).toMatchObject({ created: false, version: { seq: version.seq } });
    expect(await calendars.list()).toHaveLength(1);

    // A local day off (a typhoon closure) on the now final last day moves it too.
    const finalEnd = recomputed?.explanation?.endDate as string;
    const closure = await calendars.load(
      { overrides: { label: 'typhoon', localHolidays: { [finalEnd]: '台风停工' } }, format: 'json', source: 'test' },
      { userId: 'admin', unitId: 'committee-office' },
    );
    await (
      await h.env.client.workflow.start(CALENDAR_REPLAN_WORKFLOW_TYPE, {
        workflowId: calendarReplanWorkflowId(closure.version.seq),
        taskQueue: h.taskQueue,
        args: [{ seq: closure.version.seq, calendarVersion: closure.version.calendarVersion }],
      })
    ).result();
    const closureUntil = Date.now() + 10_000;
    let closed = await calendars.report(closure.version.seq);
    while (!closed.changes.some((c) => c.proposalId === p.proposalId) && Date.now() < closureUntil) {
      await new Promise((r) => setTimeout(r, 100));
      closed = await calendars.report(closure.version.seq);
    }
    const moved = closed.changes.find((c) => c.proposalId === p.proposalId);
    expect(moved).toMatchObject({ oldEndDate: finalEnd, oldProvisional: false, newProvisional: false, moved: true });
    expect(moved?.newEndDate as string).not.toBe(finalEnd);
    expect((moved?.newEndDate as string) > finalEnd).toBe(true);
  });
});
