import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

export interface CurvePoint {
  seconds: number;
  loss: number;
}

@Injectable()
export class ConvergencePointRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Appends points in one statement. `unnest` over two arrays keeps the SQL
   * text and its two parameters the same size whatever the batch, so Postgres
   * can reuse the plan. A point already stored for the same second is kept
   * as it was: writing a curve twice must not fail or duplicate it.
   */
  async appendPoints(simulationId: number, points: readonly CurvePoint[]): Promise<number> {
    if (points.length === 0) return 0;
    const rows = await queryRows<{ seconds: number }>(
      this.manager,
      `INSERT INTO convergence_points (simulation_id, seconds, loss)
       SELECT $1, s, l FROM unnest($2::double precision[], $3::double precision[]) AS p(s, l)
       ON CONFLICT (simulation_id, seconds) DO NOTHING
       RETURNING seconds`,
      [simulationId, points.map((p) => p.seconds), points.map((p) => p.loss)],
    );
    return rows.length;
  }

  /** The whole curve in time order. */
  async listCurve(simulationId: number): Promise<CurvePoint[]> {
    return queryRows<CurvePoint>(
      this.manager,
      `SELECT seconds, loss FROM convergence_points WHERE simulation_id = $1 ORDER BY seconds`,
      [simulationId],
    );
  }
}
