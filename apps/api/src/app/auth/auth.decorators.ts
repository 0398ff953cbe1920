import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@banli/domain';
import type { AuthenticatedUser } from './authenticated-user';
import { ApiError } from '../common/api-responses';

export const IS_PUBLIC = 'banli:public';
export const REQUIRED_ROLES = 'banli:roles';
export const BEFORE_PASSWORD_CHANGE = 'banli:before-password-change';

/** No token needed (health, login, API docs, public disclosure). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Open to a user who must change their password (after an admin reset): who they are, the
 * change itself and sign-out. Every other route answers them 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** The caller needs one of these roles; otherwise 403 ROLE_REQUIRED (and the document says so). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiError(403, `Needs the role ${roles.join(' or ')} (ROLE_REQUIRED)`),
  );

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);

/** How the caller's token came: the web UI's session cookie or an Authorization: Bearer header. */
export type TokenCarrier = 'cookie' | 'bearer';

export const Carrier = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): TokenCarrier => ctx.switchToHttp().getRequest().tokenCarrier,
);
