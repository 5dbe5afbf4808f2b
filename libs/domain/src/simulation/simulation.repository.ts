import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { entityRows } from '../database/entity-rows';
import {
  PG_FOREIGN_KEY_VIOLATION,
  PG_SEQUENCE_EXHAUSTED,
  postgresErrorCode,
  preparedRows,
  queryRows,
} from '../database/query-rows';
import { sqlLiteral as lit, sqlLiteralList as list } from '../database/sql-literal';
import { DomainError, summarizeProblems } from '../errors/domain-error';
import { insertRunData } from '../run-data/run-data.repository';
import type { RunParams, RunTags } from '../run-data/run-data';
import {
  creationOrderLead,
  filterCondition,
  filterProbesRunData,
  SqlParameters,
} from '../search/filter-sql';
import { decodeSortKey, encodeSortKey, sortRanks } from '../search/sort-key';
import { DEFAULT_ATTEMPT_BUDGET, Simulation } from './simulation.entity';
import { SimulationAttempt } from './simulation-attempt.entity';
import { Program } from './program';
import { DEFAULT_PROJECT_ID } from '../project/project.repository';
import { SimulationStatus } from './simulation-status';
import { CurveEmulation, DEFAULT_EMULATION, toEmulationSettings } from './curve-emulation';

/** The run's columns a list sorts by along an index; params, tags and metric summaries sort too. */
export const SIMULATION_SORT_KEYS = ['name', 'creation_date', 'update_date'] as const;
export type SimulationColumnSortKey = (typeof SIMULATION_SORT_KEYS)[number];
/** A column, or `params.<key>`, `tags.<key>`, `metrics.<name>.<summary>`. */
export type SimulationSortKey = SimulationColumnSortKey | string;

const isColumnSort = (orderBy: string): orderBy is SimulationColumnSortKey =>
  (SIMULATION_SORT_KEYS as readonly string[]).includes(orderBy);

/**
 * Sort keys map to SQL through this table only: user text never reaches the
 * ORDER BY clause, so sorting cannot be an injection vector.
 */
const SORT_COLUMN: Record<SimulationColumnSortKey, string> = {
  name: 'name',
  creation_date: 'creation_date',
  update_date: 'update_date',
};

export type SortDirection = 'asc' | 'desc';

/** Where a page starts: after the row with this sort key (as Postgres prints it) and id. */
export interface ListPosition {
  key: string;
  simulationId: number;
}

export interface SimulationListQuery {
  orderBy: SimulationSortKey;
  order: SortDirection;
  status?: SimulationStatus;
  machineId?: number;
  /** The projects whose runs it may show (the caller's, docs/projects.md); left out, every project. */
  projectIds?: readonly number[];
  /** A filter in the search language (docs/search.md); parsed and bound here, never spliced. */
  filter?: string;
  limit: number;
  /** Keyset paging: the page after this row. */
  after?: ListPosition;
  /** Compatibility paging: skips this many rows first (its cost grows with the offset). */
  offset?: number;
}

export interface SimulationPage {
  items: Simulation[];
  /** Where the next page starts; null on the last page. */
  next: ListPosition | null;
}

/** The matches of a list's filters: counted exactly up to a bound, estimated beyond it. */
export interface SimulationTotal {
  count: number;
  exact: boolean;
}

/** Matches counted exactly per list request at most: the count's cost stays bounded. */
export const EXACT_TOTAL_UP_TO = 10_000;
/**
 * The bound for a filter naming params, tags or metrics: counting one of its
 * matches is a probe into another table rather than an index entry, so the
 * count stops being cheap that much sooner. Its estimate comes from per-key
 * statistics (RunDataStatistics).
 */
export const EXACT_PROBED_TOTAL_UP_TO = 1_000;

