import { rowOfCounts } from '@banli/persistence';
import type { StatisticsRow } from '@banli/persistence';
import type { StatisticsCounts } from '@banli/domain';
import { WorkingDayCalendar } from '@banli/domain';
import {
  newCalendarOverrideRepositoryMock,
  newDirectoryRepositoryMock,
  newSupervisionRepositoryMock,
} from '../../../test/support/repository-mocks';
import { StatisticsQueryDto, SupervisedDeadlinesQueryDto } from './supervision-query.dto';
import { StatisticsFile, SupervisionService } from './supervision.service';

const COUNTS: StatisticsCounts = {
  assignedAsReplying: 4,
  assignedAsCoHandling: 2,
  closed: 3,
  closedOnTime: 2,
  repliesDue: 4,
  repliesOnTime: 3,
  opinionsDue: 2,
  opinionsOnTime: 2,
  repliesSigned: 4,
  workingDaysToReplyTotal: 50,
  repliesWithContact: 3,
  repliesWithMeeting: 1,
  satisfied: 2,
  basicallySatisfied: 1,
  unsatisfied: 1,
  notRated: 0,
  rehandled: 1,
  reminderNotices: 2,
  workingDaysHeldUp: 7,
};
const ROW: StatisticsRow = rowOfCounts('education', 'X市教育局', COUNTS, { A: 2, B: 1 }, null);
const ROW2: StatisticsRow = rowOfCounts(
  'health',
  'X市卫生健康委员会',
  { ...COUNTS, assignedAsReplying: 1, closed: 1, closedOnTime: 1, repliesSigned: 1, workingDaysToReplyTotal: 10 },
  { D: 1 },
  null,
);

const NOW = new Date('2026-04-03T02:00:00.000Z');

const statisticsQuery = (overrides: Partial<StatisticsQueryDto> = {}) =>
  Object.assign(new StatisticsQueryDto(), overrides);

