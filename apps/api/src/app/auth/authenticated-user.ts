import type { Actor, Role } from '@banli/domain';

/** The caller, as the guard found it in the database for this request. */
export interface AuthenticatedUser extends Actor {
  username: string;
  displayName: string;
}

export const SEES_EVERY_PROPOSAL: Role[] = ['registrar', 'assigning-officer', 'supervisor', 'admin'];
