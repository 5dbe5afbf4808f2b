import { SimulationQueueProducer } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queue: SimulationQueueProducer,
  ) {}

  async pingCheck(key: 'redis', timeoutMs = 1_000): Promise<HealthIndicatorResult<'redis'>> {
    const indicator = this.indicators.check(key);
    try {
      await this.queue.ping(timeoutMs);
      return indicator.up();
    } catch {
      return indicator.down({ message: 'Redis did not answer PING' });
    }
  }
}
