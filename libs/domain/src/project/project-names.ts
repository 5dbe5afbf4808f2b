import { Injectable } from '@nestjs/common';
import { ProjectRepository } from './project.repository';

/** A project's name by its id, once the ids asked for are known. */
export type ProjectNameOf = (projectId: number) => string;

/**
 * Project names for answers that name a run's project. A project's name
 * never changes and projects are never deleted, so a name read once serves
 * for good: a page of runs costs a statement only when it shows a project
 * this process has not named yet.
 */
@Injectable()
export class ProjectNames {
  private readonly names = new Map<number, string>();

  constructor(private readonly projects: ProjectRepository) {}

  async of(projectIds: Iterable<number>): Promise<ProjectNameOf> {
    const unknown = [...new Set(projectIds)].filter((id) => !this.names.has(id));
    if (unknown.length)
      for (const project of await this.projects.findByIds(unknown))
        this.names.set(project.projectId, project.name);
    return (projectId) => this.names.get(projectId) ?? String(projectId);
  }
}
