import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ConvergencePointRepository } from '../convergence-point/convergence-point.repository';
import { entityRows } from '../database/entity-rows';
import { preparedRows, queryRows } from '../database/query-rows';
import { sqlLiteral as lit, sqlLiteralList as list } from '../database/sql-literal';
import { DomainError } from '../errors/domain-error';
import { Program } from './program';
import { Simulation } from './simulation.entity';
import type { AttemptRef } from './simulation.repository';
import type { SimulationStatusListener } from './simulation-status-listener';
import { AttemptOutcome, SimulationStatus, TERMINAL_STATUSES } from './simulation-status';

const { Pending, Running, Finished, Failed, Cancelled } = SimulationStatus;

/**
 * The programs a claim takes: those named, or any a worker may run (every
 * program but `external`), for a worker that declares programs and fails a
 * run of one it does not know with a reason.
 */
export const ANY_WORKER_PROGRAM = 'any-worker-program';
export type ClaimedPrograms = readonly string[] | typeof ANY_WORKER_PROGRAM;

export interface EndAttempt {
  outcome: AttemptOutcome.Failed | AttemptOutcome.TimedOut;
  reason: string;
  /** False for failures a retry cannot fix: the simulation fails at once. */
  retryable: boolean;
}

/**
 * Every statement that changes `simulations.status`, and only those. The
 * lifecycle spec checks each against ALLOWED_TRANSITIONS: the statuses a
 * statement's WHERE reads are where it may move from, the ones its SET writes
 * where it may move to.
 */
