import { contentDisposition } from '../common/content-disposition';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiSignedIn, fileContent, MEDIA_TYPES } from '../common/api-responses';
import {
  StatisticsResponse,
  SupervisedDeadlinePageResponse,
  SupervisedProposalPageResponse,
} from './supervision.response';

import type { CappedPage, Page, StatisticsRow, SupervisedDeadline, SupervisedProposal } from '@banli/persistence';
import { Roles } from '../auth/auth.decorators';
import { StatisticsQueryDto, SupervisedDeadlinesQueryDto, SupervisionFilterDto } from './supervision-query.dto';
import { SupervisionService } from './supervision.service';

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
  constructor(private readonly supervision: SupervisionService) {}

  @Get('proposals')
  @ApiOkResponse({
    type: SupervisedProposalPageResponse,
    description: 'Open proposals with stage and next deadline; key proposals first',
  })
  proposals(@Query() q: SupervisionFilterDto): Promise<Page<SupervisedProposal>> {
    return this.supervision.proposals(q);
  }

  @Get('deadlines')
  @ApiOkResponse({
    type: SupervisedDeadlinePageResponse,
    description: 'Overdue or due-soon deadlines, working days left/overdue and who holds each up',
  })
  deadlines(@Query() q: SupervisedDeadlinesQueryDto): Promise<CappedPage<SupervisedDeadline>> {
    return this.supervision.deadlines(q);
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
    const result = await this.supervision.statistics(q);
    return 'content' in result
      ? new StreamableFile(result.content, {
          type: result.type,
          disposition: contentDisposition(result.filename),
        })
      : result;
  }
}
