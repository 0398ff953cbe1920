import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { RequestId } from '../common/request-id';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { ProposalDetailResponse, ProposalEventResponse, ProposalResponse } from './proposal.response';
import type { Response } from 'express';
import { RegisterProposalDto } from './register-proposal.dto';
import { ProposalsService } from './proposals.service';
import type { ProposalDetailView, ProposalEventView, ProposalView } from './proposal.view';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';

@ApiTags('proposals')
@ApiSignedIn()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @Roles('registrar')
  @ApiCreatedResponse({ type: ProposalResponse, description: 'Registered; its workflow is running' })
  @ApiOkResponse({
    type: ProposalResponse,
    description: 'The same proposal was registered before; nothing new started',
  })
  @ApiError(409, 'Another proposal already has this session and number (PROPOSAL_ALREADY_REGISTERED)')
  @ApiError(422, 'The registration breaks a rule (VALIDATION_FAILED)')
  async register(
    @Body() dto: RegisterProposalDto,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView> {
    const { urgent, ...registration } = dto;
    const { proposal, created } = await this.proposals.registerProposal(registration, { urgent, requestId });
    res.status(created ? 201 : 200);
    return proposal;
  }

  @Get(':id')
  @ApiOkResponse({
    type: ProposalDetailResponse,
    description: 'The proposal with its stage, every deadline and its explanation, and open tasks',
  })
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ProposalDetailView> {
    return this.proposals.getProposal(user, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [ProposalEventResponse], description: 'The audit trail of the proposal' })
  @ApiError(404, 'No such proposal, or not one the caller may see (PROPOSAL_NOT_FOUND)')
  events(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ProposalEventView[]> {
    return this.proposals.getEvents(user, id);
  }
}
