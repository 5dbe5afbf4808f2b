import { MachineRepository } from '@app/domain';
import {
  checkJobHandlers,
  JobHandlers,
  MachineQueues,
  machineQueueName,
  SimulationJobName,
} from '@app/queue';
import { PeriodicTask } from '@app/runtime';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkerConfig } from '../config/worker-config';
import { HeldRuns } from '../leases/held-runs';
import { PostgresGate } from './postgres-gate';
import { RunJobs } from './run-jobs';

/**
 * Takes run jobs off the queues of the machines this worker serves: its own
 * machine's (MACHINE_ID), or, for a pool worker, every registered machine's,
 * including machines registered while it runs. It registers its machine,
 * follows drains, stops taking jobs while Postgres does not answer, and
 * shuts down; each job is RunJobs'.
 */
@Injectable()
export class SimulationRunConsumer
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(SimulationRunConsumer.name);
  private readonly consumed = new Set<number>();
  private readonly paused = new Set<number>();
  private shuttingDown = false;
  private readonly discovery: PeriodicTask;
  private readonly gate: PostgresGate;
  /** Every job name this worker takes, with what it does; checked at boot. */
  private readonly handlers: JobHandlers = {
    [SimulationJobName.Run]: (job) => this.jobs.handle(job, (why) => this.gate.close(why)),
  };

  constructor(
    private readonly config: WorkerConfig,
    private readonly queues: MachineQueues,
    private readonly machines: MachineRepository,
    private readonly jobs: RunJobs,
    private readonly held: HeldRuns,
    @InjectDataSource() database: DataSource,
  ) {
    this.gate = new PostgresGate(
      () => database.query('SELECT 1'),
      () => this.forEachTaking((queue) => queue.pause(true, true)),
      () => this.forEachTaking((queue) => queue.resume(true)),
    );
    this.discovery = new PeriodicTask(
      'machine refresh',
      config.machineRefreshMs,
      () => this.refreshMachines(),
      this.logger,
    );
  }

  /**
   * Registers this worker's machine before any part of the app starts
   * (every onModuleInit ends before the first onApplicationBootstrap): the
   * heartbeat's first report names the machine, and must find it.
   */
  async onModuleInit(): Promise<void> {
    const { machineId, machineName, workerId, concurrency, programs, gpus } = this.config;
    if (machineId !== undefined) {
      const machine = await this.machines.registerForWorker(machineId, machineName, {
        programs,
        gpus: gpus.length,
      });
      const offered = ['emulate', ...programs.map((program) => program.name)].join(', ');
      this.logger.log(
        `worker ${workerId} serves machine ${machineId} ("${machine.name}"), concurrency ${concurrency}, ` +
          `programs: ${offered}; GPUs: ${gpus.length ? gpus.join(',') : 'none'}`,
      );
    } else {
      this.logger.log(
        `worker ${workerId} is a pool worker serving every machine, concurrency ${concurrency}`,
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    checkJobHandlers(this.handlers);
    await this.refreshMachines();
    this.discovery.start();
  }

  /**
   * Graceful shutdown: take no new jobs, give held runs SHUTDOWN_GRACE_MS to
   * finish, then hand the rest back (pending again, queued for another
   * worker, attempt not counted). The queues close after this.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    this.gate.stop();
    await this.discovery.stop();
    await Promise.all(
      this.queues
        .all()
        .map(({ queue }) =>
          queue
            .pause(true, true)
            .catch((error: Error) => this.logger.warn(`pause failed: ${error.message}`)),
        ),
    );
    if (this.held.size === 0) return;
    this.logger.log(
      `shutting down: waiting up to ${this.config.shutdownGraceMs} ms for ${this.held.size} run(s)`,
    );
    if (await this.held.whenEmpty(this.config.shutdownGraceMs)) return;
    this.logger.log(`handing back ${this.held.size} run(s)`);
    this.held.stopAll('shutdown');
    await this.held.whenEmpty(this.config.leaseMs);
  }

  /**
   * Whether this worker takes new runs: not once it shuts down, nor while
   * every machine it serves drains. A pool worker with no machine yet waits
   * for one, ready. Null when it takes runs; otherwise why not.
   */
  notConsuming(): string | null {
    if (this.shuttingDown) return 'shutting down';
    if (this.gate.closed) return 'Postgres did not answer a claim; waiting for it';
    if (this.consumed.size > 0 && this.paused.size === this.consumed.size) {
      return `draining: ${[...this.paused].map((id) => `machine ${id}`).join(', ')}`;
    }
    return null;
  }

  /**
   * Starts consuming machines this worker serves but does not consume yet (a
   * pool worker picks up machines registered while it runs), and pauses or
   * resumes each one's queue as admins drain and undrain it.
   */
  private async refreshMachines(): Promise<void> {
    const served = (await this.machines.listAll()).filter(
      (machine) =>
        this.config.machineId === undefined || machine.machineId === this.config.machineId,
    );
    for (const machine of served) {
      if (!this.consumed.has(machine.machineId)) this.consume(machine.machineId);
      const queue = this.queues.forMachine(machine.machineId);
      if (machine.draining && !this.paused.has(machine.machineId)) {
        this.paused.add(machine.machineId);
        // Not awaited: a local pause resolves only once the machine's running
        // jobs are done, and those are meant to finish. A job fetched in the
        // meantime finds its claim refused and is retried by Bull later.
        queue
          .pause(true)
          .catch((error: Error) => this.logger.warn(`pause failed: ${error.message}`));
        this.logger.log(`machine ${machine.machineId} is draining: taking no new runs from it`);
      } else if (!machine.draining && this.paused.has(machine.machineId)) {
        this.paused.delete(machine.machineId);
        await queue.resume(true);
        this.logger.log(`machine ${machine.machineId} no longer draining: taking runs again`);
      }
    }
  }

  /** `action` on the queue of every machine this worker consumes and no admin drains. */
  private async forEachTaking(
    action: (queue: ReturnType<MachineQueues['forMachine']>) => Promise<void>,
  ) {
    await Promise.all(
      [...this.consumed]
        .filter((machineId) => !this.paused.has(machineId))
        .map((machineId) => action(this.queues.forMachine(machineId))),
    );
  }

  private consume(machineId: number): void {
    this.consumed.add(machineId);
    const queue = this.queues.forMachine(machineId);
    for (const [name, handler] of Object.entries(this.handlers)) {
      queue
        .process(name, this.config.concurrency, handler)
        .catch((error: Error) =>
          this.logger.error(`consuming ${machineQueueName(machineId)} stopped: ${error.message}`),
        );
    }
    this.logger.log(`consuming ${machineQueueName(machineId)}`);
  }
}
