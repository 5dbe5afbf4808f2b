import {
  DomainError,
  MachineRepository,
  Simulation,
  SimulationListQuery,
  SimulationRepository,
} from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { CreateSimulationDto } from './dto/create-simulation.dto';

@Injectable()
export class SimulationsService {
  private readonly logger = new Logger(SimulationsService.name);

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly simulations: SimulationRepository,
    private readonly machines: MachineRepository,
    private readonly queue: SimulationQueueProducer,
  ) {}

  list(query: SimulationListQuery): Promise<{ items: Simulation[]; total: number }> {
    return this.simulations.list(query);
  }

  async get(simulationId: number): Promise<Simulation> {
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation) throw DomainError.notFound(`simulation ${simulationId} not found`);
    return simulation;
  }

  /**
   * Records the simulation as pending and hands it to the queue. The row is
   * the source of truth: if Redis does not take the job now, the worker's
   * reconciler enqueues it later, so the client's 201 is never a lie.
   */
  async create(request: CreateSimulationDto): Promise<Simulation> {
    const { machineId, machineName } = resolveMachine(request);
    const simulation = await this.manager.transaction(async (manager) => {
      const machine = machineName
        ? await this.machines.registerIfAbsent(machineId, machineName, manager)
        : await this.machines.findById(machineId, manager);
      if (!machine) {
        throw DomainError.notFound(
          `machine ${machineId} not found; send machine.name to register it`,
        );
      }
      return this.simulations.insert(
        { simulationId: request.simulation_id, name: request.name, machineId: machine.machineId },
        manager,
      );
    });

    try {
      await this.queue.enqueueRun({
        simulationId: simulation.simulationId,
        machineId: simulation.machineId,
      });
    } catch (error) {
      this.logger.warn(
        `simulation ${simulation.simulationId} saved but not enqueued (${(error as Error).message}); the reconciler will enqueue it`,
      );
    }
    return simulation;
  }
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
