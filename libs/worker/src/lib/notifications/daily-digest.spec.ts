import type { OpenTaskDue, SupervisedDeadlineDue } from '@banli/persistence';
import { endOfShanghaiDay, WorkingDayCalendar } from '@banli/domain';
import { buildDigests, buildLeaderDigests, buildSupervisorDigest } from './daily-digest';
import { noticeText } from './notification-text';
import { workingDaysAt } from './notification-relay';

const calendar = WorkingDayCalendar.official();

const task = (unitId: string, number: string, dueDate: string, taskKind = 'opinion'): OpenTaskDue => ({
  taskId: `8-2_${number}/${taskKind}/${unitId}`,
  proposalId: `8-2_${number}`,
  proposalKind: 'proposal',
  sessionName: '市政协八届二次会议',
  number,
  title: `第${number}号提案`,
  keyProposal: false,
  taskKind,
  unitId,
  deadlineKey: `${taskKind}:${unitId}`,
  dueAt: endOfShanghaiDay(dueDate),
});

describe('daily digest', () => {
  // Friday 2026-01-09, 08:30 Shanghai.
  const at = '2026-01-09T00:30:00.000Z';

  it('groups tasks by unit, overdue first, counting working days (weekends skipped)', () => {
    const digests = buildDigests(calendar, at, 3, [
      task('education', '1', '2026-01-09'),
      task('education', '2', '2026-01-13'),
      task('education', '3', '2026-01-06'),
      task('human-resources', '4', '2026-01-12', 'draft'),
    ]);
    expect(digests.map((d) => [d.unitId, d.date])).toEqual([
      ['education', '2026-01-09'],
      ['human-resources', '2026-01-09'],
    ]);
    const lines = (digests[0].payload['tasks'] as Record<string, unknown>[]).map((t) => [
      t['number'],
      t['dueDate'],
      t['workingDaysLeft'],
      t['overdueWorkingDays'],
    ]);
    expect(lines).toEqual([
      ['3', '2026-01-06', undefined, 3],
      ['1', '2026-01-09', 0, undefined],
      ['2', '2026-01-13', 2, undefined],
    ]);
    expect(digests[1].payload).toMatchObject({ unitId: 'human-resources', dueWithinWorkingDays: 3 });
    expect((digests[1].payload['tasks'] as Record<string, unknown>[])[0]).toMatchObject({
      taskKind: 'draft',
      workingDaysLeft: 1,
    });
  });

  it('writes nothing when nothing is due', () => {
    expect(buildDigests(calendar, at, 3, [])).toEqual([]);
  });

  it('counts a deadline notice’s working days from the notice’s Shanghai day', () => {
    const due = endOfShanghaiDay('2026-01-12');
    expect(workingDaysAt(calendar, '2026-01-09T01:00:00.000Z', due)).toEqual({ left: 1 });
    expect(workingDaysAt(calendar, '2026-01-12T01:00:00.000Z', due)).toEqual({ left: 0 });
    // Escalated the moment it passed: the next day, no working day gone yet on a Saturday.
    expect(workingDaysAt(calendar, '2026-01-09T16:00:00.000Z', endOfShanghaiDay('2026-01-09'))).toEqual({ overdue: 0 });
    expect(workingDaysAt(calendar, '2026-01-14T01:00:00.000Z', due)).toEqual({ overdue: 2 });
  });
});

