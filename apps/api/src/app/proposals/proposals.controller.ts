import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { RequestId } from '../common/request-id';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RegisterProposalDto } from './register-proposal.dto';
import { ProposalsService } from './proposals.service';
import type { ProposalDetailView, ProposalEventView, ProposalView } from './proposal.view';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @Roles('registrar')
  @ApiCreatedResponse({ description: 'Registered; its workflow is running' })
  @ApiOkResponse({ description: 'The same proposal was registered before; nothing new started' })
  @ApiConflictResponse({ description: 'Another proposal already has this session and number' })
  @ApiUnprocessableEntityResponse({ description: 'The registration breaks a rule' })
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
  @ApiOkResponse({ description: 'The proposal with its stage, every deadline and its explanation, and open tasks' })
  @ApiNotFoundResponse({ description: 'No such proposal, or not one the caller may see' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ProposalDetailView> {
    return this.proposals.getProposal(user, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ description: 'The audit trail of the proposal' })
  @ApiNotFoundResponse({ description: 'No such proposal, or not one the caller may see' })
  events(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ProposalEventView[]> {
    return this.proposals.getEvents(user, id);
  }
}
