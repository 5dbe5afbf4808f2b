import { isRole, Role, ROLES, roleSatisfies } from './role';

/**
 * A token's roles per project, by project name (names never change, so a
 * token stays good across anything done to its projects but their deletion).
 * A token without them acts in the `default` project with its role, except
 * an admin's, which acts in every project (docs/projects.md).
 */
export type ProjectRoles = Readonly<Record<string, Role>>;

/** The same rule as the database's CHECK on projects.name. */
export const PROJECT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Projects one token may name: a bound on what a token's verification reads. */
export const MAX_PROJECTS_PER_TOKEN = 100;

/** The roles of a token's `projects` claim, or the reason they are not roles of projects. */
export function parseProjectRoles(claim: unknown): ProjectRoles | string {
  if (claim === null || typeof claim !== 'object' || Array.isArray(claim))
    return 'projects must map project names to roles';
  const entries = Object.entries(claim as Record<string, unknown>);
  if (entries.length === 0) return 'projects names no project';
  if (entries.length > MAX_PROJECTS_PER_TOKEN)
    return `projects names ${entries.length} projects; at most ${MAX_PROJECTS_PER_TOKEN}`;
  for (const [name, role] of entries) {
    if (!PROJECT_NAME.test(name))
      return `projects: ${JSON.stringify(name.slice(0, 80))} is not a project name`;
    if (!isRole(role)) return `projects.${name} must be one of: ${ROLES.join(', ')}`;
  }
  return claim as ProjectRoles;
}

/** The highest of the roles: what a route that names no project checks a scoped token by. */
export function highestRole(roles: ProjectRoles): Role {
  return Object.values(roles).reduce(
    (highest, role) => (roleSatisfies(role, highest) ? role : highest),
    Role.Viewer,
  );
}

/** `vision` or `vision:operator` (the role defaulting to `role`), as `npm run token -- --project` takes them. */
export function projectRoleArgument(text: string, role: Role): [string, Role] {
  const [name, given] = text.split(':');
  if (!PROJECT_NAME.test(name))
    throw new Error(`--project ${text}: ${JSON.stringify(name)} is not a project name`);
  const projectRole = given === undefined ? role : given;
  if (!isRole(projectRole))
    throw new Error(`--project ${text}: the role must be one of: ${ROLES.join(', ')}`);
  return [name, projectRole];
}
