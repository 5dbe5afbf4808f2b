import { DomainError, SimulationRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApiConfig } from '../config/api-config';

/** The most pending simulations one client may have (MAX_PENDING_PER_CLIENT). */
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
}
