/**
 * Scenario 10, history at scale: the same requests against a database of
 * 10,000 simulations and one of 10,000,000 (each with its attempt and a
 * ten-point curve, seeded in SQL), side by side in one run. Lists in every
 * order, a filtered one, a page 1,000 pages deep by cursor, one simulation,
 * the machines; the worker's recovery queries; curve writes while a month of
 * history expires; what a stored point costs on disk.
 */
import { addDays, CurveReadRepository, ensureCurvePartitions, postgresOptions } from '@app/domain';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import {
  bytesPerPoint,
  CurveWriteLoad,
  expireHistory,
  HISTORY_ACTIVE,
  HISTORY_DAYS,
  HISTORY_LARGE,
  HISTORY_RETENTION_DAYS,
  HISTORY_SMALL,
  type LatencySummary,
  QUIET_DAY,
  QUIET_DAYS,
  recoveryQueries,
  runningIds,
  seedHistory,
  timeCalls,
} from './lib/history';
import { median, type BenchRow, type PairOutcome, type Side } from './lib/load';
import type { MeasuredProcess } from './lib/processes';

export interface HistoryContext {
  serverUrl: string;
  ensureDatabase: (serverUrl: string, name: string) => Promise<string>;
  dropDatabase: (serverUrl: string, name: string) => Promise<void>;
  startApi: (
    name: string,
    databaseUrl: string,
  ) => Promise<{ url: string; process: MeasuredProcess }>;
  pair: (a: Side, b: Side) => Promise<PairOutcome>;
  describe: (outcome: PairOutcome) => string;
  /** Points the pairs' settling at this database (the one under load). */
  settleOn: (db: DataSource) => void;
  authorization: string;
  /** A viewer of the project `team` alone (issue 34). */
  teamAuthorization: string;
  log: (line?: string) => void;
}

interface Size {
  label: string;
  simulations: number;
  quietDays: number;
  db: DataSource;
  url: string;
  process: MeasuredProcess;
  deepCursor: string;
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
const randomInt = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));
const LIST_TARGET = 'p50 ≤ 1.5×, p99 ≤ 2×, req/s ≥ 0.7×';
const DEEP_PAGES = 1_000;
const TEAM_SHARE_LARGE = 'every hundredth';
const DEEP_LIMIT = 10;

