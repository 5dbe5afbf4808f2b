import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { entityRows } from '../database/entity-rows';
import {
  PG_FOREIGN_KEY_VIOLATION,
  postgresErrorCode,
  preparedRows,
  queryRows,
} from '../database/query-rows';
import { sqlLiteral as lit, sqlLiteralList as list } from '../database/sql-literal';
import { DomainError } from '../errors/domain-error';
import { Simulation } from './simulation.entity';
import { SimulationAttempt } from './simulation-attempt.entity';
import { SimulationStatus } from './simulation-status';
import { CurveEmulation, DEFAULT_EMULATION, toEmulationSettings } from './curve-emulation';

export const SIMULATION_SORT_KEYS = ['name', 'creation_date', 'update_date'] as const;
export type SimulationSortKey = (typeof SIMULATION_SORT_KEYS)[number];

/**
 * Sort keys map to SQL through this table only: user text never reaches the
 * ORDER BY clause, so sorting cannot be an injection vector.
 */
const SORT_COLUMN: Record<SimulationSortKey, string> = {
  name: 'name',
  creation_date: 'creation_date',
  update_date: 'update_date',
};

export interface SimulationListQuery {
  orderBy: SimulationSortKey;
  status?: SimulationStatus;
  machineId?: number;
  limit: number;
  offset: number;
}

export interface NewSimulation {
  /** Omit to have one generated. */
  simulationId?: number;
  name: string;
  machineId: number;
  /** Automatic attempts allowed (default 3); a new simulation's final attempt is its budget. */
  attemptBudget?: number;
  createdBy?: string;
  /** Defaults to DEFAULT_EMULATION. */
  emulation?: CurveEmulation;
}

/** Names one attempt of one simulation: the unit of fencing for every write a worker makes. */
export interface AttemptRef {
  simulationId: number;
  attempt: number;
}

/**
 * Runs of taken ids one generated id may skip (each a single jump of the
 * sequence); only concurrent clients choosing ids just ahead of it make more than one.
 */
const MAX_RUNS_SKIPPED = 100;

const { Pending, Running } = SimulationStatus;

type Row = Record<string, unknown>;

/** The fixed statements (the benchmark's baselines run some of them too). */
const STATEMENTS = {
  findById: `SELECT * FROM simulations WHERE simulation_id = $1`,
  listAttempts: `SELECT * FROM simulation_attempts WHERE simulation_id = $1 ORDER BY attempt`,
} as const;

@Injectable()
export class SimulationRepository {
  static readonly statements = STATEMENTS;
  private readonly simulationRows;
  private readonly attemptRows;

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {
    this.simulationRows = entityRows(manager, Simulation);
    this.attemptRows = entityRows(manager, SimulationAttempt);
  }

  async findById(simulationId: number): Promise<Simulation | null> {
    const [row] = await preparedRows<Row>(this.manager, STATEMENTS.findById, [simulationId]);
    return row ? this.simulationRows.one(row) : null;
  }

