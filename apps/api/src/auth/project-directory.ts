import { Role } from '@app/auth';
import { ProjectRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { ProjectBudget } from '../common/rate-limit/request-budgets';
import type { AuthenticatedUser } from './authenticated-user';
import { ProjectAccess } from './project-access';

/** How long a name no project has is not looked up again: a token naming one costs no query per request. */
const MISSING_FOR_MS = 10_000;
/** How long the projects' rate budgets are used before they are read again: a change reaches every process within it. */
const BUDGETS_FOR_MS = 10_000;

/**
 * Turns a token's project names into the caller's access by project id.
 * Names never change, so a name found stays found; a name not found is
 * asked again after a while (the project may be created meanwhile).
 */
@Injectable()
export class ProjectDirectory {
  private readonly ids = new Map<string, number>();
  private readonly missingUntil = new Map<string, number>();
  private budgets: { byProject: Map<number, ProjectBudget>; until: number } | null = null;
  private budgetsRead: Promise<Map<number, ProjectBudget>> | null = null;
  /** Counts forgetBudgets(): a read begun before a change is used once, not kept. */
  private budgetsGeneration = 0;

  constructor(private readonly projects: ProjectRepository) {}

  /**
   * The rate budgets of the projects a caller is scoped to (every one of
   * them: holding a second project does not escape the first's budget); none
   * for a global admin or a run-scoped token.
   */
  async budgetsOf(access: ProjectAccess): Promise<ProjectBudget[]> {
    const ids = access.visibleProjectIds();
    if (!ids?.length) return [];
    const byProject = await this.currentBudgets();
    return ids.flatMap((id) => byProject.get(id) ?? []);
  }

  /** Forgets the budgets read, after this process changed one: the next request reads them again. */
  forgetBudgets(): void {
    this.budgets = null;
    this.budgetsRead = null;
    this.budgetsGeneration++;
  }

  private async currentBudgets(): Promise<Map<number, ProjectBudget>> {
    if (this.budgets && this.budgets.until > Date.now()) return this.budgets.byProject;
    if (this.budgetsRead) return this.budgetsRead;
    const generation = this.budgetsGeneration;
    const read = this.projects.list().then((projects) => {
      const byProject = new Map<number, ProjectBudget>();
      for (const { projectId, name, ratePerMinute } of projects)
        if (ratePerMinute !== null)
          byProject.set(projectId, { projectId, name, perMinute: ratePerMinute });
      if (generation === this.budgetsGeneration)
        this.budgets = { byProject, until: Date.now() + BUDGETS_FOR_MS };
      return byProject;
    });
    this.budgetsRead = read;
    // However the read ends, the next request after it reads again unless this one was kept.
    void read.then(
      () => this.budgetsRead === read && (this.budgetsRead = null),
      () => this.budgetsRead === read && (this.budgetsRead = null),
    );
    return read;
  }

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
