import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  InvalidJobPayloadError,
  parseRunSimulationPayload,
  RunSimulationPayload,
  SIMULATION_QUEUE,
  SimulationJobName,
} from '@app/queue';
import type { Job, Queue } from 'bull';
import { WorkerConfig } from '../config/worker-config';
import { RunOutcome, SimulationRunService } from './simulation-run.service';

/**
 * Takes run jobs off the queue. Registered by hand rather than with @Process
 * because the concurrency comes from validated config, which decorators
 * evaluated at import time cannot see.
 */
@Injectable()
export class SimulationRunConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(SimulationRunConsumer.name);

  constructor(
    @InjectQueue(SIMULATION_QUEUE) private readonly queue: Queue<RunSimulationPayload>,
    private readonly config: WorkerConfig,
    private readonly runs: SimulationRunService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .process(SimulationJobName.Run, this.config.concurrency, (job) => this.handle(job))
      .catch((error: Error) => this.logger.error(`queue processing stopped: ${error.message}`));
    this.logger.log(`consuming "${SIMULATION_QUEUE}" with concurrency ${this.config.concurrency}`);
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
    this.logger.log(
      `simulation ${payload.simulationId}: job ${job.id} started (attempt ${job.attemptsMade + 1})`,
    );
    try {
      const outcome = await this.runs.run(payload);
      this.logger.log(
        `simulation ${payload.simulationId}: ${outcome} in ${Date.now() - started} ms`,
      );
      return outcome;
    } catch (error) {
      // Infrastructure trouble (e.g. Postgres unreachable): rethrow so Bull retries with backoff.
      this.logger.error(
        `simulation ${payload.simulationId}: job ${job.id} errored: ${(error as Error).message}`,
      );
      throw error;
    }
  }
}
