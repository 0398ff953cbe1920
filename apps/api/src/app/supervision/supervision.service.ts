import { toShanghaiDate } from '@banli/domain';
import type { DeadlinePolicy, WorkingDayCalendar } from '@banli/domain';
import { totalRow } from '@banli/persistence';
import type {
  ICalendarOverrideRepository,
  IDirectoryRepository,
  ISupervisionRepository,
  CappedPage,
  Page,
  StatisticsRow,
  SupervisedDeadline,
  SupervisedProposal,
} from '@banli/persistence';
import {
  LIST_EXPORT_LIMIT,
  StatisticsQueryDto,
  SupervisedDeadlinesQueryDto,
  SupervisionFilterDto,
} from './supervision-query.dto';
import { statisticsCsv, StatisticsReport, statisticsXlsx } from './statistics-export';
import { ExportLanguage, ReportTable, reportCsv, reportXlsx } from './report-table';
import { deadlinesTable, progressTable } from './supervision-list-export';

/** A report as a file to download. */
export interface StatisticsFile {
  content: Buffer;
  type: string;
  filename: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What supervisors watch: open proposals, overdue and due-soon deadlines with the unit
 * holding each up, and statistics per unit and session, as JSON or as a report file.
 */
export class SupervisionService {
  constructor(
    private readonly supervision: ISupervisionRepository,
    private readonly calendars: ICalendarOverrideRepository,
    /** The deployment's policy: its `dueSoonWorkingDays` is what "due soon" means here too. */
    private readonly policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
    private readonly directory: Pick<IDirectoryRepository, 'units'>,
    /** The deployment's reply classes: a column each in every table, zero or not. */
    private readonly replyClasses: readonly string[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async proposals(q: SupervisionFilterDto): Promise<Page<SupervisedProposal> | StatisticsFile> {
    const file = q.format !== 'json';
    const page = await this.supervision.proposals(
      {
        ...filterOf(q),
        page: file ? 1 : q.page,
        pageSize: file ? LIST_EXPORT_LIMIT : q.pageSize,
      },
      await this.calendars.current(),
      this.policy,
    );
    if (q.format === 'json') return page;
    const table = progressTable(page.items, await this.listContext(q));
    return this.file(table, q.format, q.lang, `banli-progress${q.session ? `-${q.session}` : ''}`);
  }

  async deadlines(q: SupervisedDeadlinesQueryDto): Promise<CappedPage<SupervisedDeadline> | StatisticsFile> {
    const file = q.format !== 'json';
    const page = await this.supervision.deadlines(
      {
        ...filterOf(q),
        state: q.state,
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.heldBy ? { heldBy: q.heldBy } : {}),
        page: file ? 1 : q.page,
        pageSize: file ? LIST_EXPORT_LIMIT : q.pageSize,
      },
      await this.calendars.current(),
      // A supervisor may look further ahead; by default due soon is the deployment's threshold.
      { dueSoonWorkingDays: q.withinWorkingDays ?? this.policy.dueSoonWorkingDays },
    );
    if (q.format === 'json') return page;
    const context = await this.listContext(q, q.heldBy);
    const table = deadlinesTable(page.items, q.state, context);
    return this.file(table, q.format, q.lang, `banli-${q.state}${q.session ? `-${q.session}` : ''}`);
  }

  /**
   * The statistics with their 合计 row and every reply class of the deployment, as JSON or
   * (format csv or xlsx) as a report file with a title and date, headings in the asked language.
   */
  async statistics(q: StatisticsQueryDto): Promise<StatisticsReport | StatisticsFile> {
    const calendar: WorkingDayCalendar = await this.calendars.current();
    const now = this.clock();
    const rows = await this.supervision.statistics(
      {
        groupBy: q.groupBy,
        ...(q.session ? { sessionCode: q.session } : {}),
        ...(q.unit ? { unitId: q.unit } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      },
      calendar,
      now,
    );
    const replyClasses = [
      ...this.replyClasses,
      ...[...new Set(rows.flatMap((r) => Object.keys(r.replyClasses)))]
        .filter((c) => !this.replyClasses.includes(c))
        .sort(),
    ];
    const items = rows.map((r) => withClasses(r, replyClasses));
    const report: StatisticsReport = {
      groupBy: q.groupBy,
      items,
      total: withClasses(totalRow(items, q.lang === 'en' ? 'Total' : '合计'), replyClasses),
      replyClasses,
      scope: {
        ...(q.session ? { session: q.session } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      },
      date: toShanghaiDate(now),
    };
    const name = `banli-statistics-${q.groupBy}${q.session ? `-${q.session}` : ''}`;
    if (q.format === 'csv') {
      return {
        content: Buffer.from(statisticsCsv(report, q.lang), 'utf8'),
        type: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
      };
    }
    if (q.format === 'xlsx') {
      return { content: await statisticsXlsx(report, q.lang), type: XLSX_TYPE, filename: `${name}.xlsx` };
    }
    return report;
  }

  private async listContext(q: SupervisionFilterDto, heldBy?: string) {
    const units = new Map((await this.directory.units()).map((u) => [u.id, u.name]));
    const unitName = (id: string | null) => (id ? (units.get(id) ?? id) : '');
    const en = q.lang === 'en';
    const scope = [
      q.session ? (en ? `session ${q.session}` : `会次：${q.session}`) : '',
      q.unit ? (en ? `unit ${unitName(q.unit)}` : `单位：${unitName(q.unit)}`) : '',
      heldBy ? (en ? `held up by ${unitName(heldBy)}` : `延误责任单位：${unitName(heldBy)}`) : '',
      q.keyOnly ? (en ? 'key proposals' : '重点提案') : '',
    ].filter(Boolean);
    return { lang: q.lang, date: toShanghaiDate(this.clock()), unitName, scope };
  }

  private async file<T>(
    table: ReportTable<T>,
    format: 'csv' | 'xlsx',
    lang: ExportLanguage,
    name: string,
  ): Promise<StatisticsFile> {
    return format === 'csv'
      ? {
          content: Buffer.from(reportCsv(table, lang), 'utf8'),
          type: 'text/csv; charset=utf-8',
          filename: `${name}.csv`,
        }
      : { content: await reportXlsx(table, lang, table.title.slice(0, 31)), type: XLSX_TYPE, filename: `${name}.xlsx` };
  }
}

/** Every class a column, zero where no reply has it: the columns do not move from report to report. */
function withClasses(r: StatisticsRow, classes: readonly string[]): StatisticsRow {
  return { ...r, replyClasses: Object.fromEntries(classes.map((c) => [c, r.replyClasses[c] ?? 0])) };
}

function filterOf(q: SupervisionFilterDto) {
  return {
    ...(q.session ? { sessionCode: q.session } : {}),
    ...(q.unit ? { unitId: q.unit } : {}),
    ...(q.stage ? { stage: q.stage } : {}),
    ...(q.replyClass ? { replyClass: q.replyClass } : {}),
    ...(q.keyOnly ? { keyOnly: true } : {}),
  };
}
