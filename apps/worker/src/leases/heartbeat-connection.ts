import type { ConnectionSettings } from '@app/config';
import {
  ConvergencePointRepository,
  postgresOptions,
  SimulationLifecycle,
  WorkerRepository,
} from '@app/domain';
import { Provider } from '@nestjs/common';
import { getEntityManagerToken, TypeOrmModule } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export const HEARTBEAT_CONNECTION = 'heartbeat';

/**
 * The heartbeat's own Postgres connection. On the shared pool a beat would
 * queue behind whatever the runs are doing (a burst of claims at ramp-up
 * made it late in the benchmark), and a late beat is how a live worker
 * comes to look dead.
 */
export function heartbeatConnection(
  config: Pick<ConnectionSettings, 'databaseUrl' | 'databasePreparedStatements'>,
) {
  return TypeOrmModule.forRootAsync({
    name: HEARTBEAT_CONNECTION,
    useFactory: () => ({
      ...postgresOptions({
        url: config.databaseUrl,
        poolSize: 1,
        preparedStatements: config.databasePreparedStatements,
        applicationName: 'aisimulation-worker-heartbeat',
      }),
      name: HEARTBEAT_CONNECTION,
      retryAttempts: 10,
      retryDelay: 1_000,
    }),
  });
}

/** The statements a heartbeat runs, bound to the heartbeat's connection. */
export class HeartbeatStatements {
  constructor(
    readonly lifecycle: SimulationLifecycle,
    readonly workers: WorkerRepository,
  ) {}
}

export const heartbeatStatementsProvider: Provider = {
  provide: HeartbeatStatements,
  inject: [getEntityManagerToken(HEARTBEAT_CONNECTION)],
  useFactory: (manager: EntityManager) =>
    new HeartbeatStatements(
      new SimulationLifecycle(manager, new ConvergencePointRepository(manager)),
      new WorkerRepository(manager),
    ),
};
