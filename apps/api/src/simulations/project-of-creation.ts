import { Role } from '@app/auth';
import {
  DEFAULT_PROJECT_ID,
  DomainError,
  type Project,
  ProjectRepository,
  summarizeProblems,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { ProjectAccess } from '../auth/project-access';

/** What a create asks of its project: its name (if given) and its machine. */
export interface ProjectAsk {
  project?: string;
  machineId: number;
}

/**
 * The project each run of a create goes to, checked against the caller and
 * the project's machines: a project the caller does not see is not found
 * (as one that does not exist), one it sees without the operator role is a
 * 403, a machine the project may not use a 400. Left out, the project is the
 * only one of a token scoped to one, else `default`.
 */
@Injectable()
export class ProjectOfCreation {
  constructor(private readonly projects: ProjectRepository) {}

  async resolve(asks: readonly ProjectAsk[], access: ProjectAccess): Promise<Project[]> {
    const visible = access.visibleProjectIds();
    const implicitId = visible?.length === 1 ? visible[0] : DEFAULT_PROJECT_ID;
    const names = [...new Set(asks.flatMap(({ project }) => (project ? [project] : [])))];
    const [named, implicit] = await Promise.all([
      names.length ? this.projects.findByNames(names) : new Map<string, Project>(),
      asks.some(({ project }) => !project) ? this.projects.findById(implicitId) : null,
    ]);
    const problems: string[] = [];
    const where = (index: number) => (asks.length > 1 ? `simulations[${index}]: ` : '');
    const resolved = asks.map(({ project: name, machineId }, index) => {
      const project = name ? named.get(name) : implicit;
      if (!project || !access.sees(project.projectId))
        throw DomainError.notFound(`${where(index)}project "${name ?? 'default'}" not found`);
      if (!access.may(project.projectId, Role.Operator))
        throw DomainError.forbidden(
          `${where(index)}creating in project "${project.name}" requires the operator role there; ` +
            `this token has ${access.roleIn(project.projectId)}`,
        );
      if (project.machineIds && !project.machineIds.includes(machineId))
        problems.push(
          `${where(index)}project "${project.name}" may not use machine ${machineId} ` +
            `(it may use: ${project.machineIds.join(', ') || 'none'})`,
        );
      return project;
    });
    if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
    return resolved;
  }
}
