import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ExternalIdentityView } from '@banli/persistence';
import { ApiError, ApiSignedIn } from '../../common/api-responses';
import { CurrentUser, Roles } from '../auth.decorators';
import type { AuthenticatedUser } from '../authenticated-user';
import { ExternalIdentitiesQuery, LinkExternalIdentityDto, UnlinkExternalIdentityQuery } from './external-identity.dto';
import { ExternalIdentitiesService } from './external-identities.service';
import { ExternalIdentityResponse } from './single-sign-on.response';

/** Which of the identity provider's subjects signs in as which Banli user (single sign-on). */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/external-identities')
export class ExternalIdentitiesController {
  constructor(private readonly identities: ExternalIdentitiesService) {}

  @Get()
  @ApiOkResponse({ type: [ExternalIdentityResponse], description: 'Every link, or those of one user' })
  list(@Query() query: ExternalIdentitiesQuery): Promise<ExternalIdentityView[]> {
    return this.identities.list(query.userId);
  }

  @Post()
  @ApiCreatedResponse({ type: ExternalIdentityResponse, description: 'The subject now signs in as the user (audited)' })
  @ApiError(404, 'No such user (NOT_FOUND)')
  @ApiError(409, 'The subject is linked already; unlink it first (ALREADY_DONE)')
  @ApiError(422, 'No issuer given while single sign-on is not configured (VALIDATION_FAILED)')
  link(@CurrentUser() admin: AuthenticatedUser, @Body() dto: LinkExternalIdentityDto): Promise<ExternalIdentityView> {
    return this.identities.link(admin, dto.subject, dto.userId, dto.issuer);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The subject signs in as nobody any more (audited)' })
  @ApiError(404, 'The subject is not linked (NOT_FOUND)')
  @ApiError(422, 'No issuer given while single sign-on is not configured (VALIDATION_FAILED)')
  async unlink(@CurrentUser() admin: AuthenticatedUser, @Query() query: UnlinkExternalIdentityQuery): Promise<void> {
    await this.identities.unlink(admin, query.subject, query.issuer);
  }
}
