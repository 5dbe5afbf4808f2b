import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { LostRunSweeper } from './lost-run-sweeper';
import { PendingReconciler } from './pending-reconciler';
import { WorkerRecordsExpiry } from './worker-records-expiry';

/**
 * Brings work back that the normal path lost: runs whose worker went silent,
 * pending simulations without a job, and the records of workers long gone.
 */
@Module({
  imports: [DomainModule, QueueModule],
  providers: [LostRunSweeper, PendingReconciler, WorkerRecordsExpiry],
})
export class RecoveryModule {}
