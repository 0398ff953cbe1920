import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { WithoutIdempotency } from '../common/idempotency.interceptor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AccountStandingResponse, PasswordResetResponse } from './accounts.response';
import { AccountsService } from './accounts.service';
import { PasswordResetDto } from './password-reset.dto';

/** Admins' hold on accounts: each change revokes the user's tokens and is audited. */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/users/:userId')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** A temporary password; the user must change it at their next sign-in. */
  @Post('password-reset')
  @HttpCode(200)
  @WithoutIdempotency()
  @ApiOkResponse({ type: PasswordResetResponse, description: "Reset; the user's tokens are revoked" })
  @ApiError(404, 'No such user (NOT_FOUND)')
  @ApiError(422, 'The temporary password given breaks the password policy (VALIDATION_FAILED)')
  resetPassword(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('userId') userId: string,
    @Body() dto: PasswordResetDto,
  ): Promise<PasswordResetResponse> {
    return this.accounts.resetPassword(admin, userId, dto.temporaryPassword);
  }

  @Post('disable')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountStandingResponse, description: "Disabled; the user's tokens are revoked" })
  @ApiError(404, 'No such user (NOT_FOUND)')
  @ApiError(422, "The admin's own account (VALIDATION_FAILED)")
  disable(@CurrentUser() admin: AuthenticatedUser, @Param('userId') userId: string): Promise<AccountStandingResponse> {
    return this.accounts.disable(admin, userId);
  }

  /** Enabled again; tokens from before the disable stay revoked. */
  @Post('enable')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountStandingResponse, description: 'Enabled; the user signs in again' })
  @ApiError(404, 'No such user (NOT_FOUND)')
  enable(@CurrentUser() admin: AuthenticatedUser, @Param('userId') userId: string): Promise<AccountStandingResponse> {
    return this.accounts.enable(admin, userId);
  }
}
