import { Type } from 'class-transformer';
import {
  ConnectionEnvironment,
  NodeEnvironment,
  validateEnvironment,
  withLocalDefaults,
} from '@app/config';
import { IsInt, Max, Min } from 'class-validator';

class WorkerEnvironment extends ConnectionEnvironment {
  @IsInt({ message: 'SIMULATION_TICK_MS must be an integer' })
  @Min(0, { message: 'SIMULATION_TICK_MS must be between 0 and 600000' })
  @Max(600_000, { message: 'SIMULATION_TICK_MS must be between 0 and 600000' })
  @Type(() => Number)
  SIMULATION_TICK_MS: number = 1_000;

  @IsInt({ message: 'WORKER_CONCURRENCY must be an integer' })
  @Min(1, { message: 'WORKER_CONCURRENCY must be between 1 and 10000' })
  @Max(10_000, { message: 'WORKER_CONCURRENCY must be between 1 and 10000' })
  @Type(() => Number)
  WORKER_CONCURRENCY: number = 100;

  @IsInt({ message: 'RECONCILE_INTERVAL_MS must be an integer' })
  @Min(100, { message: 'RECONCILE_INTERVAL_MS must be at least 100' })
  @Type(() => Number)
  RECONCILE_INTERVAL_MS: number = 10_000;
}

/** Everything the worker reads from its environment, validated once at boot. */
export class WorkerConfig {
  readonly nodeEnv: NodeEnvironment;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  readonly logLevel: ConnectionEnvironment['LOG_LEVEL'];
  /** Real time between two points of a curve. */
  readonly tickMs: number;
  /** Simulations one process runs at once; they mostly wait between ticks. */
  readonly concurrency: number;
  /** How often pending simulations are checked for a missing queue job. */
  readonly reconcileIntervalMs: number;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = validateEnvironment(WorkerEnvironment, withLocalDefaults(env));
  return Object.assign(new WorkerConfig(), {
    nodeEnv: parsed.NODE_ENV,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    redisUrl: parsed.REDIS_URL,
    logLevel: parsed.LOG_LEVEL,
    tickMs: parsed.SIMULATION_TICK_MS,
    concurrency: parsed.WORKER_CONCURRENCY,
    reconcileIntervalMs: parsed.RECONCILE_INTERVAL_MS,
  });
}
