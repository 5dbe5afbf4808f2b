/** Why a run stopped before its curve was complete, when nothing inside the run failed. */
export type StopReason = 'timeout' | 'lease-lost' | 'shutdown';

export class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`run stopped: ${reason}`);
    this.name = 'RunStopped';
  }
}
