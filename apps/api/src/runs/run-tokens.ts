import { Program, type Simulation, SimulationStatus } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { signRunToken } from '@app/auth';
import { ApiConfig } from '../config/api-config';

/**
 * Signs an external run's run-scoped token: for the attempt its client is to
 * start (a pending run's next), or the one it runs. Tokens are not stored:
 * an answer replayed for an idempotency key signs a fresh one, as good as
 * the first and for the same attempt.
 */
@Injectable()
export class RunTokens {
  constructor(private readonly config: ApiConfig) {}

  /** The token of `simulation`'s attempt, or undefined when it is not an external run. */
  tokenFor(simulation: Simulation, createdBy: string): string | undefined {
    if (simulation.program !== Program.External) return undefined;
    const attempt =
      simulation.status === SimulationStatus.Pending ? simulation.attempt + 1 : simulation.attempt;
    return signRunToken(this.config.jwt, {
      simulationId: simulation.simulationId,
      attempt,
      createdBy,
    });
  }
}
