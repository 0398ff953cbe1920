import { contentDisposition } from '../common/content-disposition';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiFile, MEDIA_TYPES } from '../common/api-responses';
import { PublicReplyPageResponse, PublicReplyResponse } from './public-replies.response';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { PublicRepliesQueryDto } from './public-replies-query.dto';
import { PublicRepliesService, PublicReply } from './public-replies.service';

/**
 * 主动公开: signed replies marked for publication, once published. Unauthenticated and
 * read-only. A reply marked 依申请公开 or 不予公开 is never listed and never served here, and
 * neither is one whose publication is still to come.
 */
@ApiTags('public')
@Public()
@Controller('public/replies')
export class PublicRepliesController {
  constructor(private readonly replies: PublicRepliesService) {}

  @Get()
  @ApiOkResponse({
    type: PublicReplyPageResponse,
    description: 'Published replies, newest first, with the full letter text',
  })
  list(
    @Query() q: PublicRepliesQueryDto,
  ): Promise<{ items: PublicReply[]; total: number; page: number; pageSize: number }> {
    return this.replies.list(q);
  }

  @Get(':proposalId/:unitId/:round')
  @ApiOkResponse({ type: PublicReplyResponse, description: 'One published reply with its full text' })
  @ApiError(404, 'No published reply there, or not one to be published (PROPOSAL_NOT_FOUND)')
  one(
    @Param('proposalId') proposalId: string,
    @Param('unitId') unitId: string,
    @Param('round', PATH_INT) round: number,
  ): Promise<PublicReply> {
    return this.replies.one({ proposalId, unitId, round });
  }

  /** The letter as frozen at sign-off, as PDF. */
  @Get(':proposalId/:unitId/:round/letter.pdf')
  @ApiFile('The signed letter (PDF)', MEDIA_TYPES.pdf)
  @ApiError(404, 'No published reply there, or not one to be published (PROPOSAL_NOT_FOUND)')
  async pdf(
    @Param('proposalId') proposalId: string,
    @Param('unitId') unitId: string,
    @Param('round', PATH_INT) round: number,
    @Res() res: Response,
  ): Promise<void> {
    const letter = await this.replies.pdf({ proposalId, unitId, round });
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', contentDisposition(letter.filename, 'inline'));
    res.send(letter.content);
  }
}
