import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { LETTER_HTML_CSP } from '../common/security-headers';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SignedLetterView } from '@banli/persistence';
import { SubmitDraftDto } from '../actions/action.dtos';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LETTER_CONTENT_TYPES, LettersService } from './letters.service';

/** Signed reply letters, exactly as frozen at sign-off. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('proposals/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOkResponse({ description: 'The signed letters of the proposal, per unit and round, with content hashes' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<SignedLetterView[]> {
    return this.letters.list(user, id);
  }

  /**
   * The letter a draft would make, as HTML, before anything is signed: the number is
   * allocated only at sign-off, so the preview says where it will go.
   */
  @Post('preview')
  @HttpCode(200)
  @Roles('handler', 'reviewer', 'signer')
  @ApiOkResponse({ description: 'The letter of this draft as HTML, without a document number yet' })
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() draft: SubmitDraftDto,
    @Res() res: Response,
  ): Promise<void> {
    const html = await this.letters.preview(user, id, draft);
    res.setHeader('content-type', LETTER_CONTENT_TYPES['html']);
    res.setHeader('content-security-policy', LETTER_HTML_CSP);
    res.end(html);
  }

  @Get(':unitId/:round/:format')
  @ApiOkResponse({ description: 'The frozen letter: HTML (print preview), DOCX or PDF' })
  @ApiNotFoundResponse({ description: 'No such letter' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @Param('round', PATH_INT) round: number,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const letter = await this.letters.download(user, id, unitId, round, format);
    res.setHeader('content-type', letter.contentType);
    if (letter.format === 'html') res.setHeader('content-security-policy', LETTER_HTML_CSP);
    res.setHeader('etag', `"${letter.sha256}"`);
    res.setHeader('x-content-sha256', letter.sha256);
    res.setHeader(
      'content-disposition',
      `${letter.format === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(letter.filename)}`,
    );
    res.end(letter.content);
  }
}
