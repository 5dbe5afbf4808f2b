import {
  fromEmulationSettings,
  resolveEmulation,
  DomainError,
  IdempotencyKeyRepository,
  MachineStatus,
  MachineRepository,
  NewSimulation,
  Simulation,
  SimulationAttempt,
  SimulationLifecycle,
  SimulationListQuery,
  SimulationTotal,
  SimulationRepository,
  summarizeProblems,
} from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { Role, roleSatisfies } from '../auth/role';
import { Injectable } from '@nestjs/common';
import { ApiConfig } from '../config/api-config';
import { InjectEntityManager } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import { decodeListCursor, encodeListCursor } from './list-cursor';

export interface BatchCreation {
  simulations: Array<Pick<Simulation, 'simulationId'>>;
  /** True when an earlier request with the same Idempotency-Key already created them. */
  replayed: boolean;
}

/** One simulation asked for, checked on its own before anything is written. */
interface PlannedCreation {
  request: CreateSimulationDto;
  machineId: number;
  machineName?: string;
  attemptBudget?: number;
}

export interface Creation {
  simulation: Pick<Simulation, 'simulationId'>;
  /** True when an earlier request with the same Idempotency-Key already created it. */
  replayed: boolean;
}

@Injectable()
export class SimulationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly simulations: SimulationRepository,
    private readonly lifecycle: SimulationLifecycle,
    private readonly machines: MachineRepository,
    private readonly idempotencyKeys: IdempotencyKeyRepository,
    private readonly queue: SimulationQueueProducer,
    private readonly config: ApiConfig,
  ) {}

  /**
   * One page of a listing, with the cursor of the next page (null on the
   * last) and the matches' total (exact up to a bound, else estimated).
   */
  async list(
    listing: Omit<SimulationListQuery, 'after'>,
    cursor?: string,
  ): Promise<{ items: Simulation[]; total: SimulationTotal; nextCursor: string | null }> {
    if (cursor !== undefined && listing.offset !== undefined) {
      throw DomainError.invalid(
        'cursor and offset cannot be combined: a cursor already says where the page starts',
      );
    }
    const after = cursor === undefined ? undefined : decodeListCursor(cursor, listing);
    const [page, total] = await Promise.all([
      this.simulations.list({ ...listing, after }),
      this.simulations.total(listing),
    ]);
    return {
      items: page.items,
      total,
      nextCursor: page.next && encodeListCursor(listing, page.next),
    };
  }

  async get(simulationId: number): Promise<{
    simulation: Simulation;
    attempts: SimulationAttempt[];
    machineStatus: MachineStatus;
  }> {
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation) throw DomainError.notFound(`simulation ${simulationId} not found`);
    const [attempts, machineStatus] = await Promise.all([
      this.simulations.listAttempts(simulationId),
      this.machines.statusOf(simulation.machineId),
    ]);
    return { simulation, attempts, machineStatus: machineStatus ?? MachineStatus.Offline };
  }

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
    idempotencyKey?: string,
    requestId?: string,
  ): Promise<Creation> {
    const requestHash = idempotencyKey ? hashRequest(request) : '';
    const outcome = await this.manager.transaction(async (manager): Promise<Creation> => {
      if (idempotencyKey) {
        const earlier = await this.earlierAnswer(creator, idempotencyKey, requestHash, manager);
        if (earlier)
          return { simulation: { simulationId: (earlier as { id: number }).id }, replayed: true };
      }
      const simulation = await this.insert(request, creator, manager);
      if (idempotencyKey) {
        await this.idempotencyKeys.recordResponse(
          creator,
          idempotencyKey,
          201,
          { id: simulation.simulationId, status: 'pending' },
          manager,
        );
      }
      await this.holdPendingCap(creator, 1, manager);
      return { simulation, replayed: false };
    });

    if (!outcome.replayed) {
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
    idempotencyKey?: string,
    requestId?: string,
  ): Promise<BatchCreation> {
    const planned = planBatch(requests);
    const requestHash = idempotencyKey ? hashRequest({ simulations: requests }) : '';
    const outcome = await this.manager.transaction(async (manager): Promise<BatchCreation> => {
      if (idempotencyKey) {
        const earlier = await this.earlierAnswer(creator, idempotencyKey, requestHash, manager);
        if (earlier) {
          const ids = (earlier as { simulations: Array<{ id: number }> }).simulations;
          return { simulations: ids.map(({ id }) => ({ simulationId: id })), replayed: true };
        }
      }
      const missing = await this.machinesMissing(planned, manager);
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
        planned.map(newSimulationOf),
        manager,
      );
      if (idempotencyKey) {
        await this.idempotencyKeys.recordResponse(
          creator,
          idempotencyKey,
          201,
          {
            simulations: simulations.map(({ simulationId }) => ({
              id: simulationId,
              status: 'pending',
            })),
          },
          manager,
        );
      }
      await this.holdPendingCap(creator, simulations.length, manager);
      return { simulations, replayed: false };
    });

    if (!outcome.replayed) {
      await this.queue.queueAttempts(outcome.simulations as Simulation[], { requestId });
    }
    return outcome;
  }

  /**
   * Takes the Idempotency-Key for this request, or answers what the request
   * that took it first was answered (a 422 if that one had another body).
   */
  private async earlierAnswer(
    creator: string,
    idempotencyKey: string,
    requestHash: string,
    manager: EntityManager,
  ): Promise<unknown> {
    const claim = await this.idempotencyKeys.claim(creator, idempotencyKey, requestHash, manager);
    if (claim.owned) return undefined;
    if (claim.requestHash !== requestHash) {
      throw DomainError.unprocessable(
        `Idempotency-Key "${idempotencyKey}" was already used with a different request body`,
      );
    }
    return claim.responseBody;
  }

  /**
   * Registers the named machines that are new, each once; answers the
   * machines neither known nor named, each with the indices that asked for it.
   */
  private async machinesMissing(
    planned: PlannedCreation[],
    manager: EntityManager,
  ): Promise<Map<number, number[]>> {
    const machines = new Map<number, { name?: string; indices: number[] }>();
    planned.forEach(({ machineId, machineName }, index) => {
      const machine = machines.get(machineId) ?? { indices: [] };
      machine.name ??= machineName;
      machine.indices.push(index);
      machines.set(machineId, machine);
    });
    const missing = new Map<number, number[]>();
    for (const [machineId, { name, indices }] of machines) {
      const machine = name
        ? await this.machines.registerIfAbsent(machineId, name, manager)
        : await this.machines.findById(machineId, manager);
      if (!machine) missing.set(machineId, indices);
    }
    return missing;
  }

  /**
   * The last step before COMMIT: `added` simulations were inserted by this
   * transaction; with them, the client may not pass its cap. Counted under
   * the client's lock, held from here to the commit only.
   */
  private async holdPendingCap(creator: string, added: number, manager: EntityManager) {
    const cap = this.config.maxPendingPerClient;
    // Counted no further than the answer needs: the cap plus what this transaction added.
    const pending = await this.simulations.countPendingByCreatorLocked(
      creator,
      cap + added,
      manager,
    );
    if (pending <= cap) return;
    const before = pending - added;
    throw DomainError.tooMany(
      added === 1
        ? `this client already has ${before} pending simulations, the most it may have; ` +
            'wait for some to start, or cancel some'
        : `this client has ${before} pending simulations; ${added} more would make ${pending}, ` +
            `over the most it may have (${cap}); wait for some to start, or cancel some, or send fewer`,
    );
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
    await this.queue.queueAttempt(simulation, { requestId });
    return simulation;
  }

  /**
   * Operators act on their own simulations only; admins on any. Who created a
   * simulation never changes, so checking first and acting next is safe.
   */
  private async assertMayChange(
    simulationId: number,
    user: AuthenticatedUser,
    verb: 'cancel' | 'retry',
  ): Promise<void> {
    if (roleSatisfies(user.role, Role.Admin)) return;
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation) throw DomainError.notFound(`simulation ${simulationId} not found`);
    if (simulation.createdBy !== user.subject) {
      throw DomainError.forbidden(
        `operators may ${verb} only simulations they created; simulation ${simulationId} was created by someone else`,
      );
    }
  }

  private async insert(
    request: CreateSimulationDto,
    creator: string,
    manager: EntityManager,
  ): Promise<Simulation> {
    const planned = planCreation(request);
    const missing = await this.machinesMissing([planned], manager);
    if (missing.size) throw DomainError.notFound(machineNotFound(planned.machineId));
    return this.simulations.insert({ ...newSimulationOf(planned), createdBy: creator }, manager);
  }
}

