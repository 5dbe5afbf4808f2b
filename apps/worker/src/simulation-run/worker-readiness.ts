import { SimulationQueueProducer } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SimulationRunConsumer } from './simulation-run.consumer';

const CHECK_TIMEOUT_MS = 1_000;

/** Each check: "up", or what is wrong. */
export interface Readiness {
  ready: boolean;
  checks: { postgres: string; redis: string; consuming: string };
}

/**
 * What an orchestrator asks before counting this worker in: Postgres and
 * Redis answer, and it is taking runs (not shutting down, not draining).
 */
@Injectable()
export class WorkerReadiness {
  constructor(
    private readonly consumer: SimulationRunConsumer,
    @InjectDataSource() private readonly database: DataSource,
    private readonly queue: SimulationQueueProducer,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, redis] = await Promise.all([
      outcome(() => this.database.query('SELECT 1'), 'Postgres did not answer'),
      outcome(() => this.queue.ping(CHECK_TIMEOUT_MS), 'Redis did not answer PING'),
    ]);
    const notConsuming = this.consumer.notConsuming();
    const checks = { postgres, redis, consuming: notConsuming ?? 'up' };
    return { ready: Object.values(checks).every((check) => check === 'up'), checks };
  }
}

async function outcome(check: () => Promise<unknown>, failure: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'up';
  } catch {
    return failure;
  } finally {
    clearTimeout(timer);
  }
}
