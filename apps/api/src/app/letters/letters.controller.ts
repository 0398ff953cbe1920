import { contentDisposition } from '../common/content-disposition';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { LETTER_HTML_CSP } from '../common/security-headers';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors, ApiFile, ApiSignedIn, MEDIA_TYPES } from '../common/api-responses';
import { SignedLetterResponse } from './letters.response';
import type { Response } from 'express';
import type { SignedLetterView } from '@banli/persistence';
import { SubmitDraftDto } from '../actions/action.dtos';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LETTER_CONTENT_TYPES, LettersService } from './letters.service';

/** Signed reply letters, exactly as frozen at sign-off. */
@ApiTags('letters')
@ApiSignedIn()
@ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
@Controller('proposals/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOkResponse({
    type: [SignedLetterResponse],
    description: 'The signed letters of the proposal, per unit and round, with content hashes',
  })
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
  @ApiFile('The letter of this draft as HTML, without a document number yet', MEDIA_TYPES.html)
  @ApiErrors(422)
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
    const letter = await this.letters.download(user, id, unitId, round, format);
    res.setHeader('content-type', letter.contentType);
    if (letter.format === 'html') res.setHeader('content-security-policy', LETTER_HTML_CSP);
    res.setHeader('etag', `"${letter.sha256}"`);
    res.setHeader('x-content-sha256', letter.sha256);
    res.setHeader(
      'content-disposition',
      contentDisposition(letter.filename, letter.format === 'html' ? 'inline' : 'attachment'),
    );
    res.end(letter.content);
  }
}
