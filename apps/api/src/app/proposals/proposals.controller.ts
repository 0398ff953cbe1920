import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import {
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
import type { ProposalView } from './proposal.view';

@ApiTags('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @ApiCreatedResponse({ description: 'Registered; its workflow is running' })
  @ApiOkResponse({ description: 'The same proposal was registered before; nothing new started' })
  @ApiConflictResponse({ description: 'Another proposal already has this session and number' })
  @ApiUnprocessableEntityResponse({ description: 'The registration breaks a rule' })
  async register(
    @Body() dto: RegisterProposalDto,
    @Headers('x-request-id') requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView> {
    const { urgent, ...registration } = dto;
    const { proposal, created } = await this.proposals.registerProposal(registration, { urgent, requestId });
    res.status(created ? 201 : 200);
    return proposal;
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The proposal with its current stage' })
  @ApiNotFoundResponse({ description: 'No such proposal' })
  get(@Param('id') id: string): Promise<ProposalView> {
    return this.proposals.getProposal(id);
  }
}
