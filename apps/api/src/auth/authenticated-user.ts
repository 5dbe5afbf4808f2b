import type { ProjectRoles, Role } from '@app/auth';
import type { ProjectAccess } from './project-access';

/** The one attempt of one simulation a run-scoped token reports for. */
export interface RunScope {
  simulationId: number;
  attempt: number;
}

/** What a verified token tells us about its bearer; set on `request.user`. */
export interface AuthenticatedUser {
  subject: string;
  role: Role;
  /** Set for a run-scoped token (role `run`) only. */
  run?: RunScope;
  /** The token's roles per project, by name, when it is scoped to projects. */
  projects?: ProjectRoles;
  /** What it may do in which project: set by the access guard on every request it lets through. */
  access?: ProjectAccess;
}
