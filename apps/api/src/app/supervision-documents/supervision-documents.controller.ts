import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiError, ApiErrors, ApiFile, ApiSignedIn, MEDIA_TYPES } from '../common/api-responses';
import { contentDisposition } from '../common/content-disposition';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CircularDto, SupervisionNoticeDto } from './supervision-documents.dtos';
import { SupervisionDocumentResponse } from './supervision-documents.response';
import { SupervisionDocumentsService, SupervisionDocumentView } from './supervision-documents.service';

/**
 * The documents supervisors send: 催办单 (issued with each 催办, see `POST /proposals/{id}/reminders`),
 * 督办通知单 and 督办通报; each recorded, numbered, delivered to its units through the
 * notification outbox, and downloadable as PDF or DOCX by supervisors and its units only.
 */
@ApiTags('supervision-documents')
@ApiSignedIn()
@Controller()
export class SupervisionDocumentsController {
  constructor(private readonly documents: SupervisionDocumentsService) {}

  @Get('proposals/:id/supervision-documents')
  @ApiOkResponse({
    type: [SupervisionDocumentResponse],
    description: 'The proposal’s documents the caller may read, newest first',
  })
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  ofProposal(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<SupervisionDocumentView[]> {
    return this.documents.ofProposal(user, id);
  }

  /** 督办通知单: to a unit holding an overdue deadline on the proposal. */
  @Post('proposals/:id/supervision-notices')
  @Roles('supervisor')
  @ApiCreatedResponse({ type: SupervisionDocumentResponse, description: 'Issued, recorded and queued for delivery' })
  @ApiErrors(403, 404, 422)
  supervisionNotice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: SupervisionNoticeDto,
  ): Promise<SupervisionDocumentView> {
    return this.documents.issueSupervisionNotice(user, id, body.unitId, body.message);
  }

  /** 督办通报: the units with overdue work over a period, with their figures. */
  @Post('supervision/circulars')
  @Roles('supervisor')
  @ApiCreatedResponse({
    type: SupervisionDocumentResponse,
    description: 'Issued, recorded and queued for delivery to each unit listed',
  })
  @ApiErrors(403, 422)
  circular(@CurrentUser() user: AuthenticatedUser, @Body() body: CircularDto): Promise<SupervisionDocumentView> {
    return this.documents.issueCircular(user, body.from, body.to, body.message);
  }

  @Get('supervision/circulars')
  @Roles('supervisor')
  @ApiOkResponse({ type: [SupervisionDocumentResponse], description: 'The latest 50 circulars, newest first' })
  @ApiErrors(403)
  circulars(@CurrentUser() user: AuthenticatedUser): Promise<SupervisionDocumentView[]> {
    return this.documents.circulars(user);
  }

  @Get('supervision-documents/:docId')
  @ApiOkResponse({ type: SupervisionDocumentResponse })
  @ApiError(404, 'No such document, or not one addressed to the caller’s unit (NOT_FOUND)')
  get(@CurrentUser() user: AuthenticatedUser, @Param('docId') docId: string): Promise<SupervisionDocumentView> {
    return this.documents.get(user, docId);
  }

  @Get('supervision-documents/:docId/:format')
  @ApiFile('The document as PDF or DOCX, in the reply letter’s layout', MEDIA_TYPES.pdf, MEDIA_TYPES.docx)
  @ApiError(404, 'No such document the caller may read, or no such format (NOT_FOUND)')
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('docId') docId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.documents.render(user, docId, format);
    res.setHeader('content-type', file.contentType);
    res.setHeader('x-content-sha256', file.contentHash);
    res.setHeader('content-disposition', contentDisposition(file.filename, 'attachment'));
    res.end(file.content);
  }
}
