import type { Actor, Role } from '@banli/domain';

/** The caller, as the guard found it in the database for this request. */
export interface AuthenticatedUser extends Actor {
  username: string;
  displayName: string;
}

/** The caller with their account's standing, as `GET /api/auth/me` and sign-in answer it. */
export interface SignedInUser extends AuthenticatedUser {
  /** An admin reset the password: until the user changes it, only sign-out and the change are allowed. */
  mustChangePassword: boolean;
}

export const SEES_EVERY_PROPOSAL: Role[] = ['registrar', 'assigning-officer', 'supervisor', 'admin'];
