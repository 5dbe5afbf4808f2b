import { ConvergencePointRepository, SimulationRepository } from '@app/domain';
import { RunSimulationPayload } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkerConfig } from '../config/worker-config';
import { emulateCurve } from './convergence-emulator';
import { failureReasonFor } from './failure-reason';

export type RunOutcome = 'finished' | 'failed' | 'not-claimed';

@Injectable()
export class SimulationRunService {
  private readonly logger = new Logger(SimulationRunService.name);

  constructor(
    private readonly config: WorkerConfig,
    private readonly simulations: SimulationRepository,
    private readonly points: ConvergencePointRepository,
  ) {}

  /**
   * Runs one simulation: claims it (only one worker can), writes its curve a
   * point per tick as it is produced, and records how it ended.
   */
  async run({ simulationId }: RunSimulationPayload): Promise<RunOutcome> {
    const claimed = await this.simulations.claim(simulationId);
    if (!claimed) {
      this.logger.log(
        `simulation ${simulationId} is not pending (already taken or gone); nothing to do`,
      );
      return 'not-claimed';
    }

    try {
      for (const point of emulateCurve()) {
        await sleep(this.config.tickMs);
        await this.points.appendPoints(simulationId, [point]);
      }
    } catch (error) {
      this.logger.error(`simulation ${simulationId} failed: ${(error as Error).message}`);
      await this.simulations.markFailed(simulationId, failureReasonFor(error));
      return 'failed';
    }

    await this.simulations.markFinished(simulationId);
    return 'finished';
  }
}
