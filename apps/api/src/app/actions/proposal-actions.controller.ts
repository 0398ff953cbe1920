import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOkResponseOnEveryRoute, ApiSignedIn } from '../common/api-responses';
import { ActionResultResponse } from './action.response';
import type { ActionResult, ProposalUpdateName } from '@banli/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { IdempotencyKey, RequestId } from '../common/request-id';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AssignDto,
  ConfirmPublicationDto,
  DecideExtensionDto,
  DecideObjectionDto,
  EmptyDto,
  MarkKeyDto,
  SendReminderDto,
  ReasonDto,
  RecordContactDto,
  RecordFeedbackDto,
  ReportFollowUpDto,
  RequestExtensionDto,
  ReviewDraftDto,
  ReviewDto,
  SignOffDto,
  SubmitDraftDto,
  SubmitOpinionDto,
} from './action.dtos';
import { ProposalActionsService } from './proposal-actions.service';
import { SupervisionDocumentsService } from '../supervision-documents/supervision-documents.service';

/**
 * The human actions on a proposal. Each answers the workflow's verdict: 200 with the new
 * stage, or the rule that refused it (403 wrong unit or role, 409 wrong stage or window
 * closed, 422 invalid), and the next read of the inbox already shows it.
 */
@ApiTags('actions')
@ApiSignedIn()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retry safely: the same key returns the first result',
})
@ApiOkResponseOnEveryRoute({ type: ActionResultResponse, description: 'Accepted by the workflow' })
@ApiErrors(403, 404, 409, 422)
@Controller('proposals/:id')
export class ProposalActionsController {
  constructor(
    private readonly actions: ProposalActionsService,
    private readonly documents: SupervisionDocumentsService,
  ) {}

  private run(
    user: AuthenticatedUser,
    id: string,
    action: ProposalUpdateName,
    input: object,
    key: string | undefined,
    requestId: string | undefined,
  ): Promise<ActionResult> {
    return this.actions.perform(user, id, action, input, {
      ...(key ? { idempotencyKey: key } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }

  @Post('review')
  @HttpCode(200)
  review(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: ReviewDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'review', b, k, r);
  }

  @Post('assignment')
  @HttpCode(200)
  assign(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: AssignDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'assign', b, k, r);
  }

  @Post('objections')
  @HttpCode(200)
  object(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'object', b, k, r);
  }

  @Post('objections/:objectionId/decision')
  @HttpCode(200)
  decideObjection(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Param('objectionId', PATH_INT) objectionId: number,
    @Body() b: DecideObjectionDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'decideObjection', { ...b, objectionId }, k, r);
  }

  @Post('opinions')
  @HttpCode(200)
  submitOpinion(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: SubmitOpinionDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'submitOpinion', b, k, r);
  }

  @Post('opinions/:unitId/return')
  @HttpCode(200)
  returnOpinion(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @Body() b: ReasonDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'returnOpinion', { ...b, unitId }, k, r);
  }

  @Post('opinions/:unitId/waiver')
  @HttpCode(200)
  waiveOpinion(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @Body() b: ReasonDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'waiveOpinion', { ...b, unitId }, k, r);
  }

  @Post('contacts')
  @HttpCode(200)
  recordContact(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: RecordContactDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'recordContact', b, k, r);
  }

  @Post('drafts')
  @HttpCode(200)
  submitDraft(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: SubmitDraftDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'submitDraft', b, k, r);
  }

  /** Keeps a draft version without sending it for review (answers: `id` = the version). */
  @Post('draft-versions')
  @HttpCode(200)
  saveDraft(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: SubmitDraftDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'saveDraft', b, k, r);
  }

  @Post('drafts/review')
  @HttpCode(200)
  reviewDraft(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: ReviewDraftDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'reviewDraft', b, k, r);
  }

  @Post('sign-off')
  @HttpCode(200)
  signOff(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: SignOffDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'signOff', b, k, r);
  }

  @Post('dispatch')
  @HttpCode(200)
  dispatch(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: EmptyDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'dispatch', b, k, r);
  }

  @Post('feedback')
  @HttpCode(200)
  recordFeedback(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: RecordFeedbackDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'recordFeedback', b, k, r);
  }

  @Post('follow-up')
  @HttpCode(200)
  reportFollowUp(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: ReportFollowUpDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'reportFollowUp', b, k, r);
  }

  @Post('publication')
  @HttpCode(200)
  confirmPublication(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: ConfirmPublicationDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'confirmPublication', b, k, r);
  }

  @Post('extensions')
  @HttpCode(200)
  requestExtension(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: RequestExtensionDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'requestExtension', b, k, r);
  }

  @Post('extensions/:extensionId/decision')
  @HttpCode(200)
  decideExtension(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Param('extensionId', PATH_INT) extensionId: number,
    @Body() b: DecideExtensionDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'decideExtension', { ...b, extensionId }, k, r);
  }

  @Post('key')
  @HttpCode(200)
  markKey(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: MarkKeyDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ) {
    return this.run(u, id, 'markKey', b, k, r);
  }

  /**
   * 催办: a supervisor reminds a unit of its open tasks; the unit's people are notified, and the
   * 催办单 is issued (`documentId`, `documentNumber`: download it from /supervision-documents).
   */
  @Post('reminders')
  @HttpCode(200)
  async sendReminder(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id') id: string,
    @Body() b: SendReminderDto,
    @IdempotencyKey() k?: string,
    @RequestId() r?: string,
  ): Promise<ActionResult> {
    return this.documents.withReminderNotice(u, id, b.unitId, () => this.run(u, id, 'sendReminder', b, k, r));
  }
}
