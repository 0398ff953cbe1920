import { CalendarOverrideRepository, execSql, SupervisionRepository } from '@banli/persistence';
import { DEFAULT_DEADLINE_POLICY, toShanghaiDate, workingDaysBetween } from '@banli/domain';
import { Harness, people, skipTo, startHarness, startProposal, UNITS, writeAndSign } from './support/workflow-harness';

const { lead, hr, edu } = UNITS;
const DAY = 86_400_000;

/**
 * The supervision read model as the real workflow feeds it, with time skipped past real
 * deadlines: a co-handling unit's late opinion, then the late reply it held up.
 */
describe('supervision records from a running proposal (time-skipping)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('charges a late reply to the co-handling unit whose opinion was late, then records both as late', async () => {
    const p = await startProposal(h);
    await p.act('review', people.registrar, { decision: 'accept' });
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [hr, edu] });
    const deadlines = (await p.state()).deadlines;
    const opinionDue = deadlines.find((d) => d.key === `opinion:${hr}`)?.dueAt as string;
    const replyDue = deadlines.find((d) => d.key === `reply:${lead}`)?.dueAt as string;
    const points = [{ seq: 1, adoption: 'adopted', text: '同意' }];
    await p.act('submitOpinion', people.coHandler(edu), { points, summary: '按时' });

    // HR's opinion comes in 20 days after its deadline; the reply is then overdue by 10 days.
    await skipTo(h, Date.parse(opinionDue) + 20 * DAY - 12 * 3_600_000);
    await p.act('submitOpinion', people.coHandler(hr), { points, summary: '迟交' });
    await skipTo(h, Date.parse(replyDue) + 10 * DAY - 12 * 3_600_000);

    const calendar = await new CalendarOverrideRepository(h.dataSource).current();
    const now = new Date(await h.env.currentTimeMs());
    const today = toShanghaiDate(now);
    const hrLate = workingDaysBetween(
      calendar,
      toShanghaiDate(opinionDue),
      toShanghaiDate(new Date(Date.parse(opinionDue) + 20 * DAY - 12 * 3_600_000)),
    );
    const replyLate = workingDaysBetween(calendar, toShanghaiDate(replyDue), today);
    expect(hrLate).toBeGreaterThan(10);
    expect(replyLate).toBeGreaterThan(5);

    const overdue = await new SupervisionRepository(h.dataSource).deadlines(
      { state: 'overdue', page: 1, pageSize: 50 },
      calendar,
      DEFAULT_DEADLINE_POLICY,
      now,
    );
    const reply = overdue.items.find((d) => d.proposalId === p.proposalId && d.kind === 'reply');
    expect(reply?.workingDaysOverdue).toBe(replyLate);
    const charged = Math.min(hrLate, replyLate);
    expect(reply?.heldBy).toEqual([
      { unitId: hr, workingDays: charged },
      ...(replyLate > charged ? [{ unitId: lead, workingDays: replyLate - charged }] : []),
    ]);

    await p.act('recordContact', people.handler(lead), {
      method: 'call',
      contactedAt: now.toISOString(),
      summary: '电话',
    });
    await writeAndSign(p, lead, 'A', 'publish');
    const { rows } = await execSql(
      h.dataSource,
      `SELECT "unit_id", "role", "status", "on_time", "working_days_late" FROM "handling_record"
       WHERE "proposal_id" = :id ORDER BY "role", "unit_id"`,
      { id: p.proposalId },
    );
    expect(
      rows.map((r) => [r['unit_id'], r['role'], r['status'], Number(r['on_time']), Number(r['working_days_late'])]),
    ).toEqual([
      [edu, 'opinion', 'done', 1, 0],
      [hr, 'opinion', 'done', 0, hrLate],
      [lead, 'reply', 'done', 0, replyLate],
    ]);
  });
});
