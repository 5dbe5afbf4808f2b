import { WorkerRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/**
 * Whether any worker is consuming. Redis up with nobody taking jobs is the
 * classic silent failure of a Bull deployment: the API accepts work that
 * never runs. It is reported, not failed on: the API itself is ready, and
 * work waits safely for a worker.
 */
@Injectable()
export class WorkersHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly workers: WorkerRepository,
  ) {}

  async consumers(key: 'workers'): Promise<HealthIndicatorResult<'workers'>> {
    const indicator = this.indicators.check(key);
    try {
      const { live, pool } = await this.workers.countLive();
      return indicator.up({ consuming: live > 0, live_workers: live, pool_workers: pool });
    } catch {
      return indicator.down({ message: 'cannot count workers: Postgres did not answer' });
    }
  }
}
