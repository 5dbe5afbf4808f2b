import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { AttemptRef } from '../simulation/simulation.repository';
import type { CurveBatch } from './curve-builder';

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
   * Appends a batch of an attempt's curve, fenced: it is written only while
   * that attempt is the simulation's current one and still running. The row
   * lock (FOR SHARE) holds off a concurrent status change until the insert
   * commits, so once an attempt has lost the simulation (cancelled, timed
   * out, recovered by another worker) not one more of its points lands.
   * Points and the summary cells they change go in one statement, so a reader
   * never sees one without the other. `unnest` over arrays keeps the SQL text
   * the same whatever the batch size (one plan, reused) and writes rows about
   * as fast as a multi-row VALUES, without its parameter limit. A second for
   * which the attempt already has a point is skipped, never duplicated.
   */
  async appendPoints(ref: AttemptRef, batch: CurveBatch): Promise<AppendResult> {
    const { points, cells } = batch;
    const rows = await queryRows<{ held: number; written: number }>(
      this.manager,
      `WITH lease AS (
         SELECT 1 FROM simulations
         WHERE simulation_id = $1::integer AND attempt = $2::integer AND status = 'running'
         FOR SHARE
       ), written AS (
         INSERT INTO convergence_points (simulation_id, attempt, seq, seconds, loss, cum_loss, cum_seconds)
         SELECT $1::integer, $2::integer, p.q, p.s, p.l, p.cl, p.cs
         FROM unnest($3::integer[], $4::double precision[], $5::double precision[],
                     $6::double precision[], $7::double precision[]) AS p(q, s, l, cl, cs)
         WHERE EXISTS (SELECT 1 FROM lease)
         ON CONFLICT (simulation_id, attempt, seconds) DO NOTHING
         RETURNING 1
       ), summarised AS (
         INSERT INTO convergence_summaries (simulation_id, attempt, level, block, min_loss, max_loss)
         SELECT $1::integer, $2::integer, c.lv, c.b, c.mn, c.mx
         FROM unnest($8::smallint[], $9::integer[], $10::double precision[], $11::double precision[])
              AS c(lv, b, mn, mx)
         WHERE EXISTS (SELECT 1 FROM lease)
         ON CONFLICT (simulation_id, attempt, level, block)
           DO UPDATE SET min_loss = EXCLUDED.min_loss, max_loss = EXCLUDED.max_loss
       )
       SELECT (SELECT count(*) FROM lease)::int AS held, (SELECT count(*) FROM written)::int AS written`,
      [
        ref.simulationId,
        ref.attempt,
        points.map((p) => p.seq),
        points.map((p) => p.seconds),
        points.map((p) => p.loss),
        points.map((p) => p.cumLoss),
        points.map((p) => p.cumSeconds),
        cells.map((c) => c.level),
        cells.map((c) => c.block),
        cells.map((c) => c.minLoss),
        cells.map((c) => c.maxLoss),
      ],
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