describe("the supervisors' digest (督办日报)", () => {
  // Friday 2026-01-09, 08:30 Shanghai: the week ends on Sunday 11 January.
  const at = '2026-01-09T00:30:00.000Z';
  const deadline = (
    unitId: string,
    number: string,
    kind: string,
    dueDate: string,
    keyProposal = false,
  ): SupervisedDeadlineDue => ({
    proposalId: `8-2_${number}`,
    proposalKind: 'proposal',
    sessionName: '市政协八届二次会议',
    number,
    title: `关于第${number}号事项的提案`,
    keyProposal,
    kind,
    unitId,
    dueAt: endOfShanghaiDay(dueDate),
  });
  const names: Record<string, string> = {
    'gov-office': 'X市人民政府办公室',
    education: 'X市教育局',
    'human-resources': 'X市人力资源和社会保障局',
    'industry-it': 'X市工业和信息化局',
  };

  it('lists what is overdue by the unit holding it (most first), and what falls due by Sunday', () => {
    const digest = buildSupervisorDigest(calendar, at, [
      deadline('education', '1', 'reply', '2026-01-06'),
      deadline('human-resources', '2', 'opinion', '2026-01-07'),
      deadline('education', '3', 'opinion', '2026-01-08'),
      deadline('industry-it', '4', 'contact', '2026-01-09'),
      deadline('industry-it', '5', 'reply', '2026-01-12'),
    ]);
    expect(digest).toMatchObject({ date: '2026-01-09', weekEnd: '2026-01-11', overdueCount: 3, dueThisWeekCount: 1 });
    expect(
      digest.overdueByUnit.map((u) => [u.unitId, u.count, u.mostWorkingDaysOverdue, u.lines.map((l) => l.number)]),
    ).toEqual([
      ['education', 2, 3, ['1', '3']], // 7, 8, 9 January: 3 working days; the opinion 1
      ['human-resources', 1, 2, ['2']],
    ]);
    // Monday's reply is next week's.
    expect(digest.dueThisWeek.map((l) => [l.number, l.due])).toEqual([
      ['4', { state: 'due-soon', workingDaysLeft: 0 }],
    ]);

    const text = noticeText({
      kind: 'supervisor-digest',
      payload: JSON.parse(JSON.stringify(digest)),
      unitId: 'gov-office',
      proposalId: null,
      unitName: (id) => names[id] ?? id,
    });
    expect(text.title).toBe('【督办日报】2026年1月9日：3项逾期（2个单位），本周1项到期');
    expect(text.body.split('\n')).toEqual([
      'X市人民政府办公室督办人员：',
      '截至2026年1月9日，在办提案的办理时限情况如下：',
      '一、已逾期（3项，按责任单位）',
      '1. X市教育局：逾期2项，最长逾期3个工作日',
      '  - 市政协八届二次会议第1号提案《关于第1号事项的提案》：答复，2026年1月6日到期，已逾期3个工作日',
      '  - 市政协八届二次会议第3号提案《关于第3号事项的提案》：会办意见，2026年1月8日到期，已逾期1个工作日',
      '2. X市人力资源和社会保障局：逾期1项，最长逾期2个工作日',
      '  - 市政协八届二次会议第2号提案《关于第2号事项的提案》：会办意见，2026年1月7日到期，已逾期2个工作日',
      '二、本周内到期（1项，至2026年1月11日）',
      '1. 市政协八届二次会议第4号提案《关于第4号事项的提案》：沟通协商（X市工业和信息化局），2026年1月9日到期，今日到期',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
    expect(text.sms).toBe('【办理】2026年1月9日督办：3项逾期，本周1项到期，请登录系统查看。');
  });

  it('puts key proposals first among those due this week, and says so when nothing is overdue', () => {
    const digest = buildSupervisorDigest(calendar, at, [
      deadline('education', '6', 'reply', '2026-01-09'),
      deadline('education', '7', 'opinion', '2026-01-09', true),
    ]);
    expect(digest.overdueByUnit).toEqual([]);
    expect(digest.dueThisWeek.map((l) => l.number)).toEqual(['7', '6']);
    const body = noticeText({
      kind: 'supervisor-digest',
      payload: JSON.parse(JSON.stringify(digest)),
      unitId: 'gov-office',
      unitName: (id) => names[id] ?? id,
    }).body.split('\n');
    expect(body.slice(2, 5)).toEqual(['一、已逾期（0项，按责任单位）', '无', '二、本周内到期（2项，至2026年1月11日）']);
    expect(body[5]).toMatch(/^1\. 【重点】市政协八届二次会议第7号提案/);
  });
});

describe("the leaders' digest (领办领导)", () => {
  // Friday 2026-01-09, 08:30 Shanghai.
  const at = '2026-01-09T00:30:00.000Z';
  const keyProposal = (number: string, leaderUserIds: string[], deadlines: [string, string, string][]) => ({
    proposalId: `8-2_${number}`,
    proposalKind: 'proposal',
    sessionName: '市政协八届二次会议',
    number,
    title: `第${number}号提案`,
    stage: 'drafting',
    leadUnitId: 'industry-it',
    leaderUserIds,
    deadlines: deadlines.map(([kind, unitId, dueDate]) => ({ kind, unitId, dueAt: endOfShanghaiDay(dueDate) })),
  });

  it('gives each enabled leader their key proposals, those with something overdue first', () => {
    const digests = buildLeaderDigests(
      calendar,
      at,
      [
        keyProposal('1', ['zhang'], [['reply', 'industry-it', '2026-03-01']]),
        keyProposal('2', ['zhang', 'wang'], [['opinion', 'education', '2026-01-07']]),
        keyProposal('3', ['retired'], [['reply', 'industry-it', '2026-03-01']]),
      ],
      new Map([
        ['zhang', 'gov-office'],
        ['wang', 'committee'],
      ]),
    );
    expect(digests.map((d) => [d.userId, d.unitId, d.date])).toEqual([
      ['zhang', 'gov-office', '2026-01-09'],
      ['wang', 'committee', '2026-01-09'],
    ]);
    const zhang = digests[0].payload['proposals'] as { number: string; deadlines: { due: { state: string } }[] }[];
    expect(zhang.map((p) => p.number)).toEqual(['2', '1']);
    expect(zhang[0].deadlines[0].due).toEqual({ state: 'overdue', workingDaysOverdue: 2 });

    const text = noticeText({
      kind: 'leader-digest',
      payload: digests[0].payload,
      unitId: 'gov-office',
      unitName: (id) => ({ 'industry-it': 'X市工业和信息化局', education: 'X市教育局' })[id] ?? id,
    });
    expect(text.title).toBe('【重点提案】2026年1月9日：您领办的重点提案2件，其中1件有逾期事项');
    expect(text.body.split('\n')).toEqual([
      '领导同志：',
      '截至2026年1月9日，您领办的重点提案办理情况如下：',
      '1. 市政协八届二次会议第2号提案《第2号提案》：拟稿中，主办单位X市工业和信息化局',
      '  - X市教育局会办意见：2026年1月7日到期，已逾期2个工作日',
      '2. 市政协八届二次会议第1号提案《第1号提案》：拟稿中，主办单位X市工业和信息化局',
      expect.stringMatching(/^ {2}- X市工业和信息化局答复：2026年3月1日到期，还剩\d+个工作日$/),
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
  });

  it('writes nothing when no key proposal has a leader who is a user', () => {
    expect(buildLeaderDigests(calendar, at, [], new Map())).toEqual([]);
  });
});
