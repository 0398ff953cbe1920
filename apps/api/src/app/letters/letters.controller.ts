import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { LETTER_HTML_CSP } from '../common/security-headers';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors, ApiFile, ApiSignedIn, MEDIA_TYPES } from '../common/api-responses';
import { SignedLetterResponse } from './letters.response';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { execSql, ReplyLetterAssembler } from '@banli/persistence';
import { renderLetterHtml } from '@banli/letters';
import { SubmitDraftDto } from '../actions/action.dtos';
import { ProposalAccessService } from '../access/proposal-access.service';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface SignedLetterView {
  unitId: string;
  round: number;
  documentNumber: string;
  formats: { format: string; sha256: string; bytes: number }[];
}

/** Signed reply letters, exactly as frozen at sign-off. */
@ApiTags('letters')
@ApiSignedIn()
@ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
@Controller('proposals/:id/letters')
export class LettersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
  ) {}

  @Get()
  @ApiOkResponse({
    type: [SignedLetterResponse],
    description: 'The signed letters of the proposal, per unit and round, with content hashes',
  })
  async list(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<SignedLetterView[]> {
    await this.access.readable(user, id);
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "unit_id", "round", "format", "document_number", "sha256", length("content") AS "bytes"
       FROM "reply_letter" WHERE "proposal_id" = :id ORDER BY "unit_id", "round", "format"`,
      { id },
    );
    const letters = new Map<string, SignedLetterView>();
    for (const r of rows) {
      const key = `${r['unit_id']}/${r['round']}`;
      const letter = letters.get(key) ?? {
        unitId: String(r['unit_id']),
        round: Number(r['round']),
        documentNumber: String(r['document_number']),
        formats: [],
      };
      letter.formats.push({ format: String(r['format']), sha256: String(r['sha256']), bytes: Number(r['bytes']) });
      letters.set(key, letter);
    }
    return [...letters.values()];
  }

  /**
   * The letter a draft would make, as HTML, before anything is signed: the number is
   * allocated only at sign-off, so the preview says where it will go.
   */
  @Post('preview')
  @HttpCode(200)
  @Roles('handler', 'reviewer', 'signer')
  @ApiFile('The letter of this draft as HTML, without a document number yet', MEDIA_TYPES.html)
  @ApiErrors(422)
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() draft: SubmitDraftDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.readable(user, id);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const letter = await new ReplyLetterAssembler(this.dataSource).assemble(id, user.unitId, draft, {
      documentNumber: `X〔${year}〕1号`,
      signedOn: new Date().toISOString(),
    });
    res.setHeader('content-type', CONTENT_TYPES['html']);
    res.setHeader('content-security-policy', LETTER_HTML_CSP);
    res.end(renderLetterHtml({ ...letter, documentNumber: '（文号于签发时编定）' }));
  }

  @Get(':unitId/:round/:format')
  @ApiFile('The frozen letter: HTML (print preview), DOCX or PDF', MEDIA_TYPES.html, MEDIA_TYPES.docx, MEDIA_TYPES.pdf)
  @ApiError(404, 'No such proposal the caller may see, or no such letter in that format (PROPOSAL_NOT_FOUND)')
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @Param('round', PATH_INT) round: number,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.readable(user, id);
    const { rows } = CONTENT_TYPES[format]
      ? await execSql(
          this.dataSource,
          `SELECT "content", "sha256", "document_number" FROM "reply_letter"
           WHERE "proposal_id" = :id AND "unit_id" = :unitId AND "round" = :round AND "format" = :format`,
          { id, unitId, round, format },
        )
      : { rows: [] };
    const row = rows[0];
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', 'No signed letter in that format');
    const content = Buffer.from(row['content'] as Uint8Array);
    res.setHeader('content-type', CONTENT_TYPES[format]);
    if (format === 'html') res.setHeader('content-security-policy', LETTER_HTML_CSP);
    res.setHeader('etag', `"${row['sha256']}"`);
    res.setHeader('x-content-sha256', String(row['sha256']));
    res.setHeader(
      'content-disposition',
      `${format === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(`${row['document_number']}.${format}`)}`,
    );
    res.end(content);
  }
}
