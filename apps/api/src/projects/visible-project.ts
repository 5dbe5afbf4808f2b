import { DomainError, type Project, type ProjectRepository } from '@app/domain';
import type { ProjectAccess } from '../auth/project-access';

/**
 * The project of this name, when the caller sees it; otherwise not found,
 * exactly as for a name no project has.
 */
export async function visibleProject(
  projects: ProjectRepository,
  name: string,
  access: ProjectAccess,
): Promise<Project> {
  const project = (await projects.findByNames([name])).get(name);
  if (!project || !access.sees(project.projectId))
    throw DomainError.notFound(`project "${name}" not found`);
  return project;
}

/** The projects a listing counts: the one named, else every project the caller sees (null: all). */
export async function listedProjectIds(
  projects: ProjectRepository,
  name: string | undefined,
  access: ProjectAccess,
): Promise<number[] | null> {
  return name
    ? [(await visibleProject(projects, name, access)).projectId]
    : access.visibleProjectIds();
}
