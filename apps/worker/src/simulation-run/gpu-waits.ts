import { MachineQueues } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { GpusBusyError } from './run-errors';

/**
 * Runs waiting in their machine's queue for GPUs (their jobs back off after
 * each GpusBusyError) are tried again the moment a run gives GPUs back,
 * rather than at their next backoff, which grows to many seconds.
 */
@Injectable()
export class GpuWaits {
  private readonly logger = new Logger(GpuWaits.name);

  constructor(private readonly queues: MachineQueues) {}

  /** Moves `machineId`'s jobs that wait for GPUs to the front of its queue. */
  async wake(machineId: number): Promise<void> {
    try {
      const delayed = await this.queues.forMachine(machineId).getDelayed();
      const waiting = delayed.filter((job) => GpusBusyError.explains(job.failedReason));
      // One may already have been promoted or taken by another worker: that is fine.
      await Promise.all(waiting.map((job) => job.promote().catch(() => undefined)));
    } catch (error) {
      // Their backoff still brings them back.
      this.logger.warn(`could not wake the runs waiting for GPUs: ${(error as Error).message}`);
    }
  }
}
