import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { LoginResponse, SessionResponse, UserResponse } from './auth.response';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { LoginDto } from './login.dto';
import { SESSION_COOKIE } from './auth.constants';
import { setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: LoginResponse, description: 'A signed access token (JWT) and the user' })
  @ApiError(401, 'Wrong credentials or disabled account (UNAUTHENTICATED)')
  @ApiError(429)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  /**
   * Sign-in for the web UI: the token goes into an HttpOnly, SameSite=Strict cookie (Secure
   * over HTTPS, or always with COOKIE_SECURE=true) and is not in the body, so page scripts never
   * see it. Same credentials, checks and rate limit as `login`.
   */
  @Public()
  @Post('session')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: SessionResponse, description: 'The user; the session cookie is set' })
  @ApiError(401, 'Wrong credentials or disabled account (UNAUTHENTICATED)')
  @ApiError(429)
  async createSession(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { accessToken, expiresIn, user } = await this.auth.login(dto.username, dto.password);
    setSessionCookie(req, res, accessToken, expiresIn);
    return { user, expiresIn };
  }

  /** Sign-out: the session cookie is cleared. */
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session cookie is cleared' })
  endSession(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, { path: '/api', httpOnly: true, sameSite: 'strict' });
  }

  @Get('me')
  @ApiSignedIn()
  @ApiOkResponse({ type: UserResponse, description: 'The caller, as the database has them now' })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