  async list(query: SimulationListQuery): Promise<{ items: Simulation[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.status !== undefined) {
      parameters.push(query.status);
      conditions.push(`status = $${parameters.length}`);
    }
    if (query.machineId !== undefined) {
      parameters.push(query.machineId);
      conditions.push(`machine_id = $${parameters.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const column = SORT_COLUMN[query.orderBy];
    const [rows, counted] = await Promise.all([
      queryRows<Row>(
        this.manager,
        `SELECT * FROM simulations ${where}
         ORDER BY ${column}, simulation_id
         LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
        [...parameters, query.limit, query.offset],
      ),
      queryRows<{ total: number }>(
        this.manager,
        `SELECT count(*)::int AS total FROM simulations ${where}`,
        parameters,
      ),
    ]);
    return { items: this.simulationRows.all(rows), total: counted[0].total };
  }

  /**
   * Inserts a pending simulation. A client-chosen id that is taken is a
   * conflict; a generated id that turns out taken is drawn again, past it.
   */
  async insert(input: NewSimulation, manager: EntityManager = this.manager): Promise<Simulation> {
    try {
      return input.simulationId === undefined
        ? await this.insertWithGeneratedId(input, manager)
        : await this.insertWithChosenId({ ...input, simulationId: input.simulationId }, manager);
    } catch (error) {
      if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
        throw DomainError.notFound(`machine ${input.machineId} not found`);
      }
      throw error;
    }
  }

  private async insertWithChosenId(
    input: NewSimulation & { simulationId: number },
    manager: EntityManager,
  ): Promise<Simulation> {
    const rows = await queryRows<Row>(
      manager,
      `INSERT INTO simulations (simulation_id, name, machine_id, attempt_budget, final_attempt, created_by, emulation)
       VALUES ($1, $2, $3, $4, $4, $5, $6::jsonb)
       ON CONFLICT (simulation_id) DO NOTHING RETURNING *`,
      [
        input.simulationId,
        input.name,
        input.machineId,
        input.attemptBudget ?? 3,
        input.createdBy ?? null,
        JSON.stringify(toEmulationSettings(input.emulation ?? DEFAULT_EMULATION)),
      ],
    );
    if (rows.length === 0)
      throw DomainError.conflict(`simulation ${input.simulationId} already exists`);
    return this.simulationRows.one(rows[0]);
  }

  /**
   * Draws the next id from the sequence. An id that turns out taken (a
   * client chose it, or the row came from a restore or an import) moves the
   * sequence past the whole run of taken ids it belongs to, and the next draw
   * follows it; so generating an id does not fail, however many rows arrived
   * outside the API, and a client choosing the largest id takes that id only.
   */
  private async insertWithGeneratedId(
    input: NewSimulation,
    manager: EntityManager,
  ): Promise<Simulation> {
    for (let skip = 0; skip < MAX_RUNS_SKIPPED; skip++) {
      const [row] = await queryRows<Row & { drawn_id: number }>(
        manager,
        `WITH drawn AS (SELECT nextval('simulations_simulation_id_seq') AS id),
         inserted AS (
           INSERT INTO simulations (simulation_id, name, machine_id, attempt_budget, final_attempt, created_by, emulation)
           SELECT id, $1, $2, $3, $3, $4, $5::jsonb FROM drawn
           ON CONFLICT (simulation_id) DO NOTHING RETURNING *)
         SELECT (SELECT id FROM drawn) AS drawn_id, inserted.* FROM (SELECT) AS one LEFT JOIN inserted ON true`,
        [
          input.name,
          input.machineId,
          input.attemptBudget ?? 3,
          input.createdBy ?? null,
          JSON.stringify(toEmulationSettings(input.emulation ?? DEFAULT_EMULATION)),
        ],
      );
      if (row.simulation_id !== null) return this.simulationRows.one(row);
      // The end of the run of taken ids from the one drawn: one index walk along it.
      await queryRows(
        manager,
        `SELECT setval('simulations_simulation_id_seq', GREATEST(
           (SELECT last_value FROM simulations_simulation_id_seq),
           (SELECT min(s.simulation_id) FROM simulations s
            WHERE s.simulation_id >= $1::bigint
              AND NOT EXISTS (SELECT 1 FROM simulations t WHERE t.simulation_id = s.simulation_id + 1))))`,
        [row.drawn_id],
      );
    }
    throw DomainError.unavailable(
      `no free simulation id found after skipping ${MAX_RUNS_SKIPPED} runs of taken ids; try again`,
    );
  }

  /**
   * Pending simulations unchanged since `unchangedSince`, oldest first:
   * candidates for (re-)enqueueing. Younger ones may still be on their way
   * into the queue.
   */
  async listPending(
    unchangedSince: Date,
    limit: number,
  ): Promise<Array<AttemptRef & { machineId: number }>> {
    const rows = await queryRows<{ simulation_id: number; machine_id: number; attempt: number }>(
      this.manager,
      `SELECT simulation_id, machine_id, attempt FROM simulations
       WHERE status = ${lit(Pending)} AND update_date < $1
       ORDER BY update_date, simulation_id LIMIT $2`,
      [unchangedSince, limit],
    );
    return rows.map((row) => ({
      simulationId: row.simulation_id,
      machineId: row.machine_id,
      attempt: row.attempt,
    }));
  }

  /** Per machine: pending simulations, and the age of the oldest (rows in flight only). */
  async pendingByMachine(): Promise<
    Array<{ machineId: number; pending: number; oldestAgeSeconds: number }>
  > {
    const rows = await queryRows<{ machine_id: number; n: number; age: number }>(
      this.manager,
      `SELECT machine_id, count(*)::integer AS n,
              extract(epoch FROM clock_timestamp() - min(creation_date))::float8 AS age
       FROM simulations WHERE status = ${lit(Pending)} GROUP BY machine_id`,
    );
    return rows.map((row) => ({
      machineId: row.machine_id,
      pending: row.n,
      oldestAgeSeconds: row.age,
    }));
  }

  /** Pending and running simulations (a partial index: its size follows the work in flight). */
  async countActiveByStatus(): Promise<{ pending: number; running: number }> {
    const rows = await queryRows<{ status: SimulationStatus; n: number }>(
      this.manager,
      `SELECT status, count(*)::integer AS n FROM simulations
       WHERE status IN ${list([Pending, Running])} GROUP BY status`,
    );
    const count = (status: SimulationStatus) => rows.find((row) => row.status === status)?.n ?? 0;
    return { pending: count(Pending), running: count(Running) };
  }

  /**
   * Pending simulations `creator` has, counted under a transaction-scoped
   * lock on that creator: concurrent creations by one client queue here, so
   * a cap checked with this count cannot be overshot by a burst.
   */
  async countPendingByCreatorLocked(creator: string, manager: EntityManager): Promise<number> {
    await queryRows(manager, `SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7))`, [
      `pending-cap:${creator}`,
    ]);
    const rows = await queryRows<{ pending: number }>(
      manager,
      `SELECT count(*)::int AS pending FROM simulations WHERE created_by = $1 AND status = ${lit(Pending)}`,
      [creator],
    );
    return rows[0].pending;
  }

  /** Every attempt so far, oldest first. */
  async listAttempts(simulationId: number): Promise<SimulationAttempt[]> {
    const rows = await preparedRows<Row>(this.manager, STATEMENTS.listAttempts, [simulationId]);
    return this.attemptRows.all(rows);
  }
}
