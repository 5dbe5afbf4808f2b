import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { HistoryMaintenance } from './history-maintenance';
import { LostRunSweeper } from './lost-run-sweeper';
import { PendingReconciler } from './pending-reconciler';
import { WorkerRecordsExpiry } from './worker-records-expiry';

/**
 * Brings work back that the normal path lost: runs whose worker went silent,
 * pending simulations without a job, and the records of workers long gone;
 * and keeps history within its retention.
 */
@Module({
  imports: [DomainModule, QueueModule],
  providers: [LostRunSweeper, PendingReconciler, WorkerRecordsExpiry, HistoryMaintenance],
})
export class RecoveryModule {}
