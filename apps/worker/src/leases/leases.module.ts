import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { Heartbeat } from './heartbeat';
import { heartbeatStatementsProvider } from './heartbeat-connection';
import { HeldRuns } from './held-runs';

/** The runs this worker holds, and the heartbeat that keeps their leases (and the worker) alive. */
@Module({
  imports: [DomainModule],
  providers: [HeldRuns, Heartbeat, heartbeatStatementsProvider],
  exports: [HeldRuns],
})
export class LeasesModule {}
