import { Role, roleSatisfies } from '@app/auth';
import { DEFAULT_PROJECT_ID, DomainError } from '@app/domain';

/**
 * What one caller may do in which project (docs/projects.md): every project
 * with one role (a global admin), or a role in each of some projects (a
 * scoped token; a token without scope has its role in `default`). The one
 * place a route asks; a run it may not see is answered exactly as a run
 * that does not exist.
 */
export class ProjectAccess {
  private constructor(
    /** Null: every project, with `everywhere`. */
    private readonly roles: ReadonlyMap<number, Role> | null,
    private readonly everywhere: Role | null,
  ) {}

  static everyProject(role: Role): ProjectAccess {
    return new ProjectAccess(null, role);
  }

  static inProjects(roles: ReadonlyMap<number, Role>): ProjectAccess {
    return new ProjectAccess(roles, null);
  }

  /** A token without project scope: its role in `default`. */
  static inDefault(role: Role): ProjectAccess {
    return new ProjectAccess(new Map([[DEFAULT_PROJECT_ID, role]]), null);
  }

  get global(): boolean {
    return this.roles === null;
  }

  roleIn(projectId: number): Role | undefined {
    return this.roles === null ? (this.everywhere ?? undefined) : this.roles.get(projectId);
  }

  sees(projectId: number): boolean {
    return this.roleIn(projectId) !== undefined;
  }

  may(projectId: number, required: Role): boolean {
    const role = this.roleIn(projectId);
    return role !== undefined && roleSatisfies(role, required);
  }

  /** sees(), as a function the domain's reads take (ProjectVisibility). */
  readonly visibility = (projectId: number): boolean => this.sees(projectId);

  /** The projects a list or a search may show; null for all of them. */
  visibleProjectIds(): number[] | null {
    return this.roles === null ? null : [...this.roles.keys()];
  }

  /**
   * A run's project, checked: not seen is the not-found of a missing run
   * (same message), seen without `required` a 403 naming the role.
   */
  check(projectId: number, required: Role, notFound: () => DomainError): void {
    const role = this.roleIn(projectId);
    if (role === undefined) throw notFound();
    if (!roleSatisfies(role, required))
      throw DomainError.forbidden(
        `requires the ${required} role in this run's project; this token has ${role}`,
      );
  }
}
