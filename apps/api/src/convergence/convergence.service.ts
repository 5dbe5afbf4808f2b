import {
  ConvergencePointRepository,
  CurvePoint,
  DomainError,
  SimulationRepository,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

@Injectable()
export class ConvergenceService {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly points: ConvergencePointRepository,
  ) {}

  async curve(simulationId: number): Promise<CurvePoint[]> {
    if (!(await this.simulations.exists(simulationId))) {
      throw DomainError.notFound(`simulation ${simulationId} not found`);
    }
    return this.points.listCurve(simulationId);
  }
}