export interface NewSimulation {
  /** Omit to have one generated. */
  simulationId?: number;
  name: string;
  machineId: number;
  /** Automatic attempts allowed (default DEFAULT_ATTEMPT_BUDGET); a new simulation's final attempt is its budget. */
  attemptBudget?: number;
  createdBy?: string;
  /** Defaults to DEFAULT_EMULATION. */
  emulation?: CurveEmulation;
  /** What runs it; defaults to the emulator (Program.Emulate). */
  program?: string;
  /** The project it belongs to; DEFAULT_PROJECT_ID when left out. */
  projectId?: number;
  /** Checked by runDataProblems before; written with the row, in its transaction. */
  params?: RunParams;
  tags?: RunTags;
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

/**
 * The one statement that creates simulations; `rows` (VALUES or a SELECT)
 * supplies them in its column order. A new simulation's final attempt is its
 * budget, so each row gives the budget twice. A taken id inserts nothing:
 * each caller decides whether that is a conflict or a reason to draw again.
 */
function insertSimulations(rows: string): string {
  return `INSERT INTO simulations (simulation_id, name, machine_id, attempt_budget, final_attempt, created_by, emulation, program, project_id)
       ${rows}
       ON CONFLICT (simulation_id) DO NOTHING RETURNING *`;
}

/** The values an insert stores where a caller may leave one out. */
function storedDefaults(input: Omit<NewSimulation, 'createdBy'>): {
  attemptBudget: number;
  emulation: string;
  program: string;
  projectId: number;
} {
  return {
    attemptBudget: input.attemptBudget ?? DEFAULT_ATTEMPT_BUDGET,
    emulation: JSON.stringify(toEmulationSettings(input.emulation ?? DEFAULT_EMULATION)),
    program: input.program ?? Program.Emulate,
    projectId: input.projectId ?? DEFAULT_PROJECT_ID,
  };
}

@Injectable()
export class SimulationRepository {
  static readonly statements = STATEMENTS;
  private readonly simulationRows;
  private readonly attemptRows;

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {
    this.simulationRows = entityRows(manager, Simulation);
    this.attemptRows = entityRows(manager, SimulationAttempt);
  }

  /** The simulations of these ids that exist, in no particular order. */
  async findByIds(simulationIds: readonly number[]): Promise<Simulation[]> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM simulations WHERE simulation_id = ANY($1::bigint[])`,
      [simulationIds],
    );
    return this.simulationRows.all(rows);
  }

  async findById(simulationId: number): Promise<Simulation | null> {
    const [row] = await preparedRows<Row>(this.manager, STATEMENTS.findById, [simulationId]);
    return row ? this.simulationRows.one(row) : null;
  }

  /**
   * One page of simulations in `orderBy` order (ties by id, in the same
   * direction), after `after` when given. By a column of the run: a walk
   * along the index of that order and filter, whose cost does not grow with
   * the table. By a param, tag or metric summary: see listByRunData.
   */
  async list(query: SimulationListQuery): Promise<SimulationPage> {
    if (!isColumnSort(query.orderBy)) return this.listByRunData(query, query.orderBy);
    const { where, parameters, lead } = listFilter(query, query.orderBy === 'creation_date');
    // A leading equality's row carries the run's creation date and id: ordering
    // by its copy is what lets the walk follow its index.
    const ordered = lead ? 'lead' : 'run';
    const column = `${ordered}.${SORT_COLUMN[query.orderBy]}`;
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const conditions = where ? [where] : [];
    if (query.after) {
      parameters.push(query.after.key, query.after.simulationId);
      const keyType = query.orderBy === 'name' ? 'varchar' : 'timestamptz';
      const beyond = query.order === 'desc' ? '<' : '>';
      conditions.push(
        `(${column}, ${ordered}.simulation_id) ${beyond} ($${parameters.length - 1}::${keyType}, $${parameters.length}::bigint)`,
      );
    }
    parameters.push(query.limit + 1, query.offset ?? 0);
    const rows = await queryRows<Row & { list_key: string }>(
      this.manager,
      `SELECT run.*, ${column}::text AS list_key FROM simulations AS run ${lead ?? ''}
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY ${column} ${direction}, ${ordered}.simulation_id ${direction}
       LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    return this.pageOf(rows, query.limit);
  }

