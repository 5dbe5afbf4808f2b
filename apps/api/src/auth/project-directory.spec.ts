import { Role } from '@app/auth';
import type { Project, ProjectRepository } from '@app/domain';
import { ProjectAccess } from './project-access';
import { ProjectDirectory } from './project-directory';

const project = (ratePerMinute: number | null): Project => ({
  projectId: 2,
  name: 'vision',
  description: '',
  retentionDays: null,
  machineIds: null,
  maxPending: null,
  ratePerMinute,
  createdBy: null,
  createdAt: new Date(0),
});

/** A repository whose list() answers only when the test releases it, with what is stored then. */
class HeldProjects {
  stored = project(10);
  reads = 0;
  private held: Array<() => void> = [];

  list(): Promise<Project[]> {
    this.reads++;
    const answer = [this.stored];
    return new Promise((resolve) => this.held.push(() => resolve(answer)));
  }

  release(): void {
    this.held.splice(0).forEach((answer) => answer());
  }
}

describe('ProjectDirectory: rate budgets', () => {
  const vision = ProjectAccess.inProjects(new Map([[2, Role.Viewer]]));

  it('reads the budgets once for requests that overlap, then keeps them', async () => {
    const projects = new HeldProjects();
    const directory = new ProjectDirectory(projects as unknown as ProjectRepository);
    const both = Promise.all([directory.budgetsOf(vision), directory.budgetsOf(vision)]);
    projects.release();
    expect(await both).toEqual([
      [{ projectId: 2, name: 'vision', perMinute: 10 }],
      [{ projectId: 2, name: 'vision', perMinute: 10 }],
    ]);
    await directory.budgetsOf(vision);
    expect(projects.reads).toBe(1);
  });

  it('does not keep a read begun before this process changed a budget', async () => {
    const projects = new HeldProjects();
    const directory = new ProjectDirectory(projects as unknown as ProjectRepository);
    const before = directory.budgetsOf(vision);
    // The change commits and is forgotten while the read of the old budget is still out.
    projects.stored = project(null);
    directory.forgetBudgets();
    projects.release();
    expect(await before).toEqual([{ projectId: 2, name: 'vision', perMinute: 10 }]);
    const after = directory.budgetsOf(vision);
    projects.release();
    expect(await after).toEqual([]);
  });

  it('charges no project for a caller without project scope of its own', async () => {
    const projects = new HeldProjects();
    const directory = new ProjectDirectory(projects as unknown as ProjectRepository);
    expect(await directory.budgetsOf(ProjectAccess.everyProject(Role.Admin))).toEqual([]);
    expect(projects.reads).toBe(0);
  });
});
