import {
  DomainError,
  MachineStatus,
  MachineRepository,
  parseColumns,
  RUN_DATA_LIMITS,
  RunDataRepository,
  RunMetricSummary,
  RunParams,
  RunTags,
  Simulation,
  SimulationAttempt,
  SimulationLifecycle,
  SimulationListQuery,
  SimulationPage,
  SimulationTotal,
  SimulationRepository,
  Program,
  ProjectRepository,
} from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProjectAccess } from '../auth/project-access';
import { listedProjectIds } from '../projects/visible-project';
import { Role } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { decodeListCursor, encodeListCursor } from './list-cursor';

/** Reading simulations, and what a user may do to one: cancel it, retry it, tag it. Creating is SimulationCreator's. */
@Injectable()
export class SimulationsService {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly lifecycle: SimulationLifecycle,
    private readonly machines: MachineRepository,
    private readonly queue: SimulationQueueProducer,
    private readonly runData: RunDataRepository,
    private readonly projects: ProjectRepository,
  ) {}

  /**
   * One page of a listing, with the cursor of the next page (null on the
   * last), the matches' total (exact up to a bound, else estimated) and, when
   * `columns` names some, each run's values of them.
   */
  async list(
    listing: Omit<SimulationListQuery, 'after' | 'projectIds'>,
    access: ProjectAccess,
    cursor?: string,
    columns?: string,
    project?: string,
  ): Promise<{
    items: Simulation[];
    total: SimulationTotal;
    nextCursor: string | null;
    columnValues?: Map<number, Record<string, number | string | boolean | null>>;
  }> {
    if (cursor !== undefined && listing.offset !== undefined) {
      throw DomainError.invalid(
        'cursor and offset cannot be combined: a cursor already says where the page starts',
      );
    }
    const asked = columns === undefined ? undefined : parseColumns(columns);
    const after = cursor === undefined ? undefined : decodeListCursor(cursor, listing);
    const projectIds = (await listedProjectIds(this.projects, project, access)) ?? undefined;
    const [page, total] = await this.pageAndTotal({ ...listing, after, projectIds });
    const columnValues = asked
      ? await this.runData.columnValues(
          page.items.map(({ simulationId }) => simulationId),
          asked,
        )
      : undefined;
    return {
      items: page.items,
      total,
      nextCursor: page.next && encodeListCursor(listing, page.next),
      columnValues,
    };
  }

  /**
   * A page and the total of its list. A first page that holds every match
   * has counted them: its total is exact without a second statement (a
   * selective search's usual case). Only a first page can tell, so a later
   * one is read beside its total.
   */
  private async pageAndTotal(
    query: SimulationListQuery,
  ): Promise<[SimulationPage, SimulationTotal]> {
    if (query.after !== undefined || query.offset)
      return Promise.all([this.simulations.list(query), this.simulations.total(query)]);
    const page = await this.simulations.list(query);
    if (page.next === null) return [page, { count: page.items.length, exact: true }];
    return [page, await this.simulations.total(query)];
  }

  async get(
    simulationId: number,
    access: ProjectAccess,
  ): Promise<{
    simulation: Simulation;
    attempts: SimulationAttempt[];
    machineStatus: MachineStatus;
    params: RunParams;
    tags: RunTags;
  }> {
    const simulation = await this.findVisible(simulationId, access);
    const [attempts, machineStatus, { params, tags }] = await Promise.all([
      this.simulations.listAttempts(simulationId),
      this.machines.statusOf(simulation.machineId),
      this.runData.paramsAndTagsOf(simulationId),
    ]);
    return {
      simulation,
      attempts,
      machineStatus: machineStatus ?? MachineStatus.Offline,
      params,
      tags,
    };
  }

  /** The simulations of these ids that exist and the caller sees, in no particular order. */
  async findMany(simulationIds: readonly number[], access: ProjectAccess): Promise<Simulation[]> {
    const found = await this.simulations.findByIds(simulationIds);
    return found.filter((simulation) => access.sees(simulation.projectId));
  }

  /** The summary of each metric of the run's current attempt. */
  async metrics(simulationId: number, access: ProjectAccess): Promise<RunMetricSummary[]> {
    const simulation = await this.findVisible(simulationId, access);
    return this.runData.metricsOf(simulationId, simulation.attempt);
  }

  /** Sets and removes tags; answers the run's tags after the change. */
  async changeTags(
    simulationId: number,
    change: { set: RunTags; remove: string[] },
    user: AuthenticatedUser,
  ): Promise<RunTags> {
    await this.assertMayChange(simulationId, user, 'tag');
    const tags = await this.runData.changeTags(
      simulationId,
      change.set,
      change.remove,
      RUN_DATA_LIMITS.maxTags,
    );
    if (!tags) throw DomainError.notFound(`simulation ${simulationId} not found`);
    return tags;
  }

  /** The run, when the caller may see it; otherwise the same 404 as for no run at all. */
  private async findVisible(simulationId: number, access: ProjectAccess): Promise<Simulation> {
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation || !access.sees(simulation.projectId)) throw notFound(simulationId);
    return simulation;
  }

  async cancel(simulationId: number, user: AuthenticatedUser): Promise<Simulation> {
    await this.assertMayChange(simulationId, user, 'cancel');
    return this.lifecycle.cancel(simulationId);
  }

  async retry(
    simulationId: number,
    user: AuthenticatedUser,
    requestId?: string,
  ): Promise<Simulation> {
    await this.assertMayChange(simulationId, user, 'retry');
    const simulation = await this.lifecycle.retry(simulationId);
    // An external run's client starts it again, with the token the retry answers.
    if (simulation.program !== Program.External)
      await this.queue.queueAttempt(simulation, { requestId });
    return simulation;
  }

  /**
   * Operators of its project act on the simulations they created; admins of
   * its project on any. A run in a project the caller does not see is not
   * found. Who created a simulation and its project never change, so checking
   * first and acting next is safe.
   */
  private async assertMayChange(
    simulationId: number,
    user: AuthenticatedUser,
    verb: 'cancel' | 'retry' | 'tag',
  ): Promise<void> {
    const access = user.access!;
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation) throw notFound(simulationId);
    access.check(simulation.projectId, Role.Operator, () => notFound(simulationId));
    if (access.may(simulation.projectId, Role.Admin)) return;
    if (simulation.createdBy !== user.subject) {
      throw DomainError.forbidden(
        `operators may ${verb} only simulations they created; simulation ${simulationId} was created by someone else`,
      );
    }
  }
}

/** The answer for a run that does not exist, and for one the caller may not see: the same. */
export function notFound(simulationId: number): DomainError {
  return DomainError.notFound(`simulation ${simulationId} not found`);
}
