import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiError } from '../../common/api-responses';
import { Public } from '../auth.decorators';
import { isSecure, setSessionCookie } from '../session-cookie';
import { AuthProvidersResponse } from './single-sign-on.response';
import { PENDING_SIGN_IN_SECONDS, refusalPage, SingleSignOnService } from './single-sign-on.service';

/**
 * The sign-in started here and not yet finished. SameSite=Lax, not Strict: the provider's
 * redirect back is a navigation from another site, which a Strict cookie would not follow.
 */
const PENDING_COOKIE = 'banli_oidc';
const PENDING_COOKIE_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Controller('auth')
export class SingleSignOnController {
  constructor(private readonly sso: SingleSignOnService) {}

  @Public()
  @Get('providers')
  @ApiOkResponse({ type: AuthProvidersResponse, description: 'The ways to sign in besides a password' })
  providers(): AuthProvidersResponse {
    return this.sso.providers();
  }

  /** Sends the browser to the identity provider (authorization code flow with PKCE). */
  @Public()
  @Get('oidc/login')
  @ApiResponse({
    status: 302,
    description:
      "To the identity provider's sign-in, the pending sign-in cookie set; or, when the provider cannot be reached, to the web UI's sign-in page with ?sso_error=SSO_FAILED",
  })
  @ApiError(404, 'Single sign-on is not configured (NOT_FOUND)')
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { redirectTo, pending } = await this.sso.begin();
    if (pending) {
      res.cookie(PENDING_COOKIE, pending, {
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure(req),
        path: PENDING_COOKIE_PATH,
        maxAge: PENDING_SIGN_IN_SECONDS * 1000,
      });
    }
    redirect(res, redirectTo);
  }

  /**
   * Where the provider sends the browser back. Signed in: the session cookie is set (as by
   * a password sign-in) and the browser goes to the web UI. Refused: no session, and the
   * browser goes to the sign-in page with `?sso_error=<code>` (SSO_NOT_LINKED,
   * SSO_ACCOUNT_DISABLED, SSO_STATE_INVALID, SSO_PROVIDER_REFUSED, SSO_FAILED).
   */
  @Public()
  @Get('oidc/callback')
  @ApiResponse({
    status: 302,
    description: 'To the web UI with the session cookie set, or to its sign-in page with ?sso_error=<code>',
  })
  @ApiError(404, 'Single sign-on is not configured (NOT_FOUND)')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const query = new URL(req.originalUrl, 'http://banli').search;
    const pending = (req.cookies as Record<string, string> | undefined)?.[PENDING_COOKIE];
    const outcome = await this.sso.complete(query, pending);
    // Used once, whatever the outcome.
    res.clearCookie(PENDING_COOKIE, { path: PENDING_COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    if (!outcome.signedIn) return redirect(res, refusalPage(outcome.refusal));
    setSessionCookie(req, res, outcome.accessToken, outcome.expiresIn);
    redirect(res, '/');
  }
}

/** A redirect without a body (the document declares none). */
function redirect(res: Response, location: string): void {
  res.status(302).location(location).end();
}
