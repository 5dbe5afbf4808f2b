import { staleWritesRejected } from '@app/config';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { preparedRows, queryRows } from '../database/query-rows';
import { DomainError } from '../errors/domain-error';
import { Simulation } from './simulation.entity';
import { SimulationRow, toSimulation } from './simulation.row';
import type { AttemptRef } from './simulation.repository';
import { SIMULATION_STATUS_LISTENER, SimulationStatusListener } from './simulation-status-listener';
import {
  AttemptOutcome,
  canTransition,
  SimulationStatus,
  TERMINAL_STATUSES,
} from './simulation-status';

const { Pending, Running, Finished, Failed, Cancelled } = SimulationStatus;

/** Checked once at load: every move this class makes must be in the lifecycle table. */
function declare(from: SimulationStatus[], to: SimulationStatus[]): void {
  for (const a of from)
    for (const b of to) if (!canTransition(a, b)) throw new Error(`illegal transition ${a} → ${b}`);
}
declare([Pending], [Running]); // claim
declare([Running], [Finished]); // finish
declare([Running], [Pending, Failed]); // end an attempt: retry, or fail for good
declare([Running], [Pending]); // hand back at shutdown
declare([Running], [Pending, Failed]); // recover a lost run
declare([Pending, Running], [Cancelled]); // cancel
declare([Failed, Cancelled], [Pending]); // retry on request

export interface EndAttempt {
  outcome: AttemptOutcome.Failed | AttemptOutcome.TimedOut;
  reason: string;
  /** False for failures a retry cannot fix: the simulation fails at once. */
  retryable: boolean;
}

/**
 * The only writer of `simulations.status`. Every change is one conditional
 * UPDATE, checked on the status it expects and, for a worker's writes, on the
 * attempt it holds; the attempt's history row changes in the same statement.
 * A writer that lost the race changes nothing and gets null; writes fenced by
 * attempt that change nothing are counted and logged as stale.
 */
