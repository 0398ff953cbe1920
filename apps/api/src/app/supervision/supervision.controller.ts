import { contentDisposition } from '../common/content-disposition';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiSignedIn, fileContent, MEDIA_TYPES } from '../common/api-responses';
import {
  StatisticsResponse,
  SupervisedDeadlinePageResponse,
  SupervisedProposalPageResponse,
} from './supervision.response';

import type { CappedPage, Page, SupervisedDeadline, SupervisedProposal } from '@banli/persistence';
import type { StatisticsReport } from './statistics-export';
import { Roles } from '../auth/auth.decorators';
import { StatisticsQueryDto, SupervisedDeadlinesQueryDto, SupervisionFilterDto } from './supervision-query.dto';
import { StatisticsFile, SupervisionService } from './supervision.service';

/**
 * What supervisors watch: open proposals, overdue and due-soon deadlines with the unit
 * holding each up, and statistics per unit and session. The assigning office (督办) and the
 * supervisors see every unit's work here; key proposals (重点提案) always come first.
 */
@ApiTags('supervision')
@ApiSignedIn()
@ApiExtraModels(StatisticsResponse, SupervisedProposalPageResponse, SupervisedDeadlinePageResponse)
@Roles('supervisor', 'assigning-officer')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('proposals')
  @ApiOkResponse({
    description:
      'Open proposals with stage and next deadline; key proposals first (`format`: a page as JSON, or the whole progress list as CSV or XLSX)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SupervisedProposalPageResponse) } },
      ...fileContent(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx),
    },
  })
  async proposals(@Query() q: SupervisionFilterDto): Promise<Page<SupervisedProposal> | StreamableFile> {
    return asFile(await this.supervision.proposals(q));
  }

  @Get('deadlines')
  @ApiOkResponse({
    description:
      'Overdue or due-soon deadlines, working days left/overdue and who holds each up (`format`: a page as JSON, or the whole list as CSV or XLSX)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SupervisedDeadlinePageResponse) } },
      ...fileContent(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx),
    },
  })
  async deadlines(@Query() q: SupervisedDeadlinesQueryDto): Promise<CappedPage<SupervisedDeadline> | StreamableFile> {
    return asFile(await this.supervision.deadlines(q));
  }

  @Get('statistics')
  @ApiOkResponse({
    description:
      'Per unit or per session, over a period: assigned, closed, the rates (办结率, 按期办结率, on time, 满意率, 沟通率, 见面率), classes, satisfaction, 催办, working days held up, review counts per session; with the 合计 row (`format`: JSON, CSV or XLSX with title and date)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatisticsResponse) } },
      ...fileContent(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx),
    },
  })
  async statistics(@Query() q: StatisticsQueryDto): Promise<StatisticsReport | StreamableFile> {
    return asFile(await this.supervision.statistics(q));
  }
}

/** A report file as a download; anything else as JSON. */
function asFile<T extends object>(result: T | StatisticsFile): T | StreamableFile {
  return 'content' in result && Buffer.isBuffer(result.content)
    ? new StreamableFile(result.content, {
        type: (result as StatisticsFile).type,
        disposition: contentDisposition((result as StatisticsFile).filename),
      })
    : (result as T);
}
