export enum Role {
  Viewer = 'viewer',
  Operator = 'operator',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** Each role may do everything the roles before it may. */
const RANK: Record<Role, number> = { [Role.Viewer]: 0, [Role.Operator]: 1, [Role.Admin]: 2 };

export function roleSatisfies(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
