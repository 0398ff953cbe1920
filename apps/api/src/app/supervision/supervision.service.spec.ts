import type { StatisticsRow } from '@banli/persistence';
import { WorkingDayCalendar } from '@banli/domain';
import {
  newCalendarOverrideRepositoryMock,
  newSupervisionRepositoryMock,
} from '../../../test/support/repository-mocks';
import { StatisticsQueryDto, SupervisedDeadlinesQueryDto } from './supervision-query.dto';
import { StatisticsFile, SupervisionService } from './supervision.service';

const ROW: StatisticsRow = {
  key: 'education',
  name: 'X市教育局',
  assignedAsReplying: 4,
  assignedAsCoHandling: 2,
  closed: 3,
  repliesDue: 4,
  repliesOnTime: 3,
  replyOnTimeRate: 0.75,
  opinionsDue: 2,
  opinionsOnTime: 2,
  opinionOnTimeRate: 1,
  averageWorkingDaysToReply: 12.5,
  replyClasses: { A: 2, B: 1 },
  satisfaction: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 0, notRated: 0 },
  rehandled: 0,
};

const statisticsQuery = (overrides: Partial<StatisticsQueryDto> = {}) =>
  Object.assign(new StatisticsQueryDto(), overrides);

describe('SupervisionService: what supervisors watch', () => {
  let supervision: ReturnType<typeof newSupervisionRepositoryMock>;
  let calendars: ReturnType<typeof newCalendarOverrideRepositoryMock>;
  let sut: SupervisionService;

  beforeEach(() => {
    supervision = newSupervisionRepositoryMock();
    calendars = newCalendarOverrideRepositoryMock();
    supervision.statistics.mockResolvedValue([ROW]);
    sut = new SupervisionService(supervision, calendars, { dueSoonWorkingDays: 5 });
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

  it('answers the statistics as JSON by default', async () => {
    await expect(sut.statistics(statisticsQuery({ session: '8-2' }))).resolves.toEqual({
      groupBy: 'unit',
      items: [ROW],
    });
    expect(supervision.statistics).toHaveBeenCalledWith({ groupBy: 'unit', sessionCode: '8-2' });
  });

  it('exports CSV with Chinese headings and a byte-order mark, named after the grouping and session', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'csv', session: '8-2' }))) as StatisticsFile;
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe('banli-statistics-unit-8-2.csv');
    const text = file.content.toString('utf8');
    expect(text.startsWith('\uFEFF单位,代码,')).toBe(true);
    expect(text).toContain('X市教育局,education,4,2,3');
  });

  it('exports English headings when asked', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'csv', lang: 'en' }))) as StatisticsFile;
    expect(file.content.toString('utf8').startsWith('\uFEFFUnit,Code,')).toBe(true);
  });

  it('exports an Excel workbook', async () => {
    const file = (await sut.statistics(statisticsQuery({ format: 'xlsx', groupBy: 'session' }))) as StatisticsFile;
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toBe('banli-statistics-session.xlsx');
    // A workbook is a ZIP archive.
    expect(file.content.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
