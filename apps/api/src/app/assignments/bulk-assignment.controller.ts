import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError, ApiErrors, ApiSignedIn } from '../common/api-responses';
import { IdempotencyKey, RequestId } from '../common/request-id';
import { assignmentRowsOf, BulkAssignmentDto, MAX_ASSIGNMENT_ROWS } from './bulk-assignment-rows';
import { BulkAssignmentReportResponse } from './bulk-assignment.response';
import { BulkAssignmentReport, BulkAssignmentService } from './bulk-assignment.service';

@ApiTags('actions')
@ApiSignedIn()
@Controller('proposals')
export class BulkAssignmentController {
  constructor(private readonly assignments: BulkAssignmentService) {}

  /**
   * 交办 in bulk: the assigning office assigns many accepted proposals in one request, each
   * row as POST /api/proposals/:id/assignment takes it plus its `proposalId`. One workflow
   * update per proposal; each row answers assigned (with the new stage) or refused (with the
   * error the single assignment would give); a refused row changes nothing else.
   */
  @Post('assignments')
  @Roles('assigning-officer')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retry safely: the same key returns the first report, and no row is assigned twice',
  })
  @ApiBody({ type: BulkAssignmentDto, description: `At most ${MAX_ASSIGNMENT_ROWS} rows, each proposal once` })
  @ApiOkResponse({ type: BulkAssignmentReportResponse, description: 'Each row assigned or refused with its error' })
  @ApiError(400, 'Not {"assignments": [...]}, no rows, or a row of the wrong shape (BAD_REQUEST)')
  @ApiErrors(403)
  @ApiError(413, `More than ${MAX_ASSIGNMENT_ROWS} rows, or a body over BODY_LIMIT (PAYLOAD_TOO_LARGE)`)
  @ApiError(
    422,
    'The same proposal twice, or the Idempotency-Key used for another request (VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED)',
  )
  async assign(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @IdempotencyKey() key?: string,
    @RequestId() requestId?: string,
  ): Promise<BulkAssignmentReport> {
    return this.assignments.assign(user, await assignmentRowsOf(body), {
      ...(key ? { idempotencyKey: key } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }
}
