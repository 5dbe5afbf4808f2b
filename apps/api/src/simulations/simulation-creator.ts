import {
  DomainError,
  Machine,
  MachineRepository,
  Program,
  Simulation,
  SimulationRepository,
  summarizeProblems,
} from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Project } from '@app/domain';
import {
  checkBatchPrograms,
  checkProgram,
  machineNotFound,
  newSimulationOf,
  planBatch,
  planCreation,
  PlannedCreation,
} from './creation-plan';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import { IdempotentAnswers } from './idempotent-answers';
import { PendingCap } from './pending-cap';
import { hashRequest } from './request-hash';
import { ProjectOfCreation } from './project-of-creation';
import type { ProjectAccess } from '../auth/project-access';

export interface Creation {
  simulation: Pick<Simulation, 'simulationId'>;
  /** True when an earlier request with the same Idempotency-Key already created it. */
  replayed: boolean;
}

export interface BatchCreation {
  simulations: Array<Pick<Simulation, 'simulationId'>>;
  /** True when an earlier request with the same Idempotency-Key already created them. */
  replayed: boolean;
}

/**
 * Creates simulations: each request checked, then one transaction for the
 * idempotency key, the machines, the rows and the pending cap, then the queue.
 */
@Injectable()
export class SimulationCreator {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly simulations: SimulationRepository,
    private readonly machines: MachineRepository,
    private readonly answers: IdempotentAnswers,
    private readonly pendingCap: PendingCap,
    private readonly queue: SimulationQueueProducer,
    private readonly projectOf: ProjectOfCreation,
  ) {}

  /**
   * Records the simulation as pending and hands it to the queue. The row is
   * the source of truth: if Redis does not take the job now, the worker's
   * reconciler enqueues it later, so the client's 201 is never a lie.
   *
   * With an idempotency key, the key is taken in the same transaction as the
   * insert: a repeat of the request gets the first answer back, and
   * concurrent repeats wait for the first one and then do the same.
   */
  async create(
    request: CreateSimulationDto,
    creator: string,
    access: ProjectAccess,
    idempotencyKey?: string,
    requestId?: string,
  ): Promise<Creation> {
    const requestHash = idempotencyKey ? hashRequest(request) : '';
    const planned = planCreation(request);
    // Before the transaction: a read on a connection of its own, which a burst of transactions
    // holding every pooled connection would otherwise wait for.
    const [project] = await this.projectOf.resolve(
      [{ project: request.project, machineId: planned.machineId }],
      access,
    );
    const outcome = await this.manager.transaction(async (manager): Promise<Creation> => {
      if (idempotencyKey) {
        const earlier = await this.answers.earlierAnswer(
          creator,
          idempotencyKey,
          requestHash,
          manager,
        );
        if (earlier)
          return { simulation: { simulationId: (earlier as { id: number }).id }, replayed: true };
      }
      const simulation = await this.insert(planned, project, creator, manager);
      if (idempotencyKey) {
        await this.answers.recordCreated(
          creator,
          idempotencyKey,
          { id: simulation.simulationId, status: 'pending' },
          manager,
        );
      }
      await this.pendingCap.hold(creator, 1, manager);
      await this.pendingCap.holdProjects(new Map([[project, 1]]), manager);
      return { simulation, replayed: false };
    });

    // An external run is started by its client: no worker is to take it.
    if (!outcome.replayed && request.program !== Program.External) {
      await this.queue.queueAttempt(outcome.simulation as Simulation, { requestId });
    }
    return outcome;
  }

  /**
   * Creates every simulation of a batch in one transaction, all or none, and
   * queues them with one bulk add per machine. Problems are found for the
   * whole batch before anything is written and named by index
   * (`simulations[3]: …`); one Idempotency-Key covers the batch, and the
   * client's pending cap counts all of it.
   */
  async createBatch(
    requests: CreateSimulationDto[],
    creator: string,
    access: ProjectAccess,
    idempotencyKey?: string,
    requestId?: string,
  ): Promise<BatchCreation> {
    const planned = planBatch(requests);
    const requestHash = idempotencyKey ? hashRequest({ simulations: requests }) : '';
    // Before the transaction, as create's.
    const projects = await this.projectOf.resolve(
      planned.map(({ request, machineId }) => ({ project: request.project, machineId })),
      access,
    );
    const outcome = await this.manager.transaction(async (manager): Promise<BatchCreation> => {
      if (idempotencyKey) {
        const earlier = await this.answers.earlierAnswer(
          creator,
          idempotencyKey,
          requestHash,
          manager,
        );
        if (earlier) {
          const ids = (earlier as { simulations: Array<{ id: number }> }).simulations;
          return { simulations: ids.map(({ id }) => ({ simulationId: id })), replayed: true };
        }
      }
      const { missing, found } = await this.resolveMachines(planned, manager);
      if (missing.size)
        throw DomainError.notFound(
          summarizeProblems(
            [...missing].map(
              ([machineId, indices]) =>
                `${indices.map((index) => `simulations[${index}]`).join(', ')}: ${machineNotFound(machineId)}`,
            ),
          ),
        );
      const simulations = await this.simulations.insertMany(
        creator,
        checkBatchPrograms(planned, found).map((checked, index) => ({
          ...newSimulationOf(checked),
          projectId: projects[index].projectId,
        })),
        manager,
      );
      if (idempotencyKey) {
        await this.answers.recordCreated(
          creator,
          idempotencyKey,
          {
            simulations: simulations.map(({ simulationId }) => ({
              id: simulationId,
              status: 'pending',
            })),
          },
          manager,
        );
      }
      await this.pendingCap.hold(creator, simulations.length, manager);
      await this.pendingCap.holdProjects(countsOf(projects), manager);
      return { simulations, replayed: false };
    });

    if (!outcome.replayed) {
      await this.queue.queueAttempts(
        (outcome.simulations as Simulation[]).filter(
          (simulation) => simulation.program !== Program.External,
        ),
        { requestId },
      );
    }
    return outcome;
  }

  private async insert(
    planned: PlannedCreation,
    project: Project,
    creator: string,
    manager: EntityManager,
  ): Promise<Simulation> {
    const { missing, found } = await this.resolveMachines([planned], manager);
    if (missing.size) throw DomainError.notFound(machineNotFound(planned.machineId));
    const checked = checkProgram(planned, found.get(planned.machineId) as Machine);
    return this.simulations.insert(
      { ...newSimulationOf(checked), createdBy: creator, projectId: project.projectId },
      manager,
    );
  }

  /**
   * Registers the named machines that are new, each once; answers the
   * machines found, and those neither known nor named, each with the
   * indices that asked for it.
   */
  private async resolveMachines(
    planned: PlannedCreation[],
    manager: EntityManager,
  ): Promise<{ found: Map<number, Machine>; missing: Map<number, number[]> }> {
    const machines = new Map<number, { name?: string; indices: number[] }>();
    planned.forEach(({ machineId, machineName }, index) => {
      const machine = machines.get(machineId) ?? { indices: [] };
      machine.name ??= machineName;
      machine.indices.push(index);
      machines.set(machineId, machine);
    });
    const missing = new Map<number, number[]>();
    const found = new Map<number, Machine>();
    for (const [machineId, { name, indices }] of machines) {
      const machine = name
        ? await this.machines.registerIfAbsent(machineId, name, manager)
        : await this.machines.findById(machineId, manager);
      if (machine) found.set(machineId, machine);
      else missing.set(machineId, indices);
    }
    return { found, missing };
  }
}

/** How many runs of a batch go to each project (one object per project: ProjectOfCreation answers so). */
function countsOf(projects: readonly Project[]): Map<Project, number> {
  const counts = new Map<Project, number>();
  for (const project of projects) counts.set(project, (counts.get(project) ?? 0) + 1);
  return counts;
}
