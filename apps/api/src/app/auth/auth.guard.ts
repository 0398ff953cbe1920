import { CanActivate, ExecutionContext, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, hasRole, Role } from '@banli/domain';
import { BEFORE_PASSWORD_CHANGE, IS_PUBLIC, REQUIRED_ROLES, TokenCarrier } from './auth.decorators';
import { AuthService } from './auth.service';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from './auth.constants';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a valid token unless marked @Public(); @Roles() narrows it. The token comes
 * as `Authorization: Bearer …` (API clients) or in the web UI's HttpOnly session cookie; a
 * write authenticated by the cookie must also carry `X-Requested-With: banli-web` (CSRF).
 */
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<Request & { user?: unknown; tokenCarrier?: TokenCarrier; cookies?: Record<string, string> }>();
    const header = request.headers.authorization;
    // A request that sends an Authorization header is judged by it alone: one that is not a
    // well-formed Bearer token (Basic, an empty or malformed Bearer) is refused, never read
    // as if it had not been sent, so the session cookie cannot stand in for it.
    const bearer = header === undefined ? undefined : /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
    if (header !== undefined && !bearer) {
      throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    }
    const cookie = bearer ? undefined : request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? (cookie && /^[A-Za-z0-9._-]+$/.test(cookie) ? cookie : undefined);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first: an Authorization: Bearer token is required');
    if (cookie && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new ForbiddenException({
        code: 'CSRF_HEADER_REQUIRED',
        message: `A change made with the session cookie needs the header X-Requested-With: ${CSRF_HEADER_VALUE}`,
      });
    }
    const user = await this.auth.authenticate(token);
    request.user = user;
    request.tokenCarrier = bearer ? 'bearer' : 'cookie';
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /api/auth/password)');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasRole(user, ...roles)) {
      throw new DomainError('ROLE_REQUIRED', `This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