export async function historyScenario(
  context: HistoryContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const { log } = context;
  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};
  const sizes: Size[] = [];
  try {
    for (const simulations of [HISTORY_LARGE, HISTORY_SMALL]) {
      const label = simulations.toLocaleString('en');
      log(`\n10. history: seeding ${label} simulations over ${HISTORY_DAYS} days …`);
      const url = await context.ensureDatabase(
        context.serverUrl,
        `aisimulation_history_${simulations}`,
      );
      const db = new DataSource(postgresOptions({ url, poolSize: 4 }));
      await db.initialize();
      await db.runMigrations();
      const started = performance.now();
      const quietDays = simulations === HISTORY_SMALL ? 0 : QUIET_DAYS;
      await seedHistory(db, simulations, log, quietDays);
      log(`    seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const api = await context.startApi(`api-history-${simulations}`, url);
      sizes.push({ label, simulations, quietDays, db, ...api, deepCursor: '' });
    }
    const [large, small] = sizes;
    for (const size of sizes) size.deepCursor = await cursorDeep(size, context.authorization);

    const side = (size: Size, path: () => string): Side => ({
      name: `${size.label} simulations`,
      url: size.url,
      request: { path, headers: { authorization: context.authorization } },
      process: size.process,
    });
    const compare = async (
      label: string,
      path: (size: Size) => () => string,
      sideOf: (size: Size, path: () => string) => Side = side,
    ) => {
      log(`\n10. ${label}: ${large.label} vs ${small.label} simulations`);
      context.settleOn(large.db);
      const outcome = await context.pair(sideOf(large, path(large)), sideOf(small, path(small)));
      const p50Ratio = ratio(outcome.a.p50, outcome.b.p50);
      log(`   ${context.describe(outcome)}`);
      rows.push({
        scenario: `10. ${label}`,
        a: `${large.label} simulations`,
        b: `${small.label}`,
        figures: context.describe(outcome),
        ratio: `p50 ${p50Ratio}×, p99 ${outcome.p99Ratio}×, ${outcome.rpsRatio}× req/s`,
        target: LIST_TARGET,
        holds: p50Ratio <= 1.5 && outcome.p99Ratio <= 2 && outcome.rpsRatio >= 0.7,
      });
      return outcome;
    };

    const lists: Record<string, PairOutcome> = {};
    for (const orderBy of ['name', 'creation_date', 'update_date']) {
      for (const order of ['asc', 'desc']) {
        const path = `/simulations?order_by=${orderBy}&order=${order}&limit=50`;
        lists[path] = await compare(`\`GET ${path}\``, () => () => path);
      }
    }
    // A page both sizes fill, so both answer the same work: at 10 k the filter matches 35 runs
    // (a machine's 500, 7 % of them failed), and a page of 50 there was a smaller answer.
    const filtered =
      '/simulations?machine_id=7&status=failed&order_by=update_date&order=desc&limit=25';
    lists[filtered] = await compare(`\`GET ${filtered}\``, () => () => filtered);
    const deep = `/simulations?order_by=creation_date&order=desc&limit=${DEEP_LIMIT}`;
    lists.deep = await compare(
      `\`GET ${deep}&cursor=…\`, ${DEEP_PAGES.toLocaleString('en')} pages deep`,
      (size) => () => `${deep}&cursor=${encodeURIComponent(size.deepCursor)}`,
    );
    lists.one = await compare(
      '`GET /simulation/{id}`',
      (size) => () => `/simulation/${randomInt(1, size.simulations)}`,
    );
    lists.machines = await compare('`GET /machines`', () => () => '/machines');
    results.lists = lists;

    results.totals = await totalsRow(large, context.authorization, rows, log);

    // Issue 34: one team's project among them, listed by a token scoped to it alone: 100,000
    // runs (every hundredth, spread over the whole history) at 10 M, all 10,000 at 10 k.
    log(`\n10. one project's runs: ${TEAM_SHARE_LARGE} of ${large.label}, all of ${small.label}`);
    await putInTeam(large.db, 100);
    await putInTeam(small.db, 1);
    const inTeam = (size: Size, path: () => string): Side => ({
      ...side(size, path),
      request: { path, headers: { authorization: context.teamAuthorization } },
    });
    const team: Record<string, PairOutcome> = {};
    for (const orderBy of ['name', 'creation_date', 'update_date']) {
      const path = `/simulations?order_by=${orderBy}&order=desc&limit=50`;
      team[path] = await compare(`\`GET ${path}\` in one project`, () => () => path, inTeam);
    }
    const teamSearch = `/simulations?filter=${encodeURIComponent('status = "failed" AND machine_id = 7')}&order_by=update_date&order=desc&limit=50`;
    team.search = await compare(
      '`GET /simulations?filter=status = "failed" AND machine_id = 7` in one project',
      () => () => teamSearch,
      inTeam,
    );
    results.project = team;

    log(`\n10. the worker's recovery queries, ${large.label} vs ${small.label} simulations`);
    const recovery: Record<string, [LatencySummary, LatencySummary]> = {};
    for (const name of ['sweeper', 'reconciler'] as const) {
      const measured = await Promise.all(
        [large, small].map(async (size) => {
          const queries = recoveryQueries(size.db);
          await timeCalls(50, queries[name]);
          return timeCalls(500, queries[name]);
        }),
      );
      recovery[name] = [measured[0], measured[1]];
      const p50Ratio = ratio(measured[0].p50, measured[1].p50);
      const p99Ratio = ratio(measured[0].p99, measured[1].p99);
      const figures = `p50 ${measured[0].p50} / ${measured[1].p50} ms; p99 ${measured[0].p99} / ${measured[1].p99} ms`;
      log(`   ${name}: ${figures}`);
      rows.push({
        scenario: `10. the ${name === 'sweeper' ? 'lost-run sweeper' : 'pending reconciler'}'s query (500 in a row)`,
        a: `${large.label} simulations`,
        b: small.label,
        figures,
        ratio: `p50 ${p50Ratio}×, p99 ${p99Ratio}×`,
        target: 'p50 ≤ 1.5×, p99 ≤ 2×',
        holds: p50Ratio <= 1.5 && p99Ratio <= 2,
      });
    }
    results.recovery = recovery;

    const storage = await bytesPerPoint(large.db);
    const [{ simulationBytes }] = await large.db.query(
      `SELECT (pg_total_relation_size('simulations') + pg_total_relation_size('simulation_attempts'))::float8
              / (SELECT count(*) FROM simulations) AS "simulationBytes"`,
    );
    const perPoint = storage.bytes / storage.points;
    const tenMillionGb = (10_000_000 * (10 * perPoint + simulationBytes)) / 2 ** 30;

    // Same-size days first, one at a time at each size in turn and nothing
    // else running, so the two sides differ in history alone; the busy days
    // then expire under the curve-write load.
    log(`\n10. expiring ${QUIET_DAYS} days of ${QUIET_DAY} simulations at each size, in turn`);
    const quiet: Array<{ day: string; ms: number }> = [];
    const sameSizeAtSmall: Array<{ day: string; ms: number }> = [];
    for (let k = 0; k < QUIET_DAYS; k++) {
      quiet.push(...(await expireHistory(large.db, 1)));
      sameSizeAtSmall.push(...(await expireHistory(small.db, 1)));
    }
    const medianMs = (days: Array<{ ms: number }>) =>
      Number(median(days.map((d) => d.ms)).toFixed(1));
    const expiryRatio = ratio(medianMs(quiet), medianMs(sameSizeAtSmall));

    const [{ today }] = await large.db.query(
      `SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`,
    );
    const dueAtSmall = HISTORY_DAYS - HISTORY_RETENTION_DAYS - QUIET_DAYS;
    log(
      `\n10. curve writes (${HISTORY_ACTIVE.running} runs, a point each per statement) idle, then while ` +
        `${HISTORY_DAYS - HISTORY_RETENTION_DAYS} days expire at ${large.label} and ` +
        `${dueAtSmall} at ${small.label}`,
    );
    const writes = new CurveWriteLoad(
      large.db,
      runningIds(large.simulations, large.quietDays),
      today,
    );
    const idle = await writes.run(Promise.resolve(), 10_000);
    const expiring = expireHistory(large.db).then(async (busy) => ({
      busy,
      atSmall: await expireHistory(small.db),
    }));
    const during = await writes.run(expiring, 10_000);
    const { busy, atSmall } = await expiring;
    const writeRatio = ratio(during.p99, idle.p99);
    const writeFigures = `p99 ${during.p99} ms during vs ${idle.p99} ms idle; p50 ${during.p50} / ${idle.p50} ms`;
    log(`   ${writeFigures}`);
    rows.push({
      scenario: `10. curve writes while ${busy.length + atSmall.length} days of history expire`,
      a: 'during expiry',
      b: 'idle',
      figures: writeFigures,
      ratio: `p99 ${writeRatio}×`,
      target: 'p99 ≤ 1.5×',
      holds: writeRatio <= 1.5,
    });
    const perBusyDay = Math.round(large.simulations / HISTORY_DAYS).toLocaleString('en');
    const expiryFigures =
      `median ${medianMs(quiet)} ms per day of ${QUIET_DAY} simulations at ${large.label} vs ` +
      `${medianMs(sameSizeAtSmall)} ms at ${small.label}, both idle; a day of ${perBusyDay} simulations ` +
      `(${(Math.round(large.simulations / HISTORY_DAYS) * 10).toLocaleString('en')} points) ` +
      `under the write load: ${medianMs(busy)} ms`;
    log(`   expiry: ${expiryFigures}`);
    rows.push({
      scenario: "10. expiring one day's curves (its partitions dropped)",
      a: `${large.label} simulations`,
      b: small.label,
      figures: expiryFigures,
      ratio: `${expiryRatio}× (same-size days)`,
      target: 'the same (≤ 1.5×)',
      holds: expiryRatio <= 1.5,
    });
    rows.push(await manyPartitionsRow(small, today, log));

    const storageFigures =
      `${perPoint.toFixed(1)} bytes per point (points, summary cells, indexes); ` +
      `${simulationBytes.toFixed(0)} bytes per simulation with its attempt; ` +
      `10,000,000 simulations of 10 points: ${tenMillionGb.toFixed(1)} GiB`;
    log(`   storage: ${storageFigures}`);
    rows.push({
      scenario: '10. disk per stored curve point',
      a: `${large.label} simulations`,
      b: '—',
      figures: storageFigures,
      ratio: '—',
      target: 'reported',
      holds: true,
    });
    results.writes = { idle, during };
    results.expiry = {
      sameSize: { large: quiet, small: sameSizeAtSmall },
      busy: { large: busy, small: atSmall },
    };
    results.storage = { ...storage, perPoint, simulationBytes, tenMillionGb };
  } finally {
    await Promise.all(sizes.map((size) => size.process.stop()));
    await Promise.all(sizes.map((size) => size.db.destroy()));
    // Tens of gigabytes the later scenarios would otherwise share the server's cache and
    // checkpoints with: what they measure after this one is then what they measure alone.
    for (const simulations of [HISTORY_LARGE, HISTORY_SMALL])
      await context.dropDatabase(context.serverUrl, `aisimulation_history_${simulations}`);
  }
  return { rows, results };
}

