import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiSignedIn, fileContent, MEDIA_TYPES } from '../common/api-responses';
import {
  StatisticsResponse,
  SupervisedDeadlinePageResponse,
  SupervisedProposalPageResponse,
} from './supervision.response';
import { DataSource } from 'typeorm';
import {
  CalendarOverrideRepository,
  Page,
  StatisticsRow,
  SupervisedDeadline,
  SupervisedProposal,
  SupervisionRepository,
} from '@banli/persistence';
import { Roles } from '../auth/auth.decorators';
import { StatisticsQueryDto, SupervisedDeadlinesQueryDto, SupervisionFilterDto } from './supervision-query.dto';
import { statisticsCsv, statisticsXlsx } from './statistics-export';

/**
 * What supervisors watch: open proposals, overdue and due-soon deadlines with the unit
 * holding each up, and statistics per unit and session. The assigning office (督办) and the
 * supervisors see every unit's work here; key proposals (重点提案) always come first.
 */
@ApiTags('supervision')
@ApiSignedIn()
@ApiExtraModels(StatisticsResponse)
@Roles('supervisor', 'assigning-officer')
@Controller('supervision')
export class SupervisionController {
  private readonly supervision: SupervisionRepository;
  private readonly calendars: CalendarOverrideRepository;

  constructor(dataSource: DataSource) {
    this.supervision = new SupervisionRepository(dataSource);
    this.calendars = new CalendarOverrideRepository(dataSource);
  }

  @Get('proposals')
  @ApiOkResponse({
    type: SupervisedProposalPageResponse,
    description: 'Open proposals with stage and next deadline; key proposals first',
  })
  async proposals(@Query() q: SupervisionFilterDto): Promise<Page<SupervisedProposal>> {
    return this.supervision.proposals(
      {
        ...filterOf(q),
        page: q.page,
        pageSize: q.pageSize,
      },
      await this.calendars.current(),
    );
  }

  @Get('deadlines')
  @ApiOkResponse({
    type: SupervisedDeadlinePageResponse,
    description: 'Overdue or due-soon deadlines, working days left/overdue and who holds each up',
  })
  async deadlines(@Query() q: SupervisedDeadlinesQueryDto): Promise<Page<SupervisedDeadline>> {
    return this.supervision.deadlines(
      {
        ...filterOf(q),
        state: q.state,
        withinWorkingDays: q.withinWorkingDays,
        ...(q.kind ? { kind: q.kind } : {}),
        page: q.page,
        pageSize: q.pageSize,
      },
      await this.calendars.current(),
    );
  }

  @Get('statistics')
  @ApiOkResponse({
    description:
      'Per unit or per session: assigned, closed, on-time rates, classes, satisfaction (`format`: JSON, CSV or XLSX)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatisticsResponse) } },
      ...fileContent(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx),
    },
  })
  async statistics(
    @Query() q: StatisticsQueryDto,
  ): Promise<{ groupBy: string; items: StatisticsRow[] } | StreamableFile> {
    const rows = await this.supervision.statistics({
      groupBy: q.groupBy,
      ...(q.session ? { sessionCode: q.session } : {}),
      ...(q.unit ? { unitId: q.unit } : {}),
    });
    const name = `banli-statistics-${q.groupBy}${q.session ? `-${q.session}` : ''}`;
    if (q.format === 'csv') {
      return new StreamableFile(Buffer.from(statisticsCsv(rows, q.groupBy, q.lang), 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${name}.csv"`,
      });
    }
    if (q.format === 'xlsx') {
      return new StreamableFile(await statisticsXlsx(rows, q.groupBy, q.lang), {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: `attachment; filename="${name}.xlsx"`,
      });
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
