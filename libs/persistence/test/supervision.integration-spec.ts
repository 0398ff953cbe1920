import type { DataSource } from 'typeorm';
import type { HandlingProjection } from '@banli/contracts';
import {
  DEFAULT_DEADLINE_POLICY,
  Deadline,
  FeedbackOutcome,
  ProposalEventOf,
  ProposalEventType,
  WorkingDayCalendar,
} from '@banli/domain';
import { testDatabases } from '@banli/testing';
import { createDataSource, execSql, ProposalProjectionRepository, runMigrations, SupervisionRepository } from '../src';

/*
 * The supervision read model and its statistics against a hand count. Five proposals are
 * fed through the real projection (events and deadlines, as the workflow sends them), on
 * days in March and April 2026 with no public holiday, so every working-day figure below can
 * be counted on a wall calendar (weekends only):
 *
 *   assignment Mon 9 Mar; opinions due Fri 20 Mar; replies due Tue 31 Mar; "now" Fri 3 Apr.
 *   working days after 9 Mar: 13 Mar = 4, 16 Mar = 5, 27 Mar = 14, 2 Apr = 18.
 *
 * P1 lead IT, co-handlers HR and EDU: HR's opinion 13 Mar (on time), EDU's 24 Mar (late by 2);
 *    reply signed 27 Mar (on time, 14 working days), class A; rated satisfied + basically
 *    satisfied; closed.
 * P2 lead IT, co-handler HR: HR's opinion 20 Mar 10:00 (on time, the deadline is the end of
 *    that day); reply signed 2 Apr (late, 18 working days), class B; rated unsatisfied + not
 *    rated, so re-handled: round 2 open, due in May.
 * P3 lead EDU, co-handler IT: IT's opinion waived 19 Mar; EDU's reply still open, overdue.
 * P4 lead IT, co-handler EDU, reassigned on 11 Mar to HR (opinion due 30 Mar); IT's reply due
 *    27 Mar: both still open and overdue.
 * P5 lead IT alone: reply signed 16 Mar (on time, 5 working days), class A; not yet rated.
 */

const IT = 'industry-it';
const HR = 'human-resources';
const EDU = 'education';
const NOW = new Date('2026-04-03T02:00:00.000Z');
/** The deployment's due-soon threshold: 5 working days. */
const POLICY = DEFAULT_DEADLINE_POLICY;
const calendar = WorkingDayCalendar.official();

const sh = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

function deadline(kind: string, unitId: string, endDate: string, status = 'running', metAt?: string): Deadline {
  return {
    key: `${kind}:${unitId}`,
    kind,
    unitId,
    status,
    dueAt: endOf(endDate),
    plan: { start: sh('2026-03-09'), fixedEndDate: endDate, note: 'test' },
    explanation: { endDate, provisional: false },
    reminderAt: [],
    remindersSent: 0,
    escalations: 0,
    ...(metAt ? { metAt } : {}),
  } as unknown as Deadline;
}

/** An event before the projection numbers it. */
type NewEvent = { [T in ProposalEventType]: Omit<ProposalEventOf<T>, 'seq'> }[ProposalEventType];

