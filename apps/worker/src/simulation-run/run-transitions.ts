import {
  ANY_WORKER_PROGRAM,
  AttemptRef,
  ClaimedPrograms,
  Program,
  Simulation,
  SimulationLifecycle,
  GroupCommit,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';

/**
 * Claims and finishes of every run in this process, by group commit: a
 * thousand runs start and end about a hundred a second, often in bursts
 * (a group of curve writes answered at once ends its runs together). One
 * statement each left hundreds of requests queued for the pool; grouped, a
 * burst is one or two round trips. Each caller still gets its own answer.
 */
@Injectable()
export class RunTransitions {
  private readonly claims: GroupCommit<number, Simulation | null>;
  private readonly finishes: GroupCommit<AttemptRef, Simulation | null>;

  constructor(lifecycle: SimulationLifecycle, config: WorkerConfig) {
    const shared = { maxWeight: 500, gatherMs: 5, maxInFlight: 2 };
    this.claims = new GroupCommit({
      ...shared,
      run: async (ids) => {
        const claimed = await lifecycle.claimMany(ids, config.workerId, claimedPrograms(config));
        return ids.map((id) => claimed.get(id) ?? null);
      },
      keyOf: (id) => String(id),
    });
    this.finishes = new GroupCommit({
      ...shared,
      run: (refs) => lifecycle.finishMany(refs),
      keyOf: (ref) => String(ref.simulationId),
    });
  }

  /** pending → running as this worker's new attempt; null when it is not pending (or its machine drains). */
  claim(simulationId: number): Promise<Simulation | null> {
    return this.claims.submit(simulationId);
  }

  /** running → finished, if `ref` still holds it. */
  finish(ref: AttemptRef): Promise<Simulation | null> {
    return this.finishes.submit(ref);
  }
}

/**
 * What this worker claims: a worker serving its own machine takes every run
 * there a worker may run (one of a program it does not declare fails, with
 * the reason); a pool worker emulates only, and leaves other programs' runs
 * in the queue for their machine's own worker.
 */
export function claimedPrograms(config: WorkerConfig): ClaimedPrograms {
  return config.machineId === undefined ? [Program.Emulate] : ANY_WORKER_PROGRAM;
}