/**
 * History kept for years without retention: 1,000 more day partitions, and
 * what the curve statements cost before and after (every one names its day,
 * so Postgres plans that partition alone).
 */
async function manyPartitionsRow(size: Size, today: string, log: (line?: string) => void) {
  const reads = new CurveReadRepository(size.db.manager);
  const writes = new CurveWriteLoad(size.db, runningIds(size.simulations, size.quietDays), today);
  // A simulation of yesterday's, whose curve retention left.
  const probe = size.simulations;
  const measure = async () => {
    const write = await writes.run(Promise.resolve(), 8_000);
    const read = await timeCalls(500, async () => {
      const window = await reads.window(probe, 0, Number.POSITIVE_INFINITY);
      if (!window?.first) throw new Error(`simulation ${probe} has no curve to read`);
      await reads.page(window.ref, 0, Number.POSITIVE_INFINITY, 10, true);
    });
    const [{ partitions }] = await size.db.query(
      `SELECT count(*)::int AS partitions FROM pg_inherits WHERE inhparent = 'convergence_points'::regclass`,
    );
    return { write, read, partitions };
  };
  const before = await measure();
  await size.db.transaction((manager) =>
    ensureCurvePartitions(
      (text, params) => manager.query(text, params),
      Array.from({ length: 1_000 }, (_, k) => addDays(today, -HISTORY_DAYS - 100 - k)),
    ),
  );
  const after = await measure();
  const figures =
    `curve write p50 ${after.write.p50} / ${before.write.p50} ms, p99 ${after.write.p99} / ${before.write.p99} ms; ` +
    `whole-curve read p50 ${after.read.p50} / ${before.read.p50} ms, p99 ${after.read.p99} / ${before.read.p99} ms`;
  log(
    `\n10. curve statements at ${after.partitions} vs ${before.partitions} day partitions: ${figures}`,
  );
  const writeRatio = ratio(after.write.p50, before.write.p50);
  const readRatio = ratio(after.read.p50, before.read.p50);
  return {
    scenario: '10. curve writes and reads with 1,000 more day partitions (years kept)',
    a: `${after.partitions} partitions`,
    b: `${before.partitions}`,
    figures,
    ratio: `write p50 ${writeRatio}×, read p50 ${readRatio}×`,
    target: 'p50 ≤ 1.5×',
    holds: writeRatio <= 1.5 && readRatio <= 1.5,
  };
}

