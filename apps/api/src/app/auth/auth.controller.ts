import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@banli/domain';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { WithoutIdempotency } from '../common/idempotency.interceptor';
import { LoginResponse, PasswordChangedResponse, SessionResponse, UserResponse } from './auth.response';
import { AllowedBeforePasswordChange, Carrier, CurrentUser, Public, TokenCarrier } from './auth.decorators';
import { AuthService, IssuedToken } from './auth.service';
import type { AuthenticatedUser, SignedInUser } from './authenticated-user';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { SESSION_COOKIE } from './auth.constants';
import { setSessionCookie } from './session-cookie';
import { PASSWORD_POLICY } from './password-policy';

const LIMITED =
  'Too many sign-in attempts from this address or for this account (TOO_MANY_SIGN_IN_ATTEMPTS); Retry-After and retryAfterSeconds say when to try again';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'A signed access token (JWT) and the user' })
  @ApiError(401, 'Wrong credentials or disabled account (UNAUTHENTICATED)')
  @ApiError(429, LIMITED)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<IssuedToken> {
    return this.auth.login(dto.username, dto.password, clientAddress(req));
  }

  /**
   * Sign-in for the web UI: the token goes into an HttpOnly, SameSite=Strict cookie (Secure
   * over HTTPS, or always with COOKIE_SECURE=true) and is not in the body, so page scripts never
   * see it. Same credentials, checks and limits as `login`.
   */
  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'The user; the session cookie is set' })
  @ApiError(401, 'Wrong credentials or disabled account (UNAUTHENTICATED)')
  @ApiError(429, LIMITED)
  async createSession(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const issued = await this.auth.login(dto.username, dto.password, clientAddress(req));
    setSessionCookie(req, res, issued.accessToken, issued.expiresIn);
    return { user: issued.user, expiresIn: issued.expiresIn };
  }

  /**
   * Sign-out of the web UI: every token of the user issued so far is revoked (on every device)
   * and the cookie is cleared. A cookie that is no longer valid is cleared all the same.
   */
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Signed out: the user's tokens are revoked and the session cookie is cleared" })
  async endSession(
    @Req() req: Request & { cookies?: Record<string, string> },
    @Res({ passthrough: true }) res: Response,
  ) {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const user = await this.auth.authenticate(token).catch((e: unknown) => {
        if (e instanceof DomainError) return null; // already invalid: nothing to revoke
        throw e;
      });
      if (user) await this.auth.signOut(user);
    }
    clearSessionCookie(res);
  }

  /** Sign-out for API clients (and the web UI alike): every token of the caller issued so far is revoked. */
  @Post('sign-out')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiSignedIn()
  @ApiNoContentResponse({ description: "Signed out: the caller's tokens are revoked (and a session cookie cleared)" })
  async signOut(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(user);
    clearSessionCookie(res);
  }

  /**
   * The caller's own new password. Every token issued before stops working; the caller goes on
   * with a new one (a new cookie for the web UI, a new token in the answer for a Bearer client).
   */
  @Post('password')
  @HttpCode(200)
  @WithoutIdempotency()
  @AllowedBeforePasswordChange()
  @ApiSignedIn()
  @ApiOkResponse({ type: PasswordChangedResponse, description: 'Changed; the new session or token' })
  @ApiError(
    422,
    `The current password is wrong (field currentPassword), or the new one breaks the policy: ${PASSWORD_POLICY} (VALIDATION_FAILED)`,
  )
  @ApiError(429, LIMITED)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Carrier() carrier: TokenCarrier,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PasswordChangedResponse> {
    const issued = await this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
    if (carrier === 'cookie') {
      setSessionCookie(req, res, issued.accessToken, issued.expiresIn);
      return { user: issued.user, expiresIn: issued.expiresIn };
    }
    return issued;
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiSignedIn()
  @ApiOkResponse({ type: UserResponse, description: 'The caller, as the database has them now' })
  me(@CurrentUser() user: SignedInUser): SignedInUser {
    return user;
  }
}

/** The address the limits count: the client's, behind the proxies TRUST_PROXY names. */
function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/api', httpOnly: true, sameSite: 'strict' });
}