  /**
   * A page sorted by a param, a tag or a metric summary: by its value (a
   * param's numbers first, numerically, then its strings, then its
   * booleans), runs without it last in either direction, ties by id. Each
   * rank is a walk along its own index (run_params_by_number, …), read one
   * after the other until the page is full, so a page costs what it reads,
   * not what the filter matches. A cursor carries (rank, number, text) and
   * the id, and a walk starts after it within its rank.
   */
  private async listByRunData(
    query: SimulationListQuery,
    orderBy: string,
  ): Promise<SimulationPage> {
    if (query.offset)
      throw DomainError.invalid(
        'offset pages the name and date orders only; page a sort by a param, tag or metric with cursor',
      );
    const { where, parameters: shared } = listFilter(query);
    const ranks = sortRanks(orderBy, shared);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const beyond = query.order === 'desc' ? '<' : '>';
    const after = query.after && {
      key: decodeSortKey(query.after.key),
      simulationId: query.after.simulationId,
    };
    const rows: Array<Row & { list_key: string }> = [];
    for (const rank of ranks) {
      const wanted = query.limit + 1 - rows.length;
      if (wanted <= 0) break;
      if (after && rank.rank < after.key[0]) continue;
      const parameters = rank.parameters;
      const conditions = where ? [where] : [];
      if (after && rank.rank === after.key[0]) {
        const id = parameters.add(after.simulationId, 'bigint');
        const [, number, text] = after.key;
        conditions.push(
          rank.key
            ? `(${rank.key.expression}, ${rank.id}) ${beyond} (${parameters.add(
                rank.key.at(number, text),
                rank.key.type,
              )}, ${id})`
            : `${rank.id} ${beyond} ${id}`,
        );
      }
      const found = await queryRows<
        Row & { sort_rank: number; sort_number: number; sort_text: string }
      >(
        this.manager,
        `SELECT run.*, ${rank.rank} AS sort_rank, ${rank.number} AS sort_number,
                ${rank.text} AS sort_text
         FROM ${rank.from} ${conditions.map((condition) => `AND ${condition}`).join(' ')}
         ORDER BY ${rank.key ? `${rank.key.expression} ${direction}, ` : ''}${rank.id} ${direction}
         LIMIT ${parameters.add(wanted, 'integer')}`,
        parameters.values,
      );
      for (const { sort_rank, sort_number, sort_text, ...row } of found)
        rows.push({ ...row, list_key: encodeSortKey(sort_rank, sort_number, sort_text) });
    }
    return this.pageOf(rows, query.limit);
  }

