import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { preparedRows, queryRows } from '../database/query-rows';
import { DomainError, summarizeProblems } from '../errors/domain-error';
import type { ListColumn, RunDataField } from '../search/columns';
import type { RunParams, RunTags } from './run-data';
import { RUN_DATA_LIMITS } from './run-keys';

/** One run's params and tags, as given at its creation. */
export interface RunDataInput {
  simulationId: number;
  params?: RunParams;
  tags?: RunTags;
}

/** A metric's summary over one attempt, as `GET /simulation/{id}/metrics` lists it. */
export interface RunMetricSummary {
  name: string;
  count: number;
  last: number;
  lastSeconds: number;
  min: number;
  minSeconds: number;
  max: number;
  /** The steps the run gave with the last point and the minimum; null where it gave none. */
  lastStep: number | null;
  minStep: number | null;
  /** Every point gave a step and none went back: the metric can be sampled by step. */
  byStep: boolean;
}

/** run_metrics' columns as a RunMetricSummary, for a table aliased `m` (steps are safe integers: JSON numbers). */
const SUMMARY_COLUMNS = `m.name, m.count, m.last_value AS last, m.last_seconds AS "lastSeconds",
  m.min_value AS min, m.min_seconds AS "minSeconds", m.max_value AS max,
  m.last_step::float8 AS "lastStep", m.min_step::float8 AS "minStep", m.by_step AS "byStep"`;

/** A run's params and tags as two JSON objects (NULL for none), for the run whose id is `id`. */
const paramsAndTagsOfRun = (id: string) => `
  (SELECT jsonb_object_agg(key, COALESCE(to_jsonb(number), to_jsonb(text), to_jsonb(flag)))
   FROM run_params WHERE simulation_id = ${id}) AS params,
  (SELECT jsonb_object_agg(key, value) FROM run_tags WHERE simulation_id = ${id}) AS tags`;

/**
 * Writes the params and tags of newly inserted runs, in the caller's
 * transaction: one statement per table however many runs. Params go to the
 * column of their type. Each row carries its run's creation date: a list in
 * creation order walks an equality's index in that order (migration
 * RunDataInCreationOrder).
 */
export async function insertRunData(
  manager: EntityManager,
  runs: readonly RunDataInput[],
): Promise<void> {
  const params = runs.flatMap(({ simulationId, params }) =>
    Object.entries(params ?? {}).map(([key, value]) => ({ simulationId, key, value })),
  );
  if (params.length)
    await queryRows(
      manager,
      `INSERT INTO run_params (simulation_id, key, number, text, flag, creation_date)
       SELECT given.*, run.creation_date
       FROM unnest($1::bigint[], $2::text[], $3::double precision[], $4::text[], $5::boolean[])
         AS given (simulation_id, key, number, text, flag)
       JOIN simulations AS run USING (simulation_id)`,
      [
        params.map((p) => p.simulationId),
        params.map((p) => p.key),
        params.map((p) => (typeof p.value === 'number' ? p.value : null)),
        params.map((p) => (typeof p.value === 'string' ? p.value : null)),
        params.map((p) => (typeof p.value === 'boolean' ? p.value : null)),
      ],
    );
  const tags = runs.flatMap(({ simulationId, tags }) =>
    Object.entries(tags ?? {}).map(([key, value]) => ({ simulationId, key, value })),
  );
  if (tags.length)
    await queryRows(
      manager,
      `INSERT INTO run_tags (simulation_id, key, value, creation_date)
       SELECT given.*, run.creation_date
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS given (simulation_id, key, value)
       JOIN simulations AS run USING (simulation_id)`,
      [tags.map((t) => t.simulationId), tags.map((t) => t.key), tags.map((t) => t.value)],
    );
}

