import {
  activeSimulations,
  machineHeartbeatAge,
  machineLiveWorkers,
  machineOldestPendingAge,
  machinePending,
  queueJobs,
} from '@app/runtime';
import { MachineRepository, SimulationRepository, WorkerRepository } from '@app/domain';
import { MachineQueues } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const REDIS_TIMEOUT_MS = 1_000;

/**
 * Sets the gauges of the service's state just before a scrape. Every query
 * reads rows in flight (pending or running simulations, live workers,
 * machines) or Redis counters, never the history, so a scrape costs the same
 * after a million finished runs as after ten. A store that does not answer
 * leaves its gauges out of that scrape rather than failing it.
 */
@Injectable()
export class ServiceStateMetrics {
  private readonly logger = new Logger(ServiceStateMetrics.name);

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly machines: MachineRepository,
    private readonly workers: WorkerRepository,
    private readonly queues: MachineQueues,
  ) {}

  async refresh(): Promise<void> {
    const machines = await this.machines.listAll().catch((error: Error) => {
      this.logger.warn(`metrics: machines not read: ${error.message}`);
      return null;
    });
    await Promise.all([
      this.refreshDatabaseGauges(machines ?? []),
      machines ? this.refreshQueueGauges(machines.map((m) => m.machineId)) : undefined,
    ]);
  }

  private async refreshDatabaseGauges(
    machines: Array<{ machineId: number; draining: boolean }>,
  ): Promise<void> {
    try {
      const [active, pending, live, heartbeats] = await Promise.all([
        this.simulations.countActiveByStatus(),
        this.simulations.pendingByMachine(),
        this.workers.liveByMachine(),
        this.workers.heartbeatAges(),
      ]);
      activeSimulations.set({ status: 'pending' }, active.pending);
      activeSimulations.set({ status: 'running' }, active.running);

      for (const gauge of [
        machinePending,
        machineOldestPendingAge,
        machineLiveWorkers,
        machineHeartbeatAge,
      ]) {
        gauge.reset();
      }
      const pool = live.get(null) ?? 0;
      for (const machine of machines) {
        const label = { machine_id: String(machine.machineId) };
        const waiting = pending.find((row) => row.machineId === machine.machineId);
        machinePending.set(label, waiting?.pending ?? 0);
        machineOldestPendingAge.set(label, waiting?.oldestAgeSeconds ?? 0);
        machineLiveWorkers.set(
          label,
          (live.get(machine.machineId) ?? 0) + (machine.draining ? 0 : pool),
        );
      }
      for (const { machineId, ageSeconds } of heartbeats) {
        machineHeartbeatAge.set(
          { machine_id: machineId === null ? 'pool' : String(machineId) },
          ageSeconds,
        );
      }
    } catch (error) {
      this.logger.warn(`metrics: database gauges not read: ${(error as Error).message}`);
    }
  }

  private async refreshQueueGauges(machineIds: number[]): Promise<void> {
    try {
      const counts = await Promise.all(
        machineIds.map((machineId) =>
          withTimeout(this.queues.forMachine(machineId).getJobCounts(), REDIS_TIMEOUT_MS),
        ),
      );
      queueJobs.reset();
      machineIds.forEach((machineId, index) => {
        for (const state of QUEUE_STATES) {
          queueJobs.set({ machine_id: String(machineId), state }, counts[index][state] ?? 0);
        }
      });
    } catch (error) {
      this.logger.warn(`metrics: queue gauges not read: ${(error as Error).message}`);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