/** Follows X-Next-Cursor DEEP_PAGES times; the cursor of the page that deep. */
async function cursorDeep(size: Size, authorization: string): Promise<string> {
  let cursor = '';
  for (let page = 0; page < DEEP_PAGES; page++) {
    const query = `order_by=creation_date&order=desc&limit=${DEEP_LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${size.url}/simulations?${query}`, {
      headers: { authorization },
    });
    const next = response.headers.get('x-next-cursor');
    if (!response.ok || !next) {
      throw new Error(
        `page ${page + 1} of ${size.label} simulations: ${response.status}, no next cursor`,
      );
    }
    cursor = next;
  }
  return cursor;
}

/** Whether the totals the API reports at the large size are within 1 % or say they are estimates. */
async function totalsRow(
  size: Size,
  authorization: string,
  rows: BenchRow[],
  log: (line?: string) => void,
) {
  const cases = [
    { path: '/simulations?limit=1', where: 'true' },
    { path: '/simulations?limit=1&status=failed', where: `status = 'failed'` },
    {
      path: '/simulations?limit=1&machine_id=7&status=cancelled',
      where: `machine_id = 7 AND status = 'cancelled'`,
    },
  ];
  const checked = [];
  for (const { path, where } of cases) {
    const response = await fetch(`${size.url}${path}`, { headers: { authorization } });
    const reported = Number(response.headers.get('x-total-count'));
    const exact = response.headers.get('x-total-count-exact') === 'true';
    const [{ truth }] = await size.db.query(
      `SELECT count(*)::float8 AS truth FROM simulations WHERE ${where}`,
    );
    const error = Math.abs(reported - truth) / truth;
    checked.push({ path, reported, exact, truth, error, fine: exact ? reported === truth : true });
  }
  const figures = checked
    .map(
      (c) =>
        `${c.path.replace('/simulations?limit=1', '') || 'all'}: ${c.reported.toLocaleString('en')} ` +
        `(${c.exact ? 'exact' : `estimate, ${(c.error * 100).toFixed(2)} % off`}) of ${c.truth.toLocaleString('en')}`,
    )
    .join('; ');
  log(`\n10. totals: ${figures}`);
  rows.push({
    scenario: `10. X-Total-Count at ${size.label} simulations`,
    a: 'API',
    b: 'count(*)',
    figures,
    ratio: '—',
    target: 'within 1 %, or marked an estimate',
    // An exact total must be the truth; an estimate says it is one (its error is shown).
    holds: checked.every((c) => c.fine),
  });
  return checked;
}

/** Puts every `every`-th run into the project `team` (made here), as a team's share of history. */
async function putInTeam(db: DataSource, every: number): Promise<void> {
  const [{ project_id: team }] = await db.query(
    `INSERT INTO projects (name) VALUES ('team') RETURNING project_id`,
  );
  await db.query(`UPDATE simulations SET project_id = $1 WHERE simulation_id % $2 = 0`, [
    team,
    every,
  ]);
  await db.query(`ANALYZE simulations`);
}