describe('SupervisionService: what supervisors watch', () => {
  let supervision: ReturnType<typeof newSupervisionRepositoryMock>;
  let calendars: ReturnType<typeof newCalendarOverrideRepositoryMock>;
  let directory: ReturnType<typeof newDirectoryRepositoryMock>;
  let sut: SupervisionService;

  beforeEach(() => {
    supervision = newSupervisionRepositoryMock();
    calendars = newCalendarOverrideRepositoryMock();
    supervision.statistics.mockResolvedValue([ROW]);
    calendars.current.mockResolvedValue(WorkingDayCalendar.fromOverrides([]));
    directory = newDirectoryRepositoryMock();
    directory.units.mockResolvedValue([
      { id: 'education', name: 'X市教育局', shortName: '市教育局', kind: 'bureau', enabled: true },
    ]);
    sut = new SupervisionService(
      supervision,
      calendars,
      { dueSoonWorkingDays: 5 },
      directory,
      ['A', 'B', 'C'],
      () => NOW,
    );
  });

  it("counts due-soon deadlines by the deployment's threshold, in working days of the calendar in force", async () => {
    const calendar = WorkingDayCalendar.fromOverrides([]);
    calendars.current.mockResolvedValue(calendar);
    supervision.deadlines.mockResolvedValue({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 });
    const q = Object.assign(new SupervisedDeadlinesQueryDto(), { page: 1, pageSize: 20, state: 'due-soon' });
    await sut.deadlines(q);
    expect(supervision.deadlines).toHaveBeenCalledWith({ state: 'due-soon', page: 1, pageSize: 20 }, calendar, {
      dueSoonWorkingDays: 5,
    });
  });

  it('looks further ahead when a supervisor asks for a wider window, filtered as asked', async () => {
    const calendar = WorkingDayCalendar.fromOverrides([]);
    calendars.current.mockResolvedValue(calendar);
    supervision.deadlines.mockResolvedValue({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 });
    const q = Object.assign(new SupervisedDeadlinesQueryDto(), {
      page: 1,
      pageSize: 20,
      state: 'due-soon',
      withinWorkingDays: 3,
      unit: 'education',
      keyOnly: true,
    });
    await sut.deadlines(q);
    expect(supervision.deadlines).toHaveBeenCalledWith(
      { unitId: 'education', keyOnly: true, state: 'due-soon', page: 1, pageSize: 20 },
      calendar,
      { dueSoonWorkingDays: 3 },
    );
  });

  it('answers the statistics as JSON with every reply class, a 合计 row made from summed counts, and the date', async () => {
    supervision.statistics.mockResolvedValue([ROW, ROW2]);
    const report = await sut.statistics(statisticsQuery({ session: '8-2', from: '2026-01-01', to: '2026-03-31' }));
    expect(supervision.statistics).toHaveBeenCalledWith(
      { groupBy: 'unit', sessionCode: '8-2', from: '2026-01-01', to: '2026-03-31' },
      expect.any(WorkingDayCalendar),
      NOW,
    );
    expect(report).toMatchObject({
      groupBy: 'unit',
      date: '2026-04-03',
      replyClasses: ['A', 'B', 'C', 'D'],
      scope: { session: '8-2', from: '2026-01-01', to: '2026-03-31' },
    });
    if ('content' in report) throw new Error('expected JSON');
    // C is configured but unused, D unconfigured but signed: both are columns of every row.
    expect(report.items.map((r) => r.replyClasses)).toEqual([
      { A: 2, B: 1, C: 0, D: 0 },
      { A: 0, B: 0, C: 0, D: 1 },
    ]);
    expect(report.total).toMatchObject({
      key: 'total',
      name: '合计',
      assignedAsReplying: 5,
      closed: 4,
      closedOnTime: 3,
      closingRate: 0.8, // 4 ÷ 5, not the average of 0.75 and 1
      closedOnTimeRate: 0.6,
      averageWorkingDaysToReply: 12, // (50 + 10) ÷ 5
      satisfactionRate: 0.75, // (4 + 2) ÷ 8
      reminderNotices: 4,
      workingDaysHeldUp: 14,
      replyClasses: { A: 2, B: 1, C: 0, D: 1 },
    });
  });

  it('exports CSV with a title, the date, Chinese headings, fixed class columns and the 合计 row', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'csv', session: '8-2' }))) as StatisticsFile;
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe('banli-statistics-unit-8-2.csv');
    const lines = file.content.toString('utf8').replace('\uFEFF', '').split('\n');
    expect(lines[0]).toBe('提案办理情况统计表（按承办单位）');
    expect(lines[1]).toBe('制表日期：2026年4月3日；会次：8-2');
    expect(lines[3]).toContain('单位,代码,主办/单独办理件数,会办件数,已办结,办结率,按期办结,按期办结率,');
    expect(lines[3]).toContain(',A类,B类,C类,满意,');
    expect(lines[3]).toContain(',满意率,沟通件数,沟通率,见面件数,见面率,催办次数,延误工作日,重新办理');
    expect(lines[4]).toMatch(/^X市教育局,education,4,2,3,0.75,2,0.5,/);
    expect(lines[4]).toContain(',2,1,0,2,1,1,0,0.75,3,0.75,1,0.25,2,7,1');
    expect(lines[5]).toMatch(/^合计,,4,2,3,0.75,/);
  });

  it('exports English headings when asked', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'csv', lang: 'en' }))) as StatisticsFile;
    const lines = file.content.toString('utf8').replace('\uFEFF', '').split('\n');
    expect(lines[0]).toBe('Proposal handling statistics by unit');
    expect(lines[1]).toBe('Made on 2026-04-03');
    expect(lines[3].startsWith('Unit,Code,')).toBe(true);
    expect(lines[5].startsWith('Total,,')).toBe(true);
  });

  it('exports the review counts per session', async () => {
    supervision.statistics.mockResolvedValue([
      {
        ...ROW,
        key: '8-2',
        name: '八届二次',
        review: { registered: 9, accepted: 6, notAccepted: 1, merged: 2, awaitingReview: 0 },
      },
    ]);
    const file = (await sut.statistics(statisticsQuery({ format: 'csv', groupBy: 'session' }))) as StatisticsFile;
    const lines = file.content.toString('utf8').replace('\uFEFF', '').split('\n');
    expect(lines[3].startsWith('会次,代码,提案件数,立案,不予立案,并案,待审查,')).toBe(true);
    expect(lines[4].startsWith('八届二次,8-2,9,6,1,2,0,')).toBe(true);
    expect(lines[5].startsWith('合计,,9,6,1,2,0,')).toBe(true);
  });

  it('exports an Excel workbook', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'xlsx', groupBy: 'session' }))) as StatisticsFile;
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toBe('banli-statistics-session.xlsx');
    // A workbook is a ZIP archive.
    expect(file.content.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exports the whole overdue list, with the unit names and who holds each deadline up', async () => {
    supervision.deadlines.mockResolvedValue({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 5000 });
    const q = Object.assign(new SupervisedDeadlinesQueryDto(), {
      page: 3,
      pageSize: 20,
      state: 'overdue',
      heldBy: 'education',
      format: 'csv',
    });
    const file = (await sut.deadlines(q)) as StatisticsFile;
    expect(supervision.deadlines).toHaveBeenCalledWith(
      { state: 'overdue', heldBy: 'education', page: 1, pageSize: 5000 },
      expect.any(WorkingDayCalendar),
      { dueSoonWorkingDays: 5 },
    );
    const lines = file.content.toString('utf8').replace('\uFEFF', '').split('\n');
    expect(lines[0]).toBe('逾期办理事项督办表');
    expect(lines[1]).toBe('制表日期：2026年4月3日；延误责任单位：X市教育局');
    expect(file.filename).toBe('banli-overdue.csv');
  });
});