@Injectable()
export class RunDataRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** A run's params and tags, in one round trip; each {} when it has none. */
  async paramsAndTagsOf(simulationId: number): Promise<{ params: RunParams; tags: RunTags }> {
    const [row] = await preparedRows<{ params: RunParams | null; tags: RunTags | null }>(
      this.manager,
      `SELECT ${paramsAndTagsOfRun('$1')}`,
      [simulationId],
    );
    return { params: row.params ?? {}, tags: row.tags ?? {} };
  }

  async tagsOf(simulationId: number, manager: EntityManager = this.manager): Promise<RunTags> {
    const rows = await queryRows<{ key: string; value: string }>(
      manager,
      `SELECT key, value FROM run_tags WHERE simulation_id = $1 ORDER BY key`,
      [simulationId],
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  /**
   * For each run, the value of each column (a param with its type, a tag, a
   * summary of a metric of its current attempt), null where the run has
   * none: one statement per kind of column, whatever the page's size.
   */
  async columnValues(
    simulationIds: readonly number[],
    columns: readonly ListColumn[],
  ): Promise<Map<number, Record<string, number | string | boolean | null>>> {
    const values = new Map(
      simulationIds.map((id) => [
        id,
        Object.fromEntries(columns.map(({ label }) => [label, null])) as Record<
          string,
          number | string | boolean | null
        >,
      ]),
    );
    const of = (kind: RunDataField['kind']) => columns.filter(({ field }) => field.kind === kind);
    const keysOf = (wanted: ListColumn[]) => [
      ...new Set(wanted.map(({ field }) => (field as { key: string }).key)),
    ];
    const params = of('param');
    if (params.length) {
      const rows = await queryRows<{
        simulation_id: number;
        key: string;
        number: number | null;
        text: string | null;
        flag: boolean | null;
      }>(
        this.manager,
        `SELECT simulation_id, key, number, text, flag FROM run_params
         WHERE simulation_id = ANY($1::bigint[]) AND key = ANY($2::text[])`,
        [simulationIds, keysOf(params)],
      );
      for (const row of rows)
        for (const { label, field } of params)
          if (field.key === row.key)
            values.get(Number(row.simulation_id))![label] = row.number ?? row.text ?? row.flag;
    }
    const tags = of('tag');
    if (tags.length) {
      const rows = await queryRows<{ simulation_id: number; key: string; value: string }>(
        this.manager,
        `SELECT simulation_id, key, value FROM run_tags
         WHERE simulation_id = ANY($1::bigint[]) AND key = ANY($2::text[])`,
        [simulationIds, keysOf(tags)],
      );
      for (const row of rows)
        for (const { label, field } of tags)
          if (field.key === row.key) values.get(Number(row.simulation_id))![label] = row.value;
    }
    const metrics = of('metric');
    if (metrics.length) {
      const rows = await queryRows<
        { simulation_id: number; name: string } & Record<string, number>
      >(
        this.manager,
        `SELECT m.simulation_id, m.name, m.count, m.last_value, m.min_value, m.max_value
         FROM run_metrics m JOIN simulations s
           ON s.simulation_id = m.simulation_id AND s.attempt = m.attempt
         WHERE m.simulation_id = ANY($1::bigint[]) AND m.name = ANY($2::text[])`,
        [simulationIds, keysOf(metrics)],
      );
      for (const row of rows)
        for (const { label, field } of metrics)
          if (field.kind === 'metric' && field.key === row.name)
            values.get(Number(row.simulation_id))![label] = row[field.column];
    }
    return values;
  }

  /** The params and tags of several runs, by id ({} for a run with none). */
  async paramsAndTagsOfMany(
    simulationIds: readonly number[],
  ): Promise<Map<number, { params: RunParams; tags: RunTags }>> {
    const rows = await queryRows<{
      simulation_id: number;
      params: RunParams | null;
      tags: RunTags | null;
    }>(
      this.manager,
      `SELECT id AS simulation_id, ${paramsAndTagsOfRun('id')} FROM unnest($1::bigint[]) AS id`,
      [simulationIds],
    );
    return new Map(
      rows.map((row) => [
        Number(row.simulation_id),
        { params: row.params ?? {}, tags: row.tags ?? {} },
      ]),
    );
  }

  /** The metric summaries of several runs' current attempts, by id. */
  async currentMetricsOfMany(
    simulationIds: readonly number[],
  ): Promise<Map<number, RunMetricSummary[]>> {
    const rows = await queryRows<RunMetricSummary & { simulation_id: number }>(
      this.manager,
      `SELECT m.simulation_id, ${SUMMARY_COLUMNS}
       FROM run_metrics m JOIN simulations s
         ON s.simulation_id = m.simulation_id AND s.attempt = m.attempt
       WHERE m.simulation_id = ANY($1::bigint[])
       ORDER BY m.simulation_id, m.name`,
      [simulationIds],
    );
    const metrics = new Map<number, RunMetricSummary[]>(simulationIds.map((id) => [id, []]));
    for (const { simulation_id, ...summary } of rows)
      metrics.get(Number(simulation_id))!.push(summary);
    return metrics;
  }

  /** The summary of every metric of an attempt, by name. */
  async metricsOf(simulationId: number, attempt: number): Promise<RunMetricSummary[]> {
    return queryRows<RunMetricSummary>(
      this.manager,
      `SELECT ${SUMMARY_COLUMNS}
       FROM run_metrics m WHERE m.simulation_id = $1 AND m.attempt = $2 ORDER BY m.name`,
      [simulationId, attempt],
    );
  }

  /**
   * Sets and removes tags of one run in one transaction, the run's row
   * locked so concurrent changes apply one after the other; answers the tags
   * after the change, or undefined when the run does not exist. The count
   * bound holds after the change.
   */
  async changeTags(
    simulationId: number,
    set: RunTags,
    remove: readonly string[],
    most: number,
  ): Promise<RunTags | undefined> {
    return this.manager.transaction(async (manager) => {
      const [run] = await queryRows(
        manager,
        `SELECT 1 FROM simulations WHERE simulation_id = $1 FOR UPDATE`,
        [simulationId],
      );
      if (!run) return undefined;
      return applyTagChanges(manager, simulationId, set, remove, most);
    });
  }
}

/**
 * Sets and removes tags of a run whose row the caller's transaction holds;
 * answers its tags after. More than `most` after the change is a 400 (the
 * transaction, rolled back, changes nothing).
 */
export async function applyTagChanges(
  manager: EntityManager,
  simulationId: number,
  set: RunTags,
  remove: readonly string[],
  most: number,
): Promise<RunTags> {
  if (remove.length)
    await queryRows(
      manager,
      `DELETE FROM run_tags WHERE simulation_id = $1 AND key = ANY($2::text[])`,
      [simulationId, remove],
    );
  const entries = Object.entries(set);
  if (entries.length)
    await queryRows(
      manager,
      `INSERT INTO run_tags (simulation_id, key, value, creation_date)
       SELECT run.simulation_id, given.*, run.creation_date
       FROM unnest($2::text[], $3::text[]) AS given (key, value)
       JOIN simulations AS run ON run.simulation_id = $1::bigint
       ON CONFLICT (simulation_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [simulationId, entries.map(([key]) => key), entries.map(([, value]) => value)],
    );
  const rows = await queryRows<{ key: string; value: string }>(
    manager,
    `SELECT key, value FROM run_tags WHERE simulation_id = $1 ORDER BY key`,
    [simulationId],
  );
  if (rows.length > most)
    throw DomainError.invalid(
      `tags: the run would have ${rows.length} tags; at most ${most} are accepted (remove some)`,
    );
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/**
 * Adds params to a run whose row the caller's transaction holds. Params are
 * written once: a key given again with the value it has is fine, with
 * another a 409 naming it; more than RUN_DATA_LIMITS.maxParams in all a 400.
 */
export async function writeParamsOnce(
  manager: EntityManager,
  simulationId: number,
  params: RunParams,
): Promise<void> {
  const entries = Object.entries(params);
  if (entries.length === 0) return;
  const stored = await queryRows<{ key: string; value: number | string | boolean }>(
    manager,
    `SELECT key, COALESCE(to_jsonb(number), to_jsonb(text), to_jsonb(flag)) AS value
     FROM run_params WHERE simulation_id = $1`,
    [simulationId],
  );
  const had = new Map(stored.map((row) => [row.key, row.value]));
  const changed = entries.filter(([key, value]) => had.has(key) && had.get(key) !== value);
  if (changed.length)
    throw DomainError.conflict(
      summarizeProblems(
        changed.map(
          ([key, value]) =>
            `params.${key} is already ${JSON.stringify(had.get(key))}; params are written once ` +
            `(${JSON.stringify(value)} was sent)`,
        ),
      ),
    );
  const fresh = entries.filter(([key]) => !had.has(key));
  if (had.size + fresh.length > RUN_DATA_LIMITS.maxParams)
    throw DomainError.invalid(
      `params: the run would have ${had.size + fresh.length} params; at most ${RUN_DATA_LIMITS.maxParams} are accepted`,
    );
  await insertRunData(manager, [{ simulationId, params: Object.fromEntries(fresh) }]);
}
