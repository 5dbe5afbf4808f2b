import {
  fromEmulationSettings,
  resolveEmulation,
  DomainError,
  IdempotencyKeyRepository,
  MachineStatus,
  MachineRepository,
  Simulation,
  SimulationAttempt,
  SimulationLifecycle,
  SimulationListQuery,
  SimulationTotal,
  SimulationRepository,
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
        const claim = await this.idempotencyKeys.claim(
          creator,
          idempotencyKey,
          requestHash,
          manager,
        );
        if (!claim.owned) {
          if (claim.requestHash !== requestHash) {
            throw DomainError.unprocessable(
              `Idempotency-Key "${idempotencyKey}" was already used with a different request body`,
            );
          }
          const body = claim.responseBody as { id: number };
          return { simulation: { simulationId: body.id }, replayed: true };
        }
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
   * The last step before COMMIT: `added` simulations were inserted by this
   * transaction; with them, the client may not pass its cap. Counted under
   * the client's lock, held from here to the commit only.
   */
  private async holdPendingCap(creator: string, added: number, manager: EntityManager) {
    const pending = await this.simulations.countPendingByCreatorLocked(creator, manager);
    const cap = this.config.maxPendingPerClient;
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
    const { machineId, machineName } = resolveMachine(request);
    const machine = machineName
      ? await this.machines.registerIfAbsent(machineId, machineName, manager)
      : await this.machines.findById(machineId, manager);
    if (!machine) {
      throw DomainError.notFound(
        `machine ${machineId} not found; send machine.name to register it`,
      );
    }
    return this.simulations.insert(
      {
        simulationId: request.simulation_id,
        name: request.name,
        machineId: machine.machineId,
        attemptBudget: attemptBudgetOf(request),
        createdBy: creator,
        emulation: resolveEmulation(fromEmulationSettings(request.emulation ?? {})),
      },
      manager,
    );
  }
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

/** The same body, whatever its key order or whitespace, hashes the same. */
function hashRequest(request: CreateSimulationDto): string {
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
