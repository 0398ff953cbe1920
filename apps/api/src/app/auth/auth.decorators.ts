import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@banli/domain';
import type { AuthenticatedUser } from './authenticated-user';
import { ApiError } from '../common/api-responses';

export const IS_PUBLIC = 'banli:public';
export const REQUIRED_ROLES = 'banli:roles';

/** No token needed (health, login, API docs, public disclosure). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles; otherwise 403 ROLE_REQUIRED (and the document says so). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiError(403, `Needs the role ${roles.join(' or ')} (ROLE_REQUIRED)`),
  );

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);
