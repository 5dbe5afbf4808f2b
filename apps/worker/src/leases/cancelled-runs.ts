import { RunStopsSubscriber } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HeldRuns } from './held-runs';

/**
 * Stops a held run the moment its cancellation is announced, rather than at
 * the next heartbeat (which still stops any announcement missed): a
 * program's process group gets its SIGTERM within milliseconds of the cancel.
 */
@Injectable()
export class CancelledRuns implements OnApplicationBootstrap {
  private readonly logger = new Logger(CancelledRuns.name);

  constructor(
    private readonly stops: RunStopsSubscriber,
    private readonly runs: HeldRuns,
  ) {}

  onApplicationBootstrap(): void {
    this.stops.listen((ref) => {
      if (!this.runs.holds(ref)) return;
      this.logger.log(
        `simulation ${ref.simulationId} attempt ${ref.attempt} was cancelled; stopping it`,
      );
      // As when the heartbeat finds the run gone: the run explains itself as cancelled.
      this.runs.stop(ref.simulationId, 'lease-lost');
    });
  }
}
