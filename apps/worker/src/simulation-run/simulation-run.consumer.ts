import {
  InvalidJobPayloadError,
  parseRunSimulationPayload,
  RunSimulationPayload,
  SIMULATION_QUEUE,
  SimulationJobName,
} from '@app/queue';
import { InjectQueue } from '@nestjs/bull';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { WorkerConfig } from '../config/worker-config';
import { HeldRuns } from './held-runs';
import { RunOutcome, SimulationRunService } from './simulation-run.service';

/**
 * Takes run jobs off the queue. Registered by hand rather than with @Process
 * because the concurrency comes from validated config, which decorators
 * evaluated at import time cannot see.
 */
@Injectable()
export class SimulationRunConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SimulationRunConsumer.name);

  constructor(
    @InjectQueue(SIMULATION_QUEUE) private readonly queue: Queue<RunSimulationPayload>,
    private readonly config: WorkerConfig,
    private readonly runs: SimulationRunService,
    private readonly held: HeldRuns,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .process(SimulationJobName.Run, this.config.concurrency, (job) => this.handle(job))
      .catch((error: Error) => this.logger.error(`queue processing stopped: ${error.message}`));
    this.logger.log(
      `worker ${this.config.workerId} consuming "${SIMULATION_QUEUE}" with concurrency ${this.config.concurrency}`,
    );
  }

  /**
   * Graceful shutdown: take no new jobs, give held runs SHUTDOWN_GRACE_MS to
   * finish, then hand the rest back (pending again, queued for another
   * worker, attempt not counted). Bull closes the queue after this.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue
      .pause(true, true)
      .catch((error: Error) => this.logger.warn(`pause failed: ${error.message}`));
    if (this.held.size === 0) return;
    this.logger.log(
      `shutting down: waiting up to ${this.config.shutdownGraceMs} ms for ${this.held.size} run(s)`,
    );
    if (await this.held.whenEmpty(this.config.shutdownGraceMs)) return;
    this.logger.log(`handing back ${this.held.size} run(s)`);
    this.held.stopAll('shutdown');
    await this.held.whenEmpty(this.config.leaseMs);
  }

  async handle(job: Job<unknown>): Promise<RunOutcome> {
    let payload: RunSimulationPayload;
    try {
      payload = parseRunSimulationPayload(job.data);
    } catch (error) {
      // Retrying cannot fix a malformed job.
      if (error instanceof InvalidJobPayloadError) await job.discard();
      throw error;
    }
    const started = Date.now();
    this.logger.log(`simulation ${payload.simulationId}: job ${job.id} started`);
    try {
      const outcome = await this.runs.run(payload);
      this.logger.log(
        `simulation ${payload.simulationId}: job ${job.id} ${outcome} in ${Date.now() - started} ms`,
      );
      return outcome;
    } catch (error) {
      // Infrastructure trouble before the run could start (e.g. Postgres
      // unreachable at claim): rethrow so Bull retries with backoff.
      this.logger.error(
        `simulation ${payload.simulationId}: job ${job.id} errored: ${(error as Error).message}`,
      );
      throw error;
    }
  }
}