describe.each(testDatabases())('supervision statistics against a hand count ($name)', ({ config }) => {
  let dataSource: DataSource;
  let projections: ProposalProjectionRepository;
  let supervision: SupervisionRepository;
  const session = `st${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
  const id = (n: number) => `${session}_${n}`;

  /** Feeds one proposal's life through the projection, one workflow state version per step. */
  async function feed(
    n: number,
    units: string[],
    steps: {
      events: NewEvent[];
      deadlines?: Deadline[];
      closedAt?: string;
      lead: string;
      stage?: HandlingProjection['stage'];
    }[],
  ) {
    let seq = 0;
    let version = 0;
    const base = (lead: string): HandlingProjection => ({
      proposalId: id(n),
      workflowId: `proposal-${id(n)}`,
      version: ++version,
      stage: 'consultation',
      receivedAt: sh('2026-03-02'),
      leadUnitId: lead,
      assignedUnitIds: units,
      keyProposal: false,
      tasks: [],
      deadlines: [],
      events: [],
    });
    await projections.project(
      {
        ...base(steps[0]?.lead ?? IT),
        stage: 'registered',
        registration: {
          kind: 'proposal',
          sessionCode: session,
          sessionName: '市政协八届二次会议',
          number: String(n),
          title: `提案${n}`,
          proposers: [
            { name: '李明', lead: true },
            { name: '王芳', lead: false },
          ],
          body: '正文',
          suggestionPoints: [{ seq: 1, text: '建议' }],
        },
        events: [
          { seq: ++seq, type: 'registered', at: sh('2026-03-02'), data: { sessionCode: session, number: String(n) } },
        ],
      },
      NOW,
      calendar,
    );
    for (const step of steps) {
      await projections.project(
        {
          ...base(step.lead),
          deadlines: step.deadlines ?? [],
          ...(step.closedAt ? { closedAt: step.closedAt, stage: 'closed' } : {}),
          ...(step.stage ? { stage: step.stage } : {}),
          events: step.events.map((e) => ({ ...e, seq: ++seq })),
        },
        NOW,
        calendar,
      );
    }
  }

  const assigned = (at: string, replying: string[], co: string[]) => ({
    type: 'assigned' as const,
    at,
    data: { mode: 'lead' as const, replyingUnitIds: replying, coHandlerUnitIds: co },
  });
  const opinion = (unitId: string, at: string) => ({
    type: 'opinion-submitted' as const,
    at,
    unitId,
    data: { version: 1, points: [] },
  });
  const signed = (unitId: string, at: string, replyClass: string, round = 1) => ({
    type: 'reply-signed' as const,
    at,
    unitId,
    data: {
      replyClass,
      disclosure: 'publish' as const,
      documentNumber: `X〔2026〕${at.slice(8, 10)}${round}号`,
      signedAt: at,
      signedBy: 'signer',
      draftVersion: 1,
      round,
    },
  });
  const feedback = (unitId: string, at: string, outcomes: Record<string, FeedbackOutcome>, round = 1) => ({
    type: 'feedback-closed' as const,
    at,
    unitId,
    data: { round, feedback: outcomes, rehandling: Object.values(outcomes).includes('unsatisfied') },
  });

  const contact = (unitId: string, at: string, method: 'call' | 'visit' | 'meeting' | 'other') => ({
    type: 'contact-recorded' as const,
    at,
    unitId,
    data: { method, contactedAt: at, summary: '沟通' },
  });
  const reminder = (unitId: string, at: string) => ({
    type: 'reminder-notice' as const,
    at,
    unitId,
    data: { message: '请抓紧办理', tasks: [] },
  });

  beforeAll(async () => {
    dataSource = createDataSource(config);
    await dataSource.initialize();
    await runMigrations(dataSource);
    projections = new ProposalProjectionRepository(dataSource);
    supervision = new SupervisionRepository(dataSource);
    for (const [unitId, name] of [
      [IT, 'X市工业和信息化局'],
      [HR, 'X市人力资源和社会保障局'],
      [EDU, 'X市教育局'],
    ]) {
      await execSql(
        dataSource,
        `INSERT INTO "org_unit" ("id", "name", "kind") VALUES (:unitId, :name, 'bureau') ON CONFLICT ("id") DO NOTHING`,
        { unitId, name },
      );
    }
    const A = sh('2026-03-09');

    await feed(
      1,
      [IT, HR, EDU],
      [
        {
          lead: IT,
          events: [assigned(A, [IT], [HR, EDU])],
          deadlines: [
            deadline('opinion', HR, '2026-03-20'),
            deadline('opinion', EDU, '2026-03-20'),
            deadline('reply', IT, '2026-03-31'),
          ],
        },
        {
          lead: IT,
          events: [opinion(HR, sh('2026-03-13'))],
          deadlines: [deadline('opinion', HR, '2026-03-20', 'met')],
        },
        {
          lead: IT,
          events: [opinion(EDU, sh('2026-03-24'))],
          deadlines: [deadline('opinion', EDU, '2026-03-20', 'met')],
        },
        {
          lead: IT,
          events: [
            contact(IT, sh('2026-03-25'), 'meeting'),
            contact(IT, sh('2026-03-26'), 'call'),
            signed(IT, sh('2026-03-27'), 'A'),
          ],
          deadlines: [deadline('reply', IT, '2026-03-31', 'met')],
        },
        {
          lead: IT,
          events: [feedback(IT, sh('2026-04-01'), { 李明: 'satisfied', 王芳: 'basically-satisfied' })],
          closedAt: sh('2026-04-01'),
        },
      ],
    );
    await feed(
      2,
      [IT, HR],
      [
        {
          lead: IT,
          events: [assigned(A, [IT], [HR])],
          deadlines: [deadline('opinion', HR, '2026-03-20'), deadline('reply', IT, '2026-03-31')],
        },
        {
          lead: IT,
          events: [opinion(HR, sh('2026-03-20'))],
          deadlines: [deadline('opinion', HR, '2026-03-20', 'met')],
        },
        {
          lead: IT,
          events: [contact(IT, sh('2026-04-01'), 'call'), signed(IT, sh('2026-04-02'), 'B')],
          deadlines: [deadline('reply', IT, '2026-03-31', 'met')],
        },
        {
          lead: IT,
          events: [
            feedback(IT, sh('2026-04-02', '16:00'), { 李明: 'unsatisfied', 王芳: 'not-rated' }),
            { type: 'rehandling-opened', at: sh('2026-04-02', '16:00'), unitId: IT, data: { round: 2 } },
          ],
          deadlines: [deadline('reply', IT, '2026-05-06')],
        },
      ],
    );
    await feed(
      3,
      [EDU, IT],
      [
        {
          lead: EDU,
          events: [assigned(A, [EDU], [IT])],
          deadlines: [deadline('opinion', IT, '2026-03-20'), deadline('reply', EDU, '2026-03-31')],
        },
        {
          lead: EDU,
          events: [{ type: 'opinion-waived', at: sh('2026-03-19'), unitId: IT, data: { reason: '无相关职能' } }],
          deadlines: [deadline('opinion', IT, '2026-03-20', 'cancelled')],
        },
        { lead: EDU, events: [contact(EDU, sh('2026-03-30'), 'visit'), reminder(EDU, sh('2026-04-01'))] },
      ],
    );
    await feed(
      4,
      [IT, EDU, HR],
      [
        {
          lead: IT,
          events: [assigned(A, [IT], [EDU])],
          deadlines: [deadline('opinion', EDU, '2026-03-20'), deadline('reply', IT, '2026-03-27')],
        },
        {
          lead: IT,
          events: [
            {
              type: 'objection-decided',
              at: sh('2026-03-11'),
              unitId: EDU,
              data: { objectionId: 1, decision: 'reassign', replacementUnitId: HR, reason: '职能调整' },
            },
          ],
          deadlines: [deadline('opinion', EDU, '2026-03-20', 'cancelled'), deadline('opinion', HR, '2026-03-30')],
        },
        {
          lead: IT,
          events: [reminder(IT, sh('2026-03-30')), reminder(HR, sh('2026-04-01')), reminder(IT, sh('2026-04-01'))],
        },
      ],
    );
    await feed(
      5,
      [IT],
      [
        { lead: IT, events: [assigned(A, [IT], [])], deadlines: [deadline('reply', IT, '2026-03-31')] },
        {
          lead: IT,
          events: [signed(IT, sh('2026-03-16'), 'A')],
          deadlines: [deadline('reply', IT, '2026-03-31', 'met')],
        },
      ],
    );
    // Reviewed, not handled: P6 awaits review, P7 was merged (并案), P8 converted (不予立案).
    await feed(6, [], []);
    await feed(
      7,
      [],
      [
        {
          lead: IT,
          stage: 'merged',
          closedAt: sh('2026-03-05'),
          events: [{ type: 'reviewed', at: sh('2026-03-05'), data: { decision: 'merge', mergedInto: id(1) } }],
        },
      ],
    );
    await feed(
      8,
      [],
      [
        {
          lead: IT,
          stage: 'converted',
          closedAt: sh('2026-03-05'),
          events: [{ type: 'reviewed', at: sh('2026-03-05'), data: { decision: 'convert', reason: '不属于提案范围' } }],
        },
      ],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps one record per unit and task, with lateness and time taken in working days', async () => {
    const { rows } = await execSql(
      dataSource,
      `SELECT "proposal_id", "unit_id", "role", "round", "status", "on_time", "working_days_late", "working_days_taken"
       FROM "handling_record" WHERE "session_code" = :session ORDER BY "proposal_id", "role", "unit_id", "round"`,
      { session },
    );
    const view = rows.map((r) =>
      [
        r['proposal_id'],
        r['unit_id'],
        r['role'],
        Number(r['round']),
        r['status'],
        r['on_time'],
        r['working_days_late'],
        r['working_days_taken'],
      ]
        .map((v) => (v === null || v === undefined ? 'null' : String(v)))
        .join(' '),
    );
    expect(view).toEqual([
      `${id(1)} education opinion 1 done 0 2 11`,
      `${id(1)} human-resources opinion 1 done 1 0 4`,
      `${id(1)} industry-it reply 1 done 1 0 14`,
      `${id(2)} human-resources opinion 1 done 1 0 9`,
      `${id(2)} industry-it reply 1 done 0 2 18`,
      `${id(2)} industry-it reply 2 open null null null`,
      `${id(3)} industry-it opinion 1 waived null null null`,
      `${id(3)} education reply 1 open null null null`,
      `${id(4)} education opinion 1 cancelled null null null`,
      `${id(4)} human-resources opinion 1 open null null null`,
      `${id(4)} industry-it reply 1 open null null null`,
      `${id(5)} industry-it reply 1 done 1 0 5`,
    ]);
  });

  it('counts per unit exactly as by hand', async () => {
    const stats = await supervision.statistics({ groupBy: 'unit', sessionCode: session }, calendar, NOW);
    const by = Object.fromEntries(stats.map((s) => [s.key, s]));
    expect(by[IT]).toEqual({
      key: IT,
      name: 'X市工业和信息化局',
      assignedAsReplying: 4, // P1, P2, P4, P5
      assignedAsCoHandling: 1, // P3 (waived, still assigned)
      closed: 1, // P1
      repliesDue: 4, // P1, P2, P5 done; P4 open past its deadline; P2's round 2 not yet due
      repliesOnTime: 2, // P1, P5
      replyOnTimeRate: 0.5,
      opinionsDue: 0, // the waived opinion counts neither way
      opinionsOnTime: 0,
      opinionOnTimeRate: null,
      averageWorkingDaysToReply: 12.3, // (14 + 18 + 5) / 3
      replyClasses: { A: 2, B: 1 },
      satisfaction: { satisfied: 1, basicallySatisfied: 1, unsatisfied: 1, notRated: 1 },
      rehandled: 1, // P2
      closedOnTime: 1, // P1: closed, its reply signed on time
      closingRate: 0.25, // 办结率: 1 closed of 4 assigned
      closedOnTimeRate: 0.25, // 按期办结率: 1 of 4
      repliesSigned: 3, // P1, P2, P5
      workingDaysToReplyTotal: 37,
      repliesWithContact: 2, // P1 (a meeting and a call), P2 (a call); P5 none
      repliesWithMeeting: 1, // P1
      contactRate: 0.6667, // 沟通率: 2 of 3 signed
      meetingRate: 0.3333, // 见面率: 1 of 3 signed
      satisfactionRate: 0.6667, // 满意率: (1 + 1) of 3 rated; not rated left out
      reminderNotices: 2, // P4, twice
      // P2's reply signed Thu 2 Apr, due Tue 31 Mar: 2; P4's reply 5 overdue, 4 of them HR's: 1.
      workingDaysHeldUp: 3,
      review: null,
    });
    expect(by[HR]).toMatchObject({
      assignedAsReplying: 0,
      assignedAsCoHandling: 3, // P1, P2, P4 (by reassignment)
      opinionsDue: 3,
      opinionsOnTime: 2,
      opinionOnTimeRate: 0.6667,
      repliesDue: 0,
      replyOnTimeRate: null,
      averageWorkingDaysToReply: null,
      closingRate: null,
      satisfactionRate: null,
      contactRate: null,
      reminderNotices: 1, // P4
      // P4's opinion, due Mon 30 Mar and still missing: 4; and 4 of P4's late reply.
      workingDaysHeldUp: 8,
    });
    expect(by[EDU]).toMatchObject({
      assignedAsReplying: 1, // P3
      assignedAsCoHandling: 1, // P1; P4 was reassigned away
      opinionsDue: 1,
      opinionsOnTime: 0,
      opinionOnTimeRate: 0,
      repliesDue: 1,
      repliesOnTime: 0,
      closed: 0,
      satisfaction: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, notRated: 0 },
      closingRate: 0,
      // P3's reply is not signed: its visit is not counted yet.
      repliesSigned: 0,
      repliesWithContact: 0,
      contactRate: null,
      reminderNotices: 1, // P3
      // P1's opinion 2 days late; P3's reply, due Tue 31 Mar, 3 overdue (its co-handler was waived in time).
      workingDaysHeldUp: 5,
    });
  });

  it('counts a period: work assigned, reminders sent and proposals received within it', async () => {
    const stats = await supervision.statistics(
      { groupBy: 'unit', sessionCode: session, from: '2026-04-01', to: '2026-04-30' },
      calendar,
      NOW,
    );
    const by = Object.fromEntries(stats.map((s) => [s.key, s]));
    // In April only P2's re-handling round (opened 2 Apr) was assigned, and three reminders sent.
    expect(by[IT]).toMatchObject({
      assignedAsReplying: 0,
      rehandled: 1,
      reminderNotices: 1,
      closingRate: null,
      workingDaysHeldUp: 0,
    });
    expect(by[HR]).toMatchObject({ assignedAsCoHandling: 0, reminderNotices: 1 });
    expect(by[EDU]).toMatchObject({ reminderNotices: 1 });
    const march = await supervision.statistics(
      { groupBy: 'unit', sessionCode: session, from: '2026-03-01', to: '2026-03-31' },
      calendar,
      NOW,
    );
    expect(Object.fromEntries(march.map((s) => [s.key, s.reminderNotices]))).toEqual({ [IT]: 1, [HR]: 0, [EDU]: 0 });
    expect(march.find((s) => s.key === IT)).toMatchObject({ assignedAsReplying: 4, workingDaysHeldUp: 3 });
  });

  it("counts one unit alone, with the days of other units' late replies charged to it", async () => {
    const [hr, ...rest] = await supervision.statistics(
      { groupBy: 'unit', sessionCode: session, unitId: HR },
      calendar,
      NOW,
    );
    expect(rest).toEqual([]);
    expect(hr).toMatchObject({ key: HR, assignedAsCoHandling: 3, workingDaysHeldUp: 8, reminderNotices: 1 });
  });

  it('counts per session exactly as by hand', async () => {
    const [row, ...rest] = await supervision.statistics({ groupBy: 'session', sessionCode: session }, calendar, NOW);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      key: session,
      name: '市政协八届二次会议',
      assignedAsReplying: 5,
      assignedAsCoHandling: 5,
      closed: 1,
      repliesDue: 5,
      repliesOnTime: 2,
      replyOnTimeRate: 0.4,
      opinionsDue: 4,
      opinionsOnTime: 2,
      opinionOnTimeRate: 0.5,
      averageWorkingDaysToReply: 12.3,
      replyClasses: { A: 2, B: 1 },
      rehandled: 1,
      closedOnTime: 1,
      closingRate: 0.2,
      closedOnTimeRate: 0.2,
      repliesWithContact: 2,
      repliesWithMeeting: 1,
      reminderNotices: 4,
      workingDaysHeldUp: 16, // IT 3 + HR 8 + EDU 5
      // P1–P5 accepted (立案), P6 awaits review, P7 merged (并案), P8 converted (不予立案).
      review: { registered: 8, accepted: 5, notAccepted: 1, merged: 1, awaitingReview: 1 },
    });
  });

  it('lists what is overdue, in working days, charging a late reply to the late co-handling unit first', async () => {
    const page = await supervision.deadlines(
      { state: 'overdue', sessionCode: session, page: 1, pageSize: 50 },
      calendar,
      POLICY,
      NOW,
    );
    const view = page.items.map((d) => [d.proposalId, d.deadlineKey, d.workingDaysOverdue, d.heldBy]);
    expect(page.items.map((d) => d.due)).toEqual([
      { state: 'overdue', workingDaysOverdue: 5 },
      { state: 'overdue', workingDaysOverdue: 4 },
      { state: 'overdue', workingDaysOverdue: 3 },
    ]);
    expect(view).toEqual([
      // P4's reply was due Fri 27 Mar: 5 working days late by Fri 3 Apr. HR's opinion, due Mon
      // 30 Mar and still missing, is 4 working days late: HR holds 4 of the 5, the lead unit 1.
      [
        id(4),
        `reply:${IT}`,
        5,
        [
          { unitId: HR, workingDays: 4 },
          { unitId: IT, workingDays: 1 },
        ],
      ],
      [id(4), `opinion:${HR}`, 4, [{ unitId: HR, workingDays: 4 }]],
      // P3's co-handler was waived before its deadline: the late reply is EDU's alone.
      [id(3), `reply:${EDU}`, 3, [{ unitId: EDU, workingDays: 3 }]],
    ]);
    expect(page.total).toBe(3);

    // Filtered by the unit charged: HR holds up its own opinion and most of P4's reply.
    const heldBy = async (unitId: string) =>
      (
        await supervision.deadlines(
          { state: 'overdue', sessionCode: session, heldBy: unitId, page: 1, pageSize: 50 },
          calendar,
          POLICY,
          NOW,
        )
      ).items.map((d) => d.deadlineKey + '@' + d.proposalId);
    expect(await heldBy(HR)).toEqual([`reply:${IT}@${id(4)}`, `opinion:${HR}@${id(4)}`]);
    expect(await heldBy(IT)).toEqual([`reply:${IT}@${id(4)}`]);
    expect(await heldBy(EDU)).toEqual([`reply:${EDU}@${id(3)}`]);

    const soon = await supervision.deadlines(
      { state: 'due-soon', sessionCode: session, page: 1, pageSize: 50 },
      calendar,
      { dueSoonWorkingDays: 30 },
      NOW,
    );
    expect(soon.items.map((d) => [d.proposalId, d.deadlineKey, d.due])).toEqual([
      [id(2), `reply:${IT}`, { state: 'due-soon', workingDaysLeft: 19 }],
    ]);
    // By the deployment's threshold (5 working days), 19 left is not due soon.
    const byDefault = await supervision.deadlines(
      { state: 'due-soon', sessionCode: session, page: 1, pageSize: 50 },
      calendar,
      POLICY,
      NOW,
    );
    expect(byDefault.items).toEqual([]);
    expect(soon.items.map((d) => [d.proposalId, d.deadlineKey, d.workingDaysLeft])).toEqual([
      // P2's re-handling reply, due Wed 6 May: 18 working days left in April (the Qingming
      // holiday takes Mon 6 Apr) and 1 in May (1, 4 and 5 May are the Labour Day holiday).
      [id(2), `reply:${IT}`, 19],
    ]);
  });

  it('lists open proposals with their next deadline, and filters by unit and reply class', async () => {
    const open = await supervision.proposals({ sessionCode: session, page: 1, pageSize: 50 }, calendar, POLICY, NOW);
    expect(open.items.map((p) => p.id).sort()).toEqual([id(2), id(3), id(4), id(5), id(6)]);
    const p4 = open.items.find((p) => p.id === id(4));
    expect(p4).toMatchObject({ overdueCount: 2, nextDeadline: { deadlineKey: `reply:${IT}` } });
    const byEdu = await supervision.proposals(
      { sessionCode: session, unitId: EDU, page: 1, pageSize: 50 },
      calendar,
      POLICY,
      NOW,
    );
    // EDU leads P3 and keeps read access to P4 after the reassignment (for the record).
    expect(byEdu.items.map((p) => p.id).sort()).toEqual([id(3), id(4)]);
    const classB = await supervision.proposals(
      { sessionCode: session, replyClass: 'B', page: 1, pageSize: 50 },
      calendar,
      POLICY,
      NOW,
    );
    expect(classB.items.map((p) => p.id)).toEqual([id(2)]);
  });
});
