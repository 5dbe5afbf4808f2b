export enum Role {
  Viewer = 'viewer',
  Operator = 'operator',
  Admin = 'admin',
  /**
   * A run-scoped token's: it reports for one attempt of one simulation
   * (RunTokenClaims) and may do nothing else, not even read.
   */
  Run = 'run',
}

/** The roles of people and service accounts (a run's role is not one: runs get their own tokens). */
export const ROLES: readonly Role[] = [Role.Viewer, Role.Operator, Role.Admin];

/** Each account role may do everything the roles before it may. */
const RANK: Record<Role, number> = {
  [Role.Viewer]: 0,
  [Role.Operator]: 1,
  [Role.Admin]: 2,
  [Role.Run]: -1,
};

/** A run's routes take a run's token only; every other route, an account role at least as high. */
export function roleSatisfies(held: Role, required: Role): boolean {
  if (required === Role.Run || held === Role.Run) return held === required;
  return RANK[held] >= RANK[required];
}

/** One of the account roles (ROLES). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