export const LIFECYCLE_STATEMENTS = {
  /**
   * Rows are locked in simulation order first (as every multi-row statement
   * here locks them), so concurrent batches cannot deadlock.
   */
  claim: `WITH locked AS (
     SELECT s.simulation_id FROM simulations s
     WHERE s.simulation_id = ANY($1::bigint[]) AND s.status = ${lit(Pending)}
       AND CASE WHEN $3::text[] IS NULL THEN s.program <> ${lit(Program.External)}
                ELSE s.program = ANY($3::text[]) END
       AND NOT EXISTS (SELECT 1 FROM machines m WHERE m.machine_id = s.machine_id AND m.draining)
     ORDER BY s.simulation_id
     FOR NO KEY UPDATE OF s
   ), claimed AS (
     UPDATE simulations
     SET status = ${lit(Running)}, attempt = attempt + 1, worker_id = $2,
         started_at = clock_timestamp(), heartbeat_at = clock_timestamp(),
         finished_at = NULL, failure_reason = NULL
     FROM locked WHERE simulations.simulation_id = locked.simulation_id
     RETURNING simulations.*
   ), history AS (
     INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at)
     SELECT simulation_id, attempt, worker_id, started_at FROM claimed
   )
   SELECT * FROM claimed`,

  finish: `WITH locked AS (
     SELECT s.simulation_id FROM simulations s
     JOIN unnest($1::bigint[], $2::integer[]) AS r(simulation_id, attempt)
       ON s.simulation_id = r.simulation_id AND s.attempt = r.attempt
     WHERE s.status = ${lit(Running)}
     ORDER BY s.simulation_id
     FOR NO KEY UPDATE OF s
   ), finished AS (
     UPDATE simulations
     SET status = ${lit(Finished)}, finished_at = clock_timestamp(), worker_id = NULL
     FROM locked WHERE simulations.simulation_id = locked.simulation_id
     RETURNING simulations.*
   ), history AS (
     UPDATE simulation_attempts a SET outcome = ${lit(AttemptOutcome.Finished)}, ended_at = f.finished_at
     FROM finished f WHERE a.simulation_id = f.simulation_id AND a.attempt = f.attempt
   )
   SELECT * FROM finished`,

  endAttempt: `WITH ended AS (
     UPDATE simulations
     SET status = CASE WHEN $3 AND attempt < final_attempt THEN ${lit(Pending)} ELSE ${lit(Failed)} END,
         finished_at = CASE WHEN $3 AND attempt < final_attempt THEN NULL ELSE clock_timestamp() END,
         failure_reason = $4, worker_id = NULL
     WHERE simulation_id = $1 AND attempt = $2 AND status = ${lit(Running)}
     RETURNING *
   ), history AS (
     UPDATE simulation_attempts a SET outcome = $5, reason = $4, ended_at = clock_timestamp()
     FROM ended e WHERE a.simulation_id = e.simulation_id AND a.attempt = e.attempt
   )
   SELECT * FROM ended`,

  handBack: `WITH handed AS (
     UPDATE simulations
     SET status = ${lit(Pending)}, final_attempt = final_attempt + 1, worker_id = NULL
     WHERE simulation_id = $1 AND attempt = $2 AND status = ${lit(Running)}
     RETURNING *
   ), history AS (
     UPDATE simulation_attempts a
     SET outcome = ${lit(AttemptOutcome.HandedBack)}, reason = 'the worker shut down', ended_at = clock_timestamp()
     FROM handed h WHERE a.simulation_id = h.simulation_id AND a.attempt = h.attempt
   )
   SELECT * FROM handed`,

  /**
   * SKIP LOCKED lets every worker sweep at once without two of them taking
   * the same row. A run with a lease of its own (lease_ms) is silent for that long.
   */
  recoverLost: `WITH silent AS (
     SELECT simulation_id FROM simulations
     WHERE status = ${lit(Running)}
       AND heartbeat_at < clock_timestamp() - make_interval(secs => COALESCE(lease_ms, $1::double precision) / 1000)
     ORDER BY heartbeat_at LIMIT $2
     FOR UPDATE SKIP LOCKED
   ), recovered AS (
     UPDATE simulations s
     SET status = CASE WHEN s.attempt < s.final_attempt THEN ${lit(Pending)} ELSE ${lit(Failed)} END,
         finished_at = CASE WHEN s.attempt < s.final_attempt THEN NULL ELSE clock_timestamp() END,
         failure_reason = ${lit(AttemptOutcome.Lost)}, worker_id = NULL
     FROM silent WHERE s.simulation_id = silent.simulation_id
     RETURNING s.*
   ), history AS (
     UPDATE simulation_attempts a
     SET outcome = ${lit(AttemptOutcome.Lost)}, reason = 'the worker stopped sending heartbeats', ended_at = clock_timestamp()
     FROM recovered r WHERE a.simulation_id = r.simulation_id AND a.attempt = r.attempt
   )
   SELECT * FROM recovered`,

  cancel: `WITH cancelled AS (
     UPDATE simulations
     SET status = ${lit(Cancelled)}, finished_at = clock_timestamp(), worker_id = NULL, failure_reason = NULL
     WHERE simulation_id = $1 AND status IN ${list([Pending, Running])}
     RETURNING *
   ), history AS (
     UPDATE simulation_attempts a
     SET outcome = ${lit(AttemptOutcome.Cancelled)}, reason = 'cancelled on request', ended_at = clock_timestamp()
     FROM cancelled c
     WHERE a.simulation_id = c.simulation_id AND a.attempt = c.attempt AND a.outcome = ${lit(AttemptOutcome.Running)}
   )
   SELECT * FROM cancelled`,

  // A new run request: its curve goes to today's partition, so it outlives the old run's history.
  retry: `UPDATE simulations
   SET status = ${lit(Pending)}, final_attempt = attempt + attempt_budget, finished_at = NULL, failure_reason = NULL,
       curve_day = (now() AT TIME ZONE 'UTC')::date
   WHERE simulation_id = $1 AND status IN ${list([Failed, Cancelled])}
   RETURNING *`,
} as const;

/** Keeps a run's lease: not a transition, so not among the statements above. */
const HEARTBEAT_SQL = `WITH held AS (
   SELECT s.simulation_id FROM simulations s
   JOIN unnest($2::bigint[], $3::integer[]) AS r(simulation_id, attempt)
     ON s.simulation_id = r.simulation_id AND s.attempt = r.attempt
   WHERE s.status = ${lit(Running)} AND s.worker_id = $1
   ORDER BY s.simulation_id
   FOR NO KEY UPDATE OF s
 )
 UPDATE simulations s SET heartbeat_at = clock_timestamp()
 FROM held WHERE s.simulation_id = held.simulation_id
 RETURNING s.simulation_id`;

/**
 * The only writer of `simulations.status`. Every change is one conditional
 * UPDATE, checked on the status it expects and, for a worker's writes, on the
 * attempt it holds; the attempt's history row changes in the same statement.
 * A writer that lost the race changes nothing and gets null.
 */
