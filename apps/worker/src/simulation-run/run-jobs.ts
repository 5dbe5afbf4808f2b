import { attemptsEnded, runDuration } from '@app/runtime';
import {
  InvalidJobPayloadError,
  parseRunSimulationPayload,
  RunSimulationPayload,
} from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { PinoLogger } from 'nestjs-pino';
import { WorkerConfig } from '../config/worker-config';
import { Slots } from '../machinery/slots';
import {
  ClaimUnansweredError,
  GpusBusyError,
  MachineDrainingError,
  ProgramElsewhereError,
} from './run-errors';
import { withRunLogContext } from './run-log-context';
import { RunOutcome, SimulationRunService } from './simulation-run.service';

/**
 * One run job, from the queue to its outcome: its payload checked, a slot of
 * the worker's concurrency taken, the run, its metrics and log lines. What
 * Bull should do next is told by what it throws.
 */
@Injectable()
export class RunJobs {
  private readonly logger = new Logger(RunJobs.name);
  private readonly slots: Slots;

  constructor(
    config: WorkerConfig,
    private readonly runs: SimulationRunService,
    private readonly pino: PinoLogger,
  ) {
    this.slots = new Slots(config.concurrency);
  }

  /**
   * Runs the job's simulation; `onClaimUnanswered` hears when Postgres did not
   * answer its claim (the subscriptions then stop taking jobs until it does).
   */
  async handle(job: Job<unknown>, onClaimUnanswered: (why: string) => void): Promise<RunOutcome> {
    let payload: RunSimulationPayload;
    try {
      payload = parseRunSimulationPayload(job.data);
    } catch (error) {
      // Retrying cannot fix a malformed job.
      if (error instanceof InvalidJobPayloadError) await job.discard();
      throw error;
    }
    return withRunLogContext(
      this.pino,
      { simulation_id: payload.simulationId, request_id: payload.requestId },
      () => this.run(job, payload, onClaimUnanswered),
    );
  }

  private async run(
    job: Job<unknown>,
    payload: RunSimulationPayload,
    onClaimUnanswered: (why: string) => void,
  ): Promise<RunOutcome> {
    const release = await this.slots.acquire();
    const started = Date.now();
    this.logger.log(`simulation ${payload.simulationId}: job ${job.id} started`);
    try {
      const outcome = await this.runs.run(payload);
      if (outcome !== 'not_claimed') {
        attemptsEnded.inc({ outcome });
        runDuration.observe({ outcome }, (Date.now() - started) / 1000);
      }
      this.logger.log(
        `simulation ${payload.simulationId}: job ${job.id} ${outcome} in ${Date.now() - started} ms`,
      );
      return outcome;
    } catch (error) {
      // Rethrown so Bull tries the job again with backoff: the machine is draining, its
      // program runs on another worker, its GPUs are busy, or infrastructure failed
      // before the run could start.
      if (
        error instanceof MachineDrainingError ||
        error instanceof ProgramElsewhereError ||
        error instanceof GpusBusyError
      ) {
        this.logger.log(`simulation ${payload.simulationId}: ${error.message}`);
        throw error;
      }
      if (error instanceof ClaimUnansweredError) onClaimUnanswered(error.message);
      this.logger.error(
        `simulation ${payload.simulationId}: job ${job.id} errored: ${(error as Error).message}`,
      );
      throw error;
    } finally {
      release();
    }
  }
}
