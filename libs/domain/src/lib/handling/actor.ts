/** Roles of DOMAIN.md's users; a user may hold several. */
export const ROLES = [
  'registrar',
  'assigning-officer',
  'handler',
  'reviewer',
  'signer',
  'co-handler',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Who performs an action: authenticated by the API, checked again by the workflow. */
export interface Actor {
  userId: string;
  unitId: string;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
