import type { DeadlinePolicy } from '@banli/domain';
import type {
  ICalendarOverrideRepository,
  ISupervisionRepository,
  CappedPage,
  Page,
  StatisticsRow,
  SupervisedDeadline,
  SupervisedProposal,
} from '@banli/persistence';
import type { StatisticsQueryDto, SupervisedDeadlinesQueryDto, SupervisionFilterDto } from './supervision-query.dto';
import { statisticsCsv, statisticsXlsx } from './statistics-export';

/** A statistics table as a file to download. */
export interface StatisticsFile {
  content: Buffer;
  type: string;
  filename: string;
}

/**
 * What supervisors watch: open proposals, overdue and due-soon deadlines with the unit
 * holding each up, and statistics per unit and session, as JSON or as a file.
 */
export class SupervisionService {
  constructor(
    private readonly supervision: ISupervisionRepository,
    private readonly calendars: ICalendarOverrideRepository,
    /** The deployment's policy: its `dueSoonWorkingDays` is what "due soon" means here too. */
    private readonly policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
  ) {}

  async proposals(q: SupervisionFilterDto): Promise<Page<SupervisedProposal>> {
    return this.supervision.proposals(
      {
        ...filterOf(q),
        page: q.page,
        pageSize: q.pageSize,
      },
      await this.calendars.current(),
      this.policy,
    );
  }

  async deadlines(q: SupervisedDeadlinesQueryDto): Promise<CappedPage<SupervisedDeadline>> {
    return this.supervision.deadlines(
      {
        ...filterOf(q),
        state: q.state,
        ...(q.kind ? { kind: q.kind } : {}),
        page: q.page,
        pageSize: q.pageSize,
      },
      await this.calendars.current(),
      // A supervisor may look further ahead; by default due soon is the deployment's threshold.
      { dueSoonWorkingDays: q.withinWorkingDays ?? this.policy.dueSoonWorkingDays },
    );
  }

  /** The statistics as JSON, or (format csv or xlsx) as a file with headings in the asked language. */
  async statistics(q: StatisticsQueryDto): Promise<{ groupBy: string; items: StatisticsRow[] } | StatisticsFile> {
    const rows = await this.supervision.statistics({
      groupBy: q.groupBy,
      ...(q.session ? { sessionCode: q.session } : {}),
      ...(q.unit ? { unitId: q.unit } : {}),
    });
    const name = `banli-statistics-${q.groupBy}${q.session ? `-${q.session}` : ''}`;
    if (q.format === 'csv') {
      return {
        content: Buffer.from(statisticsCsv(rows, q.groupBy, q.lang), 'utf8'),
        type: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
      };
    }
    if (q.format === 'xlsx') {
      return {
        content: await statisticsXlsx(rows, q.groupBy, q.lang),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${name}.xlsx`,
      };
    }
    return { groupBy: q.groupBy, items: rows };
  }
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
