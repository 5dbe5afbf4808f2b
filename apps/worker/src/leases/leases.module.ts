import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { CancelledRuns } from './cancelled-runs';
import { Module } from '@nestjs/common';
import { Heartbeat } from './heartbeat';
import { heartbeatStatementsProvider } from './heartbeat-connection';
import { HeldRuns } from './held-runs';

/** The runs this worker holds, the heartbeat that keeps their leases (and the worker) alive, and their cancellations. */
@Module({
  imports: [DomainModule, QueueModule],
  providers: [HeldRuns, Heartbeat, heartbeatStatementsProvider, CancelledRuns],
  exports: [HeldRuns],
})
export class LeasesModule {}
