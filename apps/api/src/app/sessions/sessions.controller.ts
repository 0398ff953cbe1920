import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommitteeSession } from '@banli/domain';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateCommitteeSessionDto, CommitteeSessionFieldsDto } from './session.dto';
import { CommitteeSessionResponse } from './session.response';
import { SessionsService } from './sessions.service';

/** The sessions for any signed-in user: registrars choose one, supervisors filter by one. */
@ApiTags('sessions')
@ApiSignedIn()
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOkResponse({ type: [CommitteeSessionResponse], description: 'Every session, newest year first' })
  list(): Promise<CommitteeSession[]> {
    return this.sessions.list();
  }
}

/** Sessions as an admin manages them; every change is in the admin audit trail. */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/sessions')
export class AdminSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @ApiCreatedResponse({ type: CommitteeSessionResponse, description: 'The new session, open for registration' })
  @ApiError(409, 'There is a session with this code already (ALREADY_DONE)')
  @ApiError(422, 'A code, name, year, term, meeting or date that breaks a rule (VALIDATION_FAILED)')
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCommitteeSessionDto): Promise<CommitteeSession> {
    const { code, ...fields } = dto;
    return this.sessions.create(user, code, fields);
  }

  /** Changes a session's name, year, term, meeting and dates (its code never changes). */
  @Put(':code')
  @ApiOkResponse({ type: CommitteeSessionResponse, description: 'The session as it is now' })
  @ApiError(404, 'No such session (NOT_FOUND)')
  @ApiError(409, 'A new name for a session that has proposals registered in it (ALREADY_DONE)')
  @ApiError(422, 'A name, year, term, meeting or date that breaks a rule (VALIDATION_FAILED)')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Body() dto: CommitteeSessionFieldsDto,
  ): Promise<CommitteeSession> {
    return this.sessions.update(user, code, dto);
  }

  /** Ends registration into the session; its proposals are handled on as before. */
  @Post(':code/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CommitteeSessionResponse, description: 'The session, closed' })
  @ApiError(404, 'No such session (NOT_FOUND)')
  @ApiError(409, 'The session is closed already (ALREADY_DONE)')
  close(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string): Promise<CommitteeSession> {
    return this.sessions.close(user, code);
  }

  @Post(':code/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: CommitteeSessionResponse, description: 'The session, open for registration again' })
  @ApiError(404, 'No such session (NOT_FOUND)')
  @ApiError(409, 'The session is open already (ALREADY_DONE)')
  reopen(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string): Promise<CommitteeSession> {
    return this.sessions.reopen(user, code);
  }
}