function machineNotFound(machineId: number): string {
  return `machine ${machineId} not found; send machine.name to register it`;
}

/** What one request asks for, checked as far as it can be without the database. */
function planCreation(request: CreateSimulationDto): PlannedCreation {
  return { request, ...resolveMachine(request), attemptBudget: attemptBudgetOf(request) };
}

/** The row a planned creation becomes. */
function newSimulationOf({
  request,
  machineId,
  attemptBudget,
}: PlannedCreation): Omit<NewSimulation, 'createdBy'> {
  return {
    simulationId: request.simulation_id,
    name: request.name,
    machineId,
    attemptBudget,
    emulation: resolveEmulation(fromEmulationSettings(request.emulation ?? {})),
  };
}

/** attempt_budget, or its deprecated name max_attempts; both given, they must agree. */
function attemptBudgetOf(request: CreateSimulationDto): number | undefined {
  const { attempt_budget: budget, max_attempts: deprecated } = request;
  if (budget !== undefined && deprecated !== undefined && budget !== deprecated) {
    throw DomainError.invalid(
      `attempt_budget (${budget}) and max_attempts (${deprecated}, its deprecated name) disagree`,
    );
  }
  return budget ?? deprecated;
}

function resolveMachine(request: CreateSimulationDto): { machineId: number; machineName?: string } {
  const direct = request.machine_id;
  const nested = request.machine?.machine_id;
  if (direct !== undefined && nested !== undefined && direct !== nested) {
    throw DomainError.invalid(`machine_id (${direct}) and machine.machine_id (${nested}) disagree`);
  }
  const machineId = direct ?? nested;
  if (machineId === undefined)
    throw DomainError.invalid('machine_id or machine.machine_id is required');
  return { machineId, machineName: request.machine?.name };
}

/**
 * What each simulation of a batch asks for, checked as POST /simulation
 * checks one; every problem is named by index, and ids chosen twice are refused.
 */
function planBatch(requests: CreateSimulationDto[]): PlannedCreation[] {
  const problems: string[] = [];
  const chosenAt = new Map<number, number>();
  const planned = requests.map((request, index) => {
    try {
      const chosen = request.simulation_id;
      if (chosen !== undefined) {
        const first = chosenAt.get(chosen);
        if (first !== undefined)
          throw DomainError.invalid(`simulation_id ${chosen} is also simulations[${first}]'s`);
        chosenAt.set(chosen, index);
      }
      return planCreation(request);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(`simulations[${index}]: ${error.message}`);
      return undefined;
    }
  });
  if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
  return planned as PlannedCreation[];
}

/** The same body, whatever its key order or whitespace, hashes the same. */
function hashRequest(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
