import { Role } from '@app/auth';
import { ProjectRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import { ProjectAccess } from './project-access';

/** How long a name no project has is not looked up again: a token naming one costs no query per request. */
const MISSING_FOR_MS = 10_000;

/**
 * Turns a token's project names into the caller's access by project id.
 * Names never change, so a name found stays found; a name not found is
 * asked again after a while (the project may be created meanwhile).
 */
@Injectable()
export class ProjectDirectory {
  private readonly ids = new Map<string, number>();
  private readonly missingUntil = new Map<string, number>();

  constructor(private readonly projects: ProjectRepository) {}

  async accessOf(user: AuthenticatedUser): Promise<ProjectAccess> {
    if (user.role === Role.Run) return ProjectAccess.inProjects(new Map());
    if (!user.projects)
      return user.role === Role.Admin
        ? ProjectAccess.everyProject(Role.Admin)
        : ProjectAccess.inDefault(user.role);
    const now = Date.now();
    const unknown = Object.keys(user.projects).filter(
      (name) => !this.ids.has(name) && (this.missingUntil.get(name) ?? 0) <= now,
    );
    if (unknown.length) {
      const found = await this.projects.findByNames(unknown);
      for (const name of unknown) {
        const project = found.get(name);
        if (project) {
          this.ids.set(name, project.projectId);
          this.missingUntil.delete(name);
        } else this.missingUntil.set(name, now + MISSING_FOR_MS);
      }
    }
    const roles = new Map<number, Role>();
    for (const [name, role] of Object.entries(user.projects)) {
      const id = this.ids.get(name);
      if (id !== undefined) roles.set(id, role);
    }
    return ProjectAccess.inProjects(roles);
  }
}
