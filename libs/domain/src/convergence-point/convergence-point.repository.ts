import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { AttemptRef } from '../simulation/simulation.repository';

export interface CurvePoint {
  seconds: number;
  loss: number;
}

export interface AppendResult {
  /** False when the attempt no longer holds the simulation: nothing was written. */
  held: boolean;
  written: number;
}

@Injectable()
export class ConvergencePointRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Appends points to an attempt's curve, fenced: they are written only while
   * that attempt is the simulation's current one and still running. The row
   * lock (FOR SHARE) holds off a concurrent status change until the insert
   * commits, so once an attempt has lost the simulation (cancelled, timed
   * out, recovered by another worker) not one more of its points lands.
   * `unnest` over two arrays keeps the SQL text the same whatever the batch
   * size, so Postgres reuses the plan. A second for which the attempt already
   * has a point is skipped, never duplicated.
   */
  async appendPoints(ref: AttemptRef, points: readonly CurvePoint[]): Promise<AppendResult> {
    const rows = await queryRows<{ held: number; written: number }>(
      this.manager,
      `WITH lease AS (
         SELECT 1 FROM simulations
         WHERE simulation_id = $1 AND attempt = $2 AND status = 'running'
         FOR SHARE
       ), written AS (
         INSERT INTO convergence_points (simulation_id, attempt, seconds, loss)
         SELECT $1, $2, p.s, p.l FROM unnest($3::double precision[], $4::double precision[]) AS p(s, l)
         WHERE EXISTS (SELECT 1 FROM lease)
         ON CONFLICT (simulation_id, attempt, seconds) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM lease)::int AS held, (SELECT count(*) FROM written)::int AS written`,
      [ref.simulationId, ref.attempt, points.map((p) => p.seconds), points.map((p) => p.loss)],
    );
    return { held: rows[0].held > 0, written: rows[0].written };
  }

  /** The current attempt's curve in time order. */
  async listCurve(simulationId: number): Promise<CurvePoint[]> {
    return queryRows<CurvePoint>(
      this.manager,
      `SELECT p.seconds, p.loss FROM convergence_points p
       JOIN simulations s ON s.simulation_id = p.simulation_id AND s.attempt = p.attempt
       WHERE p.simulation_id = $1
       ORDER BY p.seconds`,
      [simulationId],
    );
  }
}
