import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProposalRecordVerification } from '@banli/persistence';
import { ProposalRecordVerificationResponse } from './verification.response';
import { VerificationService } from './verification.service';

/** Whether a proposal's record is intact: its audit chain and its signed letters. */
@ApiTags('verification')
@ApiSignedIn()
@ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
@Controller('proposals/:id/verification')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @ApiOkResponse({
    type: ProposalRecordVerificationResponse,
    description:
      "The audit chain recomputed from the stored events, its head against the one the workflow's history recorded, " +
      'and each signed letter file against its stored and recorded SHA-256. A broken record still answers 200, with valid: false.',
  })
  verify(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ProposalRecordVerification> {
    return this.verification.verify(user, id);
  }
}
