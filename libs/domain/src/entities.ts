import { ApiClient } from './api-client/api-client.entity';
import { ConvergencePoint } from './convergence-point/convergence-point.entity';
import { ConvergenceSummary } from './convergence-point/convergence-summary.entity';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { Machine } from './machine/machine.entity';
import { Worker } from './machine/worker.entity';
import { SimulationAttempt } from './simulation/simulation-attempt.entity';
import { Simulation } from './simulation/simulation.entity';

/** Listed by hand: webpack bundles the apps, so glob-loading entities would find nothing. */
export const ENTITIES = [
  ApiClient,
  Machine,
  Simulation,
  SimulationAttempt,
  ConvergencePoint,
  ConvergenceSummary,
  IdempotencyKey,
  Worker,
];