@Injectable()
export class SimulationLifecycle {
  private readonly logger = new Logger(SimulationLifecycle.name);
  private readonly rows;
  private readonly listeners: SimulationStatusListener[] = [];

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly curves: ConvergencePointRepository,
  ) {
    this.rows = entityRows(manager, Simulation);
  }

  /** Tells `listener` about every transition from now on. */
  onStatusChange(listener: SimulationStatusListener): void {
    this.listeners.push(listener);
  }

  /** claimMany for one simulation: null when it was not claimed. */
  async claim(
    simulationId: number,
    workerId: string,
    programs: ClaimedPrograms = [Program.Emulate],
  ): Promise<Simulation | null> {
    return (await this.claimMany([simulationId], workerId, programs)).get(simulationId) ?? null;
  }

  /**
   * pending → running as a new attempt held by `workerId`, for several
   * simulations in one statement; answers those claimed. Clears the curve
   * points of earlier attempts, so each new attempt starts a clean curve. A
   * simulation that is not pending (someone else has it, or it ended), whose
   * machine is draining, or whose program is not among `programs` (an
   * external run is started by its client, never by a worker) is not claimed.
   */
  async claimMany(
    simulationIds: readonly number[],
    workerId: string,
    programs: ClaimedPrograms = [Program.Emulate],
  ): Promise<Map<number, Simulation>> {
    if (simulationIds.length === 0) return new Map();
    const claimed = await this.transition(LIFECYCLE_STATEMENTS.claim, [
      simulationIds,
      workerId,
      programs === ANY_WORKER_PROGRAM ? null : programs,
    ]);
    const retried = claimed.filter((simulation) => simulation.attempt > 1);
    // Not in the claim's statement: readers read the current attempt only, so
    // an earlier attempt's rows, kept a moment longer, show nowhere.
    if (retried.length) {
      await this.curves.deleteEarlierAttempts(
        retried.map(({ simulationId, attempt, curveDay }) => ({
          simulationId,
          attempt,
          day: curveDay,
        })),
      );
    }
    return new Map(claimed.map((simulation) => [simulation.simulationId, simulation]));
  }

  /** running → finished, if `ref` still holds it. */
  async finish(ref: AttemptRef): Promise<Simulation | null> {
    return (await this.finishMany([ref]))[0];
  }

  /** running → finished for several attempts in one statement; answers in order, null where `ref` no longer held it. */
  async finishMany(refs: readonly AttemptRef[]): Promise<Array<Simulation | null>> {
    if (refs.length === 0) return [];
    const finished = await this.transition(LIFECYCLE_STATEMENTS.finish, [
      refs.map((ref) => ref.simulationId),
      refs.map((ref) => ref.attempt),
    ]);
    const byId = new Map(finished.map((simulation) => [simulation.simulationId, simulation]));
    return refs.map((ref) => {
      const simulation = byId.get(ref.simulationId);
      return simulation?.attempt === ref.attempt ? simulation : null;
    });
  }

  /**
   * Ends a failed attempt: back to pending for another attempt while the
   * budget allows and the failure is retryable, otherwise failed for good.
   * Null when `ref` no longer held it.
   */
  async endAttempt(ref: AttemptRef, end: EndAttempt): Promise<Simulation | null> {
    const [ended] = await this.transition(LIFECYCLE_STATEMENTS.endAttempt, [
      ref.simulationId,
      ref.attempt,
      end.retryable,
      end.reason,
      end.outcome,
    ]);
    return ended ?? null;
  }

  /**
   * An external run's client reports its end: running → finished, or failed
   * for good (its client decides about retries), with the exit code it gave.
   * Null when `ref` no longer held it.
   */
  async endReported(
    ref: AttemptRef,
    end: {
      status: SimulationStatus.Finished | SimulationStatus.Failed;
      exitCode: number | null;
      reason: string | null;
    },
  ): Promise<Simulation | null> {
    // Set while the attempt still holds the run, then the transition: a lost race changes neither.
    await this.recordExitCode(ref, end.exitCode);
    if (end.status === Finished) return this.finish(ref);
    return this.endAttempt(ref, {
      outcome: AttemptOutcome.Failed,
      reason:
        end.reason ??
        `the run reported failure${end.exitCode === null ? '' : ` (exit code ${end.exitCode})`}`,
      retryable: false,
    });
  }

  /** The GPUs attempt `ref` was given, recorded on it (a machine's GPUs in use are its running attempts'). */
  async recordGpus(ref: AttemptRef, gpus: readonly string[]): Promise<void> {
    await queryRows(
      this.manager,
      `UPDATE simulation_attempts SET gpus = $3::text[] WHERE simulation_id = $1 AND attempt = $2`,
      [ref.simulationId, ref.attempt, gpus],
    );
  }

  /** The exit code the attempt's program ended with, while `ref` still holds the run. */
  async recordExitCode(ref: AttemptRef, exitCode: number | null): Promise<void> {
    await queryRows(
      this.manager,
      `UPDATE simulations SET exit_code = $3
       WHERE simulation_id = $1 AND attempt = $2 AND status = ${lit(Running)}`,
      [ref.simulationId, ref.attempt, exitCode],
    );
  }

  /**
   * A worker shutting down gives its run back: pending again, and the attempt
   * it used is not counted against the budget. Null when `ref` no longer held it.
   */
  async handBack(ref: AttemptRef): Promise<Simulation | null> {
    const [handed] = await this.transition(LIFECYCLE_STATEMENTS.handBack, [
      ref.simulationId,
      ref.attempt,
    ]);
    return handed ?? null;
  }

  /**
   * Refreshes the heartbeat of every attempt `workerId` holds, in one
   * statement; answers the ids it still holds. A held attempt missing from the
   * answer was taken away (cancelled, recovered elsewhere) and must stop.
   * Rows are locked in simulation order, as the batched curve writes lock
   * them, so the two never wait on each other in a cycle.
   */
  async heartbeat(workerId: string, refs: readonly AttemptRef[]): Promise<Set<number>> {
    if (refs.length === 0) return new Set();
    const rows = await preparedRows<{ simulation_id: number }>(this.manager, HEARTBEAT_SQL, [
      workerId,
      refs.map((r) => r.simulationId),
      refs.map((r) => r.attempt),
    ]);
    return new Set(rows.map((row) => row.simulation_id));
  }

  /**
   * Finds running simulations whose worker has been silent longer than
   * `leaseMs` and takes them back: pending for another attempt while the
   * budget allows, otherwise failed with reason "lost".
   */
  recoverLost(leaseMs: number, limit = 500): Promise<Simulation[]> {
    return this.transition(LIFECYCLE_STATEMENTS.recoverLost, [leaseMs, limit], false);
  }

  /**
   * pending | running → cancelled. A running attempt's worker finds out at
   * its next write (fenced) and stops. Explains a refusal with a 409.
   */
  async cancel(simulationId: number): Promise<Simulation> {
    const [cancelled] = await this.transition(LIFECYCLE_STATEMENTS.cancel, [simulationId]);
    if (cancelled) return cancelled;
    throw await this.refusal(simulationId, 'cancelled', [Pending, Running]);
  }

  /** failed | cancelled → pending, with a fresh budget of automatic attempts. Explains a refusal with a 409. */
  async retry(simulationId: number): Promise<Simulation> {
    const [before] = await queryRows<{ day: string }>(
      this.manager,
      `SELECT curve_day::text AS day FROM simulations WHERE simulation_id = $1`,
      [simulationId],
    );
    const [retried] = await this.transition(LIFECYCLE_STATEMENTS.retry, [simulationId]);
    if (!retried) throw await this.refusal(simulationId, 'retried', [Failed, Cancelled]);
    // The old run's curve is no longer shown: it goes now, from its own day's
    // partition (the retry moved the simulation to today's).
    await this.curves.deleteAttemptsThrough({
      simulationId,
      attempt: retried.attempt,
      day: before.day,
    });
    return retried;
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

  /**
   * Runs one of the lifecycle's statements (prepared, unless its plan depends
   * on the values) and tells the listener (live curve streams) about every
   * simulation it moved.
   */
  private async transition(
    sql: string,
    parameters: unknown[],
    prepared = true,
  ): Promise<Simulation[]> {
    const run = prepared ? preparedRows : queryRows;
    const moved = this.rows.all(await run<Record<string, unknown>>(this.manager, sql, parameters));
    for (const simulation of moved) this.changed(simulation);
    return moved;
  }

  /** Never lets a listener fail a transition. */
  private changed(simulation: Simulation): void {
    for (const listener of this.listeners) {
      try {
        listener.statusChanged({
          simulationId: simulation.simulationId,
          attempt: simulation.attempt,
          status: simulation.status,
        });
      } catch (error) {
        this.logger.warn(`status listener failed: ${(error as Error).message}`);
      }
    }
  }
}