@Injectable()
export class SimulationLifecycle {
  private readonly logger = new Logger(SimulationLifecycle.name);
  private stale = 0;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @Optional()
    @Inject(SIMULATION_STATUS_LISTENER)
    private readonly listener?: SimulationStatusListener,
  ) {}

  /** Writes rejected because their writer no longer held the attempt, since the process started. */
  get staleWritesRejected(): number {
    return this.stale;
  }

  recordStaleWrite(ref: AttemptRef, what: string): void {
    this.stale++;
    staleWritesRejected.inc({ what: what.replace(/ /g, '_') });
    this.logger.warn(
      `rejected stale ${what} for simulation ${ref.simulationId} attempt ${ref.attempt}`,
    );
  }

  /**
   * pending → running as a new attempt held by `workerId`. Clears the curve
   * points of earlier attempts, so the new attempt starts a clean curve.
   * Null when the simulation is not pending (someone else has it, or it
   * ended), or its machine is draining.
   */
  async claim(simulationId: number, workerId: string): Promise<Simulation | null> {
    return (await this.claimMany([simulationId], workerId)).get(simulationId) ?? null;
  }

  /**
   * claim for several simulations in one statement; answers those claimed.
   * Rows are locked in simulation order first (as every multi-row statement
   * here locks them), so concurrent batches cannot deadlock.
   */
  async claimMany(
    simulationIds: readonly number[],
    workerId: string,
  ): Promise<Map<number, Simulation>> {
    if (simulationIds.length === 0) return new Map();
    const rows = await preparedRows<SimulationRow>(
      this.manager,
      `WITH locked AS (
         SELECT s.simulation_id FROM simulations s
         WHERE s.simulation_id = ANY($1::integer[]) AND s.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM machines m WHERE m.machine_id = s.machine_id AND m.draining)
         ORDER BY s.simulation_id
         FOR NO KEY UPDATE OF s
       ), claimed AS (
         UPDATE simulations
         SET status = 'running', attempt = attempt + 1, worker_id = $2,
             started_at = clock_timestamp(), heartbeat_at = clock_timestamp(),
             finished_at = NULL, failure_reason = NULL
         FROM locked WHERE simulations.simulation_id = locked.simulation_id
         RETURNING simulations.*
       ), history AS (
         INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at)
         SELECT simulation_id, attempt, worker_id, started_at FROM claimed
       ), cleared AS (
         DELETE FROM convergence_points p USING claimed c
         WHERE p.simulation_id = c.simulation_id AND p.attempt < c.attempt
       ), cleared_summaries AS (
         DELETE FROM convergence_summaries p USING claimed c
         WHERE p.simulation_id = c.simulation_id AND p.attempt < c.attempt
       )
       SELECT * FROM claimed`,
      [simulationIds, workerId],
    );
    return new Map(
      rows.map((row) => {
        const claimed = this.changed(toSimulation(row));
        return [claimed.simulationId, claimed];
      }),
    );
  }

  /** running → finished, if `ref` still holds it. */
  async finish(ref: AttemptRef): Promise<Simulation | null> {
    return (await this.finishMany([ref]))[0];
  }

  /** finish for several attempts in one statement; answers in order, null where `ref` no longer held it. */
  async finishMany(refs: readonly AttemptRef[]): Promise<Array<Simulation | null>> {
    if (refs.length === 0) return [];
    const rows = await preparedRows<SimulationRow>(
      this.manager,
      `WITH locked AS (
         SELECT s.simulation_id FROM simulations s
         JOIN unnest($1::integer[], $2::integer[]) AS r(simulation_id, attempt)
           ON s.simulation_id = r.simulation_id AND s.attempt = r.attempt
         WHERE s.status = 'running'
         ORDER BY s.simulation_id
         FOR NO KEY UPDATE OF s
       ), finished AS (
         UPDATE simulations
         SET status = 'finished', finished_at = clock_timestamp(), worker_id = NULL
         FROM locked WHERE simulations.simulation_id = locked.simulation_id
         RETURNING simulations.*
       ), history AS (
         UPDATE simulation_attempts a SET outcome = 'finished', ended_at = f.finished_at
         FROM finished f WHERE a.simulation_id = f.simulation_id AND a.attempt = f.attempt
       )
       SELECT * FROM finished`,
      [refs.map((ref) => ref.simulationId), refs.map((ref) => ref.attempt)],
    );
    const finished = new Map(rows.map((row) => [row.simulation_id, toSimulation(row)]));
    return refs.map((ref) => {
      const simulation = finished.get(ref.simulationId);
      if (simulation?.attempt === ref.attempt) return this.changed(simulation);
      this.recordStaleWrite(ref, 'finish');
      return null;
    });
  }

  /**
   * Ends a failed attempt: back to pending for another attempt while the
   * budget allows and the failure is retryable, otherwise failed for good.
   */
  async endAttempt(ref: AttemptRef, end: EndAttempt): Promise<Simulation | null> {
    const ended = await this.single(
      `WITH ended AS (
         UPDATE simulations
         SET status = CASE WHEN $3 AND attempt < max_attempts THEN 'pending' ELSE 'failed' END,
             finished_at = CASE WHEN $3 AND attempt < max_attempts THEN NULL ELSE clock_timestamp() END,
             failure_reason = $4, worker_id = NULL
         WHERE simulation_id = $1 AND attempt = $2 AND status = 'running'
         RETURNING *
       ), history AS (
         UPDATE simulation_attempts a SET outcome = $5, reason = $4, ended_at = clock_timestamp()
         FROM ended e WHERE a.simulation_id = e.simulation_id AND a.attempt = e.attempt
       )
       SELECT * FROM ended`,
      [ref.simulationId, ref.attempt, end.retryable, end.reason, end.outcome],
    );
    if (!ended) this.recordStaleWrite(ref, `end (${end.outcome})`);
    return this.changed(ended);
  }

  /**
   * A worker shutting down gives its run back: pending again, and the attempt
   * it used is not counted against the budget.
   */
  async handBack(ref: AttemptRef): Promise<Simulation | null> {
    const handed = await this.single(
      `WITH handed AS (
         UPDATE simulations
         SET status = 'pending', max_attempts = max_attempts + 1, worker_id = NULL
         WHERE simulation_id = $1 AND attempt = $2 AND status = 'running'
         RETURNING *
       ), history AS (
         UPDATE simulation_attempts a
         SET outcome = 'handed_back', reason = 'the worker shut down', ended_at = clock_timestamp()
         FROM handed h WHERE a.simulation_id = h.simulation_id AND a.attempt = h.attempt
       )
       SELECT * FROM handed`,
      [ref.simulationId, ref.attempt],
    );
    if (!handed) this.recordStaleWrite(ref, 'hand-back');
    return this.changed(handed);
  }

  /**
   * Refreshes the heartbeat of every attempt `workerId` holds, in one
   * statement; answers the ids it still holds. A held attempt missing from the
   * answer was taken away (cancelled, recovered elsewhere) and must stop.
   */
  async heartbeat(workerId: string, refs: readonly AttemptRef[]): Promise<Set<number>> {
    if (refs.length === 0) return new Set();
    const rows = await preparedRows<{ simulation_id: number }>(
      this.manager,
      // Rows are locked in simulation order, as the batched curve writes lock
      // them, so the two never wait on each other in a cycle.
      `WITH held AS (
         SELECT s.simulation_id FROM simulations s
         JOIN unnest($2::integer[], $3::integer[]) AS r(simulation_id, attempt)
           ON s.simulation_id = r.simulation_id AND s.attempt = r.attempt
         WHERE s.status = 'running' AND s.worker_id = $1
         ORDER BY s.simulation_id
         FOR NO KEY UPDATE OF s
       )
       UPDATE simulations s SET heartbeat_at = clock_timestamp()
       FROM held WHERE s.simulation_id = held.simulation_id
       RETURNING s.simulation_id`,
      [workerId, refs.map((r) => r.simulationId), refs.map((r) => r.attempt)],
    );
    return new Set(rows.map((row) => row.simulation_id));
  }

  /**
   * Finds running simulations whose worker has been silent longer than
   * `leaseMs` and takes them back: pending for another attempt while the
   * budget allows, otherwise failed with reason "lost". SKIP LOCKED lets
   * every worker sweep at once without two of them taking the same row.
   */
  async recoverLost(leaseMs: number, limit = 500): Promise<Simulation[]> {
    const rows = await queryRows<SimulationRow>(
      this.manager,
      `WITH silent AS (
         SELECT simulation_id FROM simulations
         WHERE status = 'running'
           AND heartbeat_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
         ORDER BY heartbeat_at LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), recovered AS (
         UPDATE simulations s
         SET status = CASE WHEN s.attempt < s.max_attempts THEN 'pending' ELSE 'failed' END,
             finished_at = CASE WHEN s.attempt < s.max_attempts THEN NULL ELSE clock_timestamp() END,
             failure_reason = 'lost', worker_id = NULL
         FROM silent WHERE s.simulation_id = silent.simulation_id
         RETURNING s.*
       ), history AS (
         UPDATE simulation_attempts a
         SET outcome = 'lost', reason = 'the worker stopped sending heartbeats', ended_at = clock_timestamp()
         FROM recovered r WHERE a.simulation_id = r.simulation_id AND a.attempt = r.attempt
       )
       SELECT * FROM recovered`,
      [leaseMs, limit],
    );
    return rows.map((row) => this.changed(toSimulation(row)));
  }

  /**
   * pending | running → cancelled. A running attempt's worker finds out at
   * its next write (fenced) and stops. Explains a refusal with a 409.
   */
  async cancel(simulationId: number): Promise<Simulation> {
    const cancelled = await this.single(
      `WITH cancelled AS (
         UPDATE simulations
         SET status = 'cancelled', finished_at = clock_timestamp(), worker_id = NULL, failure_reason = NULL
         WHERE simulation_id = $1 AND status IN ('pending', 'running')
         RETURNING *
       ), history AS (
         UPDATE simulation_attempts a
         SET outcome = 'cancelled', reason = 'cancelled on request', ended_at = clock_timestamp()
         FROM cancelled c WHERE a.simulation_id = c.simulation_id AND a.attempt = c.attempt AND a.outcome = 'running'
       )
       SELECT * FROM cancelled`,
      [simulationId],
    );
    if (cancelled) return this.changed(cancelled);
    throw await this.refusal(simulationId, 'cancelled', [Pending, Running]);
  }

  /** failed | cancelled → pending, with a fresh budget of automatic attempts. Explains a refusal with a 409. */
  async retry(simulationId: number): Promise<Simulation> {
    const retried = await this.single(
      `UPDATE simulations
       SET status = 'pending', max_attempts = attempt + attempt_budget, finished_at = NULL, failure_reason = NULL
       WHERE simulation_id = $1 AND status IN ('failed', 'cancelled')
       RETURNING *`,
      [simulationId],
    );
    if (retried) return this.changed(retried);
    throw await this.refusal(simulationId, 'retried', [Failed, Cancelled]);
  }

  private async refusal(
    simulationId: number,
    verb: string,
    allowed: SimulationStatus[],
  ): Promise<DomainError> {
    const rows = await queryRows<{ status: SimulationStatus }>(
      this.manager,
      `SELECT status FROM simulations WHERE simulation_id = $1`,
      [simulationId],
    );
    if (!rows.length) return DomainError.notFound(`simulation ${simulationId} not found`);
    const status = rows[0].status;
    const state = TERMINAL_STATUSES.includes(status) ? `already ${status}` : status;
    return DomainError.conflict(
      `simulation ${simulationId} is ${state}; only ${allowed.join(' or ')} simulations can be ${verb}`,
    );
  }

  /** Tells the listener (live curve streams) about a transition; never lets it fail one. */
  private changed<T extends Simulation | null>(simulation: T): T {
    if (simulation && this.listener) {
      try {
        this.listener.statusChanged({
          simulationId: simulation.simulationId,
          attempt: simulation.attempt,
          status: simulation.status,
        });
      } catch (error) {
        this.logger.warn(`status listener failed: ${(error as Error).message}`);
      }
    }
    return simulation;
  }

  private async single(sql: string, parameters: unknown[]): Promise<Simulation | null> {
    const rows = await preparedRows<SimulationRow>(this.manager, sql, parameters);
    return rows.length ? toSimulation(rows[0]) : null;
  }
}