  private pageOf(rows: Array<Row & { list_key: string }>, limit: number): SimulationPage {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: this.simulationRows.all(page),
      next:
        rows.length > limit
          ? { key: last.list_key, simulationId: last.simulation_id as number }
          : null,
    };
  }

  /**
   * How many simulations a list's filters match: exactly while that is at
   * most EXACT_TOTAL_UP_TO (EXACT_PROBED_TOTAL_UP_TO for a filter on run
   * data; a bounded walk), otherwise the planner's estimate from the table's
   * statistics, marked as one. The estimate comes first: where it is far past
   * the bound, nothing is counted at all, so a filter matching millions costs
   * what one matching dozens does.
   */
  async total(filter: ListFilter): Promise<SimulationTotal> {
    const { where, parameters } = listFilter(filter);
    const upTo =
      filter.filter !== undefined && filterProbesRunData(filter.filter)
        ? EXACT_PROBED_TOTAL_UP_TO
        : EXACT_TOTAL_UP_TO;
    const matching = `FROM simulations AS run ${where ? `WHERE ${where}` : ''}`;
    const [plan] = await queryRows<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
      this.manager,
      `EXPLAIN (FORMAT JSON) SELECT 1 ${matching}`,
      parameters,
    );
    const estimate = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
    // Statistics are not that wrong: counting would walk the bound for nothing.
    if (estimate > 2 * upTo) return { count: estimate, exact: false };
    const [{ n }] = await queryRows<{ n: number }>(
      this.manager,
      `SELECT count(*)::int AS n FROM (SELECT 1 ${matching} LIMIT ${upTo + 1}) AS bounded`,
      parameters,
    );
    if (n <= upTo) return { count: n, exact: true };
    // Never below what was just counted: the statistics may lag a growing table.
    return { count: Math.max(estimate, upTo + 1), exact: false };
  }

  /**
   * Inserts a pending simulation. A client-chosen id that is taken is a
   * conflict; a generated id that turns out taken is drawn again, past it.
   */
  async insert(input: NewSimulation, manager: EntityManager = this.manager): Promise<Simulation> {
    try {
      const simulation =
        input.simulationId === undefined
          ? await this.insertWithGeneratedId(input, manager)
          : await this.insertWithChosenId({ ...input, simulationId: input.simulationId }, manager);
      await insertRunData(manager, [{ ...input, simulationId: simulation.simulationId }]);
      return simulation;
    } catch (error) {
      if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
        throw DomainError.notFound(`machine ${input.machineId} not found`);
      }
      throw noIdLeftOr(error);
    }
  }

  /**
   * Inserts every simulation in one statement per kind of id (generated,
   * chosen) and answers them in input order. A chosen id already taken is a
   * 409 naming each such input by its index; a drawn id that turns out taken
   * (rows restored or imported) is drawn again the way a single insert does.
   * Chosen ids must be distinct (the caller checks): one statement cannot
   * tell two inputs with one id apart.
   */
  async insertMany(
    createdBy: string,
    inputs: Array<Omit<NewSimulation, 'createdBy'>>,
    manager: EntityManager,
  ): Promise<Simulation[]> {
    const inserted = new Array<Simulation | undefined>(inputs.length);
    const generated = inputs.flatMap((input, index) =>
      input.simulationId === undefined ? [{ input, index }] : [],
    );
    const chosen = inputs.flatMap((input, index) =>
      input.simulationId === undefined ? [] : [{ input, index }],
    );
    try {
      if (generated.length) {
        const rows = await this.insertRows(
          generated.map(({ input }) => input),
          `nextval('simulations_simulation_id_seq')`,
          createdBy,
          manager,
        );
        for (const [position, row] of rows.entries()) {
          const { input, index } = generated[position];
          inserted[index] =
            row ?? (await this.insertWithGeneratedId({ ...input, createdBy }, manager));
        }
      }
      if (chosen.length) {
        const rows = await this.insertRows(
          chosen.map(({ input }) => input),
          'input.simulation_id',
          createdBy,
          manager,
        );
        const taken = chosen.filter((_, position) => !rows[position]);
        if (taken.length)
          throw DomainError.conflict(
            summarizeProblems(
              taken.map(
                ({ input, index }) =>
                  `simulations[${index}]: simulation ${input.simulationId} already exists`,
              ),
            ),
          );
        rows.forEach((row, position) => (inserted[chosen[position].index] = row!));
      }
      await insertRunData(
        manager,
        inputs.map((input, index) => ({ ...input, simulationId: inserted[index]!.simulationId })),
      );
    } catch (error) {
      if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
        throw DomainError.notFound(`a machine of this batch was deleted while it was created`);
      }
      throw noIdLeftOr(error);
    }
    return inserted as Simulation[];
  }

  /**
   * One multi-row INSERT … ON CONFLICT DO NOTHING; answers, per input in
   * order, its row, or undefined where its id was taken.
   */
  private async insertRows(
    inputs: Array<Omit<NewSimulation, 'createdBy'>>,
    idExpression: string,
    createdBy: string,
    manager: EntityManager,
  ): Promise<Array<Simulation | undefined>> {
    const stored = inputs.map(storedDefaults);
    const rows = await queryRows<Row & { ord: string; inserted: boolean }>(
      manager,
      // Ids are drawn from the rows in the order sent, so a batch numbers its
      // items the way as many single creates in a row would.
      `WITH input AS (
         SELECT ${idExpression} AS id, input.*
         FROM (
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::jsonb[], $7::text[], $8::int[])
             WITH ORDINALITY AS given(simulation_id, name, machine_id, attempt_budget, emulation, program, project_id, ord)
           ORDER BY ord
         ) AS input
       ),
       inserted AS (
         ${insertSimulations(
           `SELECT id, name, machine_id, attempt_budget, attempt_budget, $6, emulation, program, project_id FROM input ORDER BY ord`,
         )}
       )
       SELECT input.ord, inserted.simulation_id IS NOT NULL AS inserted, inserted.*
       FROM input LEFT JOIN inserted ON inserted.simulation_id = input.id ORDER BY input.ord`,
      [
        inputs.map((input) => input.simulationId ?? null),
        inputs.map((input) => input.name),
        inputs.map((input) => input.machineId),
        stored.map((values) => values.attemptBudget),
        stored.map((values) => values.emulation),
        createdBy,
        stored.map((values) => values.program),
        stored.map((values) => values.projectId),
      ],
    );
    return rows.map((row) => (row.inserted ? this.simulationRows.one(row) : undefined));
  }

  private async insertWithChosenId(
    input: NewSimulation & { simulationId: number },
    manager: EntityManager,
  ): Promise<Simulation> {
    const { attemptBudget, emulation, program, projectId } = storedDefaults(input);
    const rows = await queryRows<Row>(
      manager,
      insertSimulations(`VALUES ($1, $2, $3, $4, $4, $5, $6::jsonb, $7, $8)`),
      [
        input.simulationId,
        input.name,
        input.machineId,
        attemptBudget,
        input.createdBy ?? null,
        emulation,
        program,
        projectId,
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
    const { attemptBudget, emulation, program, projectId } = storedDefaults(input);
    for (let skip = 0; skip < MAX_RUNS_SKIPPED; skip++) {
      const [row] = await queryRows<Row & { drawn_id: number }>(
        manager,
        `WITH drawn AS (SELECT nextval('simulations_simulation_id_seq') AS id),
         inserted AS (${insertSimulations(`SELECT id, $1, $2, $3, $3, $4, $5::jsonb, $6, $7 FROM drawn`)})
         SELECT (SELECT id FROM drawn) AS drawn_id, inserted.* FROM (SELECT) AS one LEFT JOIN inserted ON true`,
        [
          input.name,
          input.machineId,
          attemptBudget,
          input.createdBy ?? null,
          emulation,
          program,
          projectId,
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
   * into the queue. External runs are not: their clients start them.
   */
  async listPending(
    unchangedSince: Date,
    limit: number,
  ): Promise<Array<AttemptRef & { machineId: number }>> {
    const rows = await queryRows<{ simulation_id: number; machine_id: number; attempt: number }>(
      this.manager,
      `SELECT simulation_id, machine_id, attempt FROM simulations
       WHERE status = ${lit(Pending)} AND update_date < $1 AND program <> ${lit(Program.External)}
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
   * Pending simulations `creator` has, this transaction's own inserts
   * included, counted up to `countedUpTo` under that creator's
   * transaction-scoped lock (migration PendingCapCheck). Called last before
   * COMMIT: concurrent creates by one client queue only for this count and
   * the commit, and a cap checked with it cannot be overshot by a burst.
   */
  async countPendingByCreatorLocked(
    creator: string,
    countedUpTo: number,
    manager: EntityManager,
  ): Promise<number> {
    const rows = await queryRows<{ pending: number }>(
      manager,
      `SELECT pending_simulations_of_locked($1, $2) AS pending`,
      [creator, countedUpTo],
    );
    return rows[0].pending;
  }

  /** countPendingByCreatorLocked, for a project: its pending runs, under the project's lock. */
  async countPendingInProjectLocked(
    projectId: number,
    countedUpTo: number,
    manager: EntityManager,
  ): Promise<number> {
    const rows = await queryRows<{ pending: number }>(
      manager,
      `SELECT pending_simulations_in_project_locked($1, $2) AS pending`,
      [projectId, countedUpTo],
    );
    return rows[0].pending;
  }

  /** Every attempt so far, oldest first. */
  async listAttempts(simulationId: number): Promise<SimulationAttempt[]> {
    const rows = await preparedRows<Row>(this.manager, STATEMENTS.listAttempts, [simulationId]);
    return this.attemptRows.all(rows);
  }
}

type ListFilter = Pick<SimulationListQuery, 'status' | 'machineId' | 'projectIds' | 'filter'>;

/**
 * The WHERE of a list's filters (on simulations aliased `run`), with its
 * parameters; statuses, ids and everything a filter holds only ever as parameters.
 * For a list in creation order, also the join of the equality that leads
 * it, if the filter has one (creationOrderLead).
 */
function listFilter(
  filter: ListFilter,
  inCreationOrder = false,
): { where: string; parameters: unknown[]; lead?: string } {
  const conditions: string[] = [];
  const parameters = new SqlParameters();
  if (filter.status !== undefined)
    conditions.push(`run.status = ${parameters.add(filter.status, 'text')}`);
  if (filter.machineId !== undefined)
    conditions.push(`run.machine_id = ${parameters.add(filter.machineId, 'integer')}`);
  // One project is an equality its indexes lead with; several, a set its rows are checked against.
  if (filter.projectIds?.length === 1)
    conditions.push(`run.project_id = ${parameters.add(filter.projectIds[0], 'integer')}`);
  else if (filter.projectIds !== undefined)
    conditions.push(`run.project_id = ANY(${parameters.add([...filter.projectIds], 'integer[]')})`);
  if (filter.filter === undefined)
    return { where: conditions.join(' AND '), parameters: parameters.values };
  const lead = inCreationOrder ? creationOrderLead(filter.filter, parameters) : null;
  if (!lead) conditions.push(filterCondition(filter.filter, parameters));
  else if (lead.rest) conditions.push(lead.rest);
  return { where: conditions.join(' AND '), parameters: parameters.values, lead: lead?.join };
}

/**
 * The id sequence drawn to its end: every id up to 2⁵³−1 handed out, which
 * takes a client choosing one at the top and something moving the sequence
 * there (an import once did). Creating with a chosen id still works, so it is
 * said, as a 503, rather than failing every create with a 500.
 */
function noIdLeftOr(error: unknown): unknown {
  if (postgresErrorCode(error) !== PG_SEQUENCE_EXHAUSTED) return error;
  return DomainError.unavailable(
    'no simulation id is left to generate (the id sequence is at its maximum); ' +
      'create with a chosen simulation_id, or ask an operator to reset the sequence',
  );
}
