import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiFile, MEDIA_TYPES } from '../common/api-responses';
import { PublicReplyPageResponse, PublicReplyResponse } from './public-replies.response';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { execSql, ReplyLetterAssembler } from '@banli/persistence';
import { letterLines } from '@banli/letters';
import { Public } from '../auth/auth.decorators';
import { PublicRepliesQueryDto } from './public-replies-query.dto';

export interface PublicReply {
  proposalId: string;
  sessionName: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string;
  round: number;
  documentNumber: string;
  signedAt: string;
  publishedAt: string;
  /** The full text of the letter, one line or paragraph per entry. */
  lines: string[];
}

/**
 * 主动公开: signed replies marked for publication, once published. Unauthenticated and
 * read-only. A reply marked 依申请公开 or 不予公开 is never listed and never served here, and
 * neither is one whose publication is still to come.
 */
@ApiTags('public')
@Public()
@Controller('public/replies')
export class PublicRepliesController {
  private readonly assembler: ReplyLetterAssembler;

  constructor(private readonly dataSource: DataSource) {
    this.assembler = new ReplyLetterAssembler(dataSource);
  }

  @Get()
  @ApiOkResponse({
    type: PublicReplyPageResponse,
    description: 'Published replies, newest first, with the full letter text',
  })
  async list(
    @Query() q: PublicRepliesQueryDto,
  ): Promise<{ items: PublicReply[]; total: number; page: number; pageSize: number }> {
    const where = [...PUBLISHED];
    const params: Record<string, unknown> = { now: new Date().toISOString() };
    if (q.session) {
      where.push(`p."session_code" = :session`);
      params['session'] = q.session;
    }
    const from = `FROM "handling_record" r JOIN "proposal" p ON p."id" = r."proposal_id"
       LEFT JOIN "org_unit" u ON u."id" = r."unit_id" WHERE ${where.join(' AND ')}`;
    const rows = await execSql(
      this.dataSource,
      `SELECT r."proposal_id", r."unit_id", r."round", r."document_number", r."signed_at", r."published_at",
              p."session_name", p."number", p."title", u."name" AS "unit_name"
       ${from}
       ORDER BY r."published_at" DESC, r."proposal_id" ASC, r."unit_id" ASC
       LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(this.dataSource, `SELECT count(*) AS "n" ${from}`, params);
    const items: PublicReply[] = [];
    for (const r of rows.rows) items.push(await this.view(r));
    return { items, total: Number(total.rows[0]?.['n'] ?? 0), page: q.page, pageSize: q.pageSize };
  }

  @Get(':proposalId/:unitId/:round')
  @ApiOkResponse({ type: PublicReplyResponse, description: 'One published reply with its full text' })
  @ApiError(404, 'No published reply there, or not one to be published (PROPOSAL_NOT_FOUND)')
  async one(
    @Param('proposalId') proposalId: string,
    @Param('unitId') unitId: string,
    @Param('round', PATH_INT) round: number,
  ): Promise<PublicReply> {
    return this.view(await this.published(proposalId, unitId, round));
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
    await this.published(proposalId, unitId, round);
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "content", "document_number" FROM "reply_letter"
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round AND "format" = 'pdf'`,
      { proposalId, unitId, round },
    );
    if (!rows[0]) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such published reply');
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      `inline; filename*=UTF-8''${encodeURIComponent(`${String(rows[0]['document_number'])}.pdf`)}`,
    );
    res.send(Buffer.from(rows[0]['content'] as Uint8Array));
  }

  private async published(proposalId: string, unitId: string, round: number): Promise<Record<string, unknown>> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT r."proposal_id", r."unit_id", r."round", r."document_number", r."signed_at", r."published_at",
              p."session_name", p."number", p."title", u."name" AS "unit_name"
       FROM "handling_record" r JOIN "proposal" p ON p."id" = r."proposal_id"
       LEFT JOIN "org_unit" u ON u."id" = r."unit_id"
       WHERE ${PUBLISHED.join(' AND ')} AND r."proposal_id" = :proposalId AND r."unit_id" = :unitId AND r."round" = :round`,
      { proposalId, unitId, round, now: new Date().toISOString() },
    );
    if (!rows[0]) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such published reply');
    return rows[0];
  }

  private async view(r: Record<string, unknown>): Promise<PublicReply> {
    const letter = await this.assembler.assembleSigned(
      String(r['proposal_id']),
      String(r['unit_id']),
      Number(r['round']),
    );
    return {
      proposalId: String(r['proposal_id']),
      sessionName: String(r['session_name']),
      number: String(r['number']),
      title: String(r['title']),
      unitId: String(r['unit_id']),
      unitName: String(r['unit_name'] ?? r['unit_id']),
      round: Number(r['round']),
      documentNumber: String(r['document_number']),
      signedAt: String(r['signed_at']),
      publishedAt: String(r['published_at']),
      lines: letterLines(letter),
    };
  }
}

/** Only 主动公开, signed, and published by now. */
const PUBLISHED = [
  `r."role" = 'reply'`,
  `r."status" = 'done'`,
  `r."disclosure" = 'publish'`,
  `r."published_at" IS NOT NULL`,
  `r."published_at" <= :now`,
];
