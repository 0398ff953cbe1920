import {
  ProposalEventEntity,
  ProposalEntity,
  TaskEntity,
  NotificationOutboxEntity,
  ReplySignatureEntity,
} from '@banli/persistence';
import {
  Harness,
  people,
  ProposalDriver,
  rejection,
  saveHistoryFixture,
  SECTIONS,
  startHarness,
  startProposal,
  UNITS,
  expectCompleted,
} from './support/workflow-harness';

const { lead, hr, edu } = UNITS;

const sections = SECTIONS;

describe('a proposal from registration to a signed, rated reply (lead unit + co-handlers)', () => {
  let h: Harness;
  let p: ProposalDriver;

  beforeAll(async () => {
    h = await startHarness();
    p = await startProposal(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is registered and projected, waiting for the committee', async () => {
    const view = await p.state();
    expect(view.stage).toBe('registered');
    expect(view.tasks.map((t) => [t.kind, t.unitId])).toEqual([['review-registration', UNITS.committee]]);
    const row = await h.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: p.proposalId });
    expect(row.stage).toBe('registered');
  });

  it('refuses a review from the wrong unit or role, writing nothing', async () => {
    const before = await p.state();
    expect(await rejection(p.act('review', people.handler(lead), { decision: 'accept' }))).toMatchObject({
      type: 'ROLE_REQUIRED',
    });
    expect(await rejection(p.act('assign', people.officer, { mode: 'single', unitIds: [lead] }))).toMatchObject({
      type: 'WRONG_STAGE',
    });
    expect((await p.state()).version).toBe(before.version);
  });

  it('is accepted and assigned to a lead unit with two co-handlers; every clock starts at assignment', async () => {
    await p.act('review', people.registrar, { decision: 'accept' });
    const assigned = await p.act('assign', people.officer, {
      mode: 'lead',
      leadUnitId: lead,
      coHandlerUnitIds: [hr, edu],
    });
    expect(assigned.stage).toBe('consultation');

    const view = await p.state();
    const deadline = (key: string) => view.deadlines.find((d) => d.key === key);
    const assignedAt = view.state.assignment?.assignedAt as string;
    for (const key of [
      `reply:${lead}`,
      `contact:${lead}`,
      `objection:${lead}`,
      `opinion:${hr}`,
      `opinion:${edu}`,
      `objection:${hr}`,
    ]) {
      expect(deadline(key)).toMatchObject({ status: 'running' });
      expect(deadline(key)?.explanation?.start).toBe(assignedAt);
    }
    expect(deadline(`reply:${lead}`)?.explanation?.rule).toEqual({ unit: 'months', amount: 3 });
    expect(deadline(`opinion:${hr}`)?.explanation?.rule).toEqual({ unit: 'months', amount: 1 });
    expect(deadline(`objection:${hr}`)?.explanation?.rule).toEqual({ unit: 'working-days', amount: 5 });
    expect(deadline(`reply:${lead}`)?.explanation?.text).toMatch(/3 months from/);

    const inbox = await h.dataSource
      .getRepository(TaskEntity)
      .find({ where: { proposalId: p.proposalId, status: 'open' }, order: { id: 'ASC' } });
    expect(inbox.map((t) => [t.kind, t.unitId]).sort()).toEqual(
      [
        ['contact', lead],
        ['draft', lead],
        ['opinion', edu],
        ['opinion', hr],
      ].sort(),
    );
    expect(inbox.find((t) => t.unitId === hr)?.dueAt).toBe(deadline(`opinion:${hr}`)?.dueAt);
  });

  it('sends reminders before the opinion deadline and escalates when it passes, as durable timers', async () => {
    const view = await p.state();
    const opinion = view.deadlines.find((d) => d.key === `opinion:${edu}`);
    expect(opinion?.reminderAt).toHaveLength(2);
    // Skip to a day past the opinion deadline: two reminders, then an escalation.
    const until = Date.parse(opinion?.dueAt as string) + 2 * 3_600_000;
    await h.env.sleep(until - (await h.env.currentTimeMs()));
    await p.act('submitOpinion', people.coHandler(hr), { points: sections, summary: '人社局意见' });

    const after = await p.state();
    const edu2 = after.deadlines.find((d) => d.key === `opinion:${edu}`);
    expect(edu2).toMatchObject({ remindersSent: 2, escalations: 1 });
    expect(edu2?.nextEscalationAt).toBeDefined();
    const notices = await h.dataSource
      .getRepository(NotificationOutboxEntity)
      .findBy({ proposalId: p.proposalId, unitId: edu });
    // The assignment notice, then the timers' two reminders and the escalation.
    expect(notices.map((n) => n.kind).sort()).toEqual([
      'assigned',
      'deadline-escalation',
      'deadline-reminder',
      'deadline-reminder',
    ]);
    // HR submitted late too: escalated, then met.
    expect(after.deadlines.find((d) => d.key === `opinion:${hr}`)).toMatchObject({ status: 'met' });
  });

  it('cannot be signed while an opinion is neither in nor waived', async () => {
    await p.act('recordContact', people.handler(lead), {
      method: 'call',
      contactedAt: new Date(await h.env.currentTimeMs()).toISOString(),
      summary: '电话沟通',
    });
    await p.act('submitDraft', people.handler(lead), { replyClass: 'A', disclosure: 'publish', sections });
    await p.act('reviewDraft', people.reviewer(lead), { decision: 'approve' });
    const refused = await rejection(p.act('signOff', people.signer(lead), { decision: 'sign' }));
    expect(refused.type).toBe('OPINIONS_OUTSTANDING');
    expect(refused.message).toContain(edu);
    expect(await h.dataSource.getRepository(ReplySignatureEntity).countBy({ proposalId: p.proposalId })).toBe(0);
  });

  it('is signed once the missing opinion is waived, with a document number', async () => {
    await p.act('waiveOpinion', people.supervisor, { unitId: edu, reason: '教育局职责不涉及' });
    const signed = await p.act('signOff', people.signer(lead), { decision: 'sign' });
    expect(signed.documentNumber).toMatch(new RegExp(`^${lead}\u3014\\d{4}\u30151号$`));
    expect(signed.stage).toBe('dispatch');
    const again = await rejection(p.act('signOff', people.signer(lead), { decision: 'sign' }));
    expect(again.type).toBe('WRONG_STAGE');
  });

  it('is dispatched, rated satisfied by every proposer, published, and closed', async () => {
    await p.act('dispatch', people.handler(lead));
    await p.act('recordFeedback', people.officer, { unitId: lead, proposer: '李明', rating: 'satisfied' });
    const rated = await p.act('recordFeedback', people.officer, {
      unitId: lead,
      proposer: '王芳',
      rating: 'basically-satisfied',
    });
    expect(rated.stage).toBe('publication');
    const closed = await p.act('confirmPublication', people.handler(lead), {
      location: 'https://www.example.gov.cn/zwgk/1',
    });
    expect(closed.stage).toBe('closed');
    await expectCompleted(p);
    await saveHistoryFixture(p, 'lead-mode-waiver-publication');

    const row = await h.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: p.proposalId });
    expect(row.stage).toBe('closed');
    expect(await h.dataSource.getRepository(TaskEntity).countBy({ proposalId: p.proposalId, status: 'open' })).toBe(0);
    const events = await h.dataSource
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId: p.proposalId }, order: { seq: 'ASC' } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'registered',
        'reviewed',
        'assigned',
        'deadline-reminder',
        'deadline-escalation',
        'opinion-submitted',
        'opinion-waived',
        'reply-signed',
        'reply-dispatched',
        'feedback-closed',
        'reply-published',
        'closed',
      ]),
    );
  });
});
