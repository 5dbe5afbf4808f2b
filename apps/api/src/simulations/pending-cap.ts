import { DomainError, type Project, SimulationRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApiConfig } from '../config/api-config';

/**
 * The most pending simulations one client may have (MAX_PENDING_PER_CLIENT),
 * and one project (its own max_pending, when it has one).
 */
@Injectable()
export class PendingCap {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly config: ApiConfig,
  ) {}

  /**
   * The last step before COMMIT: `added` simulations were inserted by this
   * transaction; with them, the client may not pass its cap. Counted under
   * the client's lock, held from here to the commit only.
   */
  async hold(creator: string, added: number, manager: EntityManager): Promise<void> {
    const cap = this.config.maxPendingPerClient;
    // Counted no further than the answer needs: the cap plus what this transaction added.
    const pending = await this.simulations.countPendingByCreatorLocked(
      creator,
      cap + added,
      manager,
    );
    if (pending <= cap) return;
    const before = pending - added;
    throw DomainError.tooMany(
      added === 1
        ? `this client already has ${before} pending simulations, the most it may have; ` +
            'wait for some to start, or cancel some'
        : `this client has ${before} pending simulations; ${added} more would make ${pending}, ` +
            `over the most it may have (${cap}); wait for some to start, or cancel some, or send fewer`,
    );
  }

  /**
   * The project's cap, as the client's: `added` runs of each project were
   * inserted by this transaction. Projects are locked in id order, as every
   * statement here that takes several locks takes them.
   */
  async holdProjects(added: ReadonlyMap<Project, number>, manager: EntityManager): Promise<void> {
    const capped = [...added].filter(([project]) => project.maxPending !== null);
    capped.sort(([a], [b]) => a.projectId - b.projectId);
    for (const [project, count] of capped) {
      const cap = project.maxPending!;
      const pending = await this.simulations.countPendingInProjectLocked(
        project.projectId,
        cap + count,
        manager,
      );
      if (pending <= cap) continue;
      throw DomainError.tooMany(
        `project "${project.name}" has ${pending - count} pending simulations; ${count} more would ` +
          `make ${pending}, over the most it may have (${cap}); wait for some to start, or cancel some`,
      );
    }
  }
}
