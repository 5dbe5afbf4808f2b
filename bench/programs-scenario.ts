/**
 * Scenario 13, programs on a machine: a no-op program from create to
 * `finished` against an emulator run of the same length (none), one at a
 * time; 200 programs at once on one worker, each printing a metric record a
 * second, for the worker's heartbeats, leases and event loop; and the time
 * from cancelling 20 programs that ignore SIGTERM to their last process gone.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { processesMatching } from '../test/processes';
import type { BenchRow } from './lib/load';
import { MeasuredProcess } from './lib/processes';
import { p99Between, scrapeLoop } from './lib/worker-scenarios';

const ONE_AT_A_TIME_RUNS = 30;
const CONCURRENT_PROGRAMS = 200;
const TICKS = 20;
const CANCELLED_PROGRAMS = 20;
const KILL_GRACE_SECONDS = 1;

export interface ProgramsContext {
  apiUrl: string;
  db: DataSource;
  dir: string;
  workerScript: string;
  /** The environment every app of the bench gets (database, Redis, logs). */
  environment: NodeJS.ProcessEnv;
  machineId: number;
  operator: string;
  freePort: () => Promise<number>;
  waitForHttp: (url: string, process: MeasuredProcess) => Promise<void>;
  log: (line: string) => void;
}

export async function programsScenario(
  context: ProgramsContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown>; worker: MeasuredProcess }> {
  const { dir, log } = context;
  const scripts = writePrograms(dir);
  const metricsPort = await context.freePort();
  const worker = MeasuredProcess.start(
    'programs-worker',
    context.workerScript,
    {
      ...context.environment,
      MACHINE_ID: String(context.machineId),
      PROGRAMS_FILE: scripts.programsFile,
      RUNS_DIR: path.join(dir, 'runs'),
      WORKER_CONCURRENCY: '1000',
      METRICS_PORT: String(metricsPort),
    },
    path.join(dir, 'programs-worker.log'),
  );
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  await context.waitForHttp(metricsUrl, worker);

  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};

  log('\n13. a no-op program vs an emulator run of no length, create → finished, one at a time');
  const noop = await oneAtATime(context);
  results.noopOverhead = noop;
  log(
    `   p50 ${noop.programP50} vs ${noop.emulatorP50} ms; p99 ${noop.programP99} vs ${noop.emulatorP99} ms`,
  );
  rows.push({
    scenario: '13. a no-op program vs an emulator run of no length, create → finished',
    a: 'program `/bin/true`',
    b: 'emulator, 1 point, no tick',
    figures: `p50 ${noop.programP50} / ${noop.emulatorP50} ms; p99 ${noop.programP99} / ${noop.emulatorP99} ms (${ONE_AT_A_TIME_RUNS} each, one at a time)`,
    ratio: `p50 ${signed(round(noop.programP50 - noop.emulatorP50))} ms`,
    target: 'p50 ≤ +150 ms',
    holds: noop.programP50 - noop.emulatorP50 <= 150,
  });

  log(`\n13. ${CONCURRENT_PROGRAMS} programs at once on one worker, a metric record a second each`);
  const many = await manyAtOnce(context, worker, metricsUrl);
  results.concurrentPrograms = many;
  log(`   ${JSON.stringify(many)}`);
  rows.push({
    scenario: `13. ${CONCURRENT_PROGRAMS} concurrent programs on one worker`,
    a: 'worker',
    b: '—',
    figures:
      `all ${many.finished} finished in ${many.seconds} s, ${many.pointsStored} of ${many.pointsExpected} points stored; ` +
      `late heartbeats ${many.lateHeartbeats}, leases lost ${many.leasesLost}; event-loop p99 ${many.loopDelayP99Ms} ms; peak ${many.workerPeakMb} MB`,
    ratio: '—',
    target: 'no late heartbeat, no lease lost, loop p99 < 50 ms',
    holds:
      many.finished === CONCURRENT_PROGRAMS &&
      many.lateHeartbeats === 0 &&
      many.leasesLost === 0 &&
      many.loopDelayP99Ms < 50,
  });

  log(
    `\n13. cancel → processes gone, ${CANCELLED_PROGRAMS} programs ignoring SIGTERM (grace ${KILL_GRACE_SECONDS} s)`,
  );
  const cancel = await cancelAll(context, scripts.stubborn);
  results.cancelToGone = cancel;
  log(`   ${JSON.stringify(cancel)}`);
  rows.push({
    scenario: `13. cancel → every process gone (${CANCELLED_PROGRAMS} programs ignoring SIGTERM)`,
    a: 'worker',
    b: '—',
    figures: `all gone ${cancel.goneAfterMs} ms after the cancels (grace ${KILL_GRACE_SECONDS} s); all cancelled: ${cancel.allCancelled}`,
    ratio: '—',
    target: `≤ grace + 1 s (${KILL_GRACE_SECONDS + 1} s)`,
    holds: cancel.allCancelled && cancel.goneAfterMs <= (KILL_GRACE_SECONDS + 1) * 1000,
  });
  return { rows, results, worker };
}

function writePrograms(dir: string) {
  // The run user reads the scripts: the bench's directory must let it through.
  chmodSync(dir, 0o711);
  // Perl (in every Debian: perl-base is essential) sleeps without forking; a shell loop forks
  // `sleep` every tick, and 200 of those kept this machine's two cores busy with forks.
  const ticker = path.join(dir, 'ticker.pl');
  writeFileSync(
    ticker,
    [
      '$| = 1;',
      `for my $i (1 .. ${TICKS}) {`,
      '  print qq({"aisim_metrics": {"loss": $i}, "step": $i}\n);',
      '  sleep 1;',
      '}',
    ].join('\n'),
    { mode: 0o644 },
  );
  const stubborn = path.join(dir, 'stubborn.sh');
  writeFileSync(stubborn, "trap '' TERM\nwhile :; do sleep 1; done\n", { mode: 0o644 });
  const programsFile = path.join(dir, 'programs.yaml');
  writeFileSync(
    programsFile,
    [
      'programs:',
      '  noop:',
      '    command: [/bin/true]',
      '  ticker:',
      `    command: [/usr/bin/perl, ${ticker}]`,
      '  stubborn:',
      `    command: [/bin/sh, ${stubborn}]`,
      `    kill_grace_seconds: ${KILL_GRACE_SECONDS}`,
    ].join('\n'),
  );
  return { programsFile, stubborn };
}

/** POST /simulation, as a client creates one run. */
async function create(context: ProgramsContext, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${context.apiUrl}/simulation`, {
    method: 'POST',
    headers: { authorization: context.operator, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

async function createMany(
  context: ProgramsContext,
  count: number,
  program: string,
): Promise<number[]> {
  const response = await fetch(`${context.apiUrl}/simulations/batch`, {
    method: 'POST',
    headers: { authorization: context.operator, 'content-type': 'application/json' },
    body: JSON.stringify({
      simulations: Array.from({ length: count }, (_, i) => ({
        name: `${program} ${i}`,
        machine_id: context.machineId,
        program,
        attempt_budget: 1,
      })),
    }),
  });
  if (response.status !== 201)
    throw new Error(`batch answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { simulations: Array<{ id: number }> }).simulations.map(
    (s) => s.id,
  );
}

async function untilEnded(db: DataSource, ids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ ended }] = await db.query(
      `SELECT count(*)::int AS ended FROM simulations
       WHERE simulation_id = ANY($1::bigint[]) AND status IN ('finished', 'failed', 'cancelled')`,
      [ids],
    );
    if (ended === ids.length) return;
    if (Date.now() > deadline)
      throw new Error(`${ids.length - ended} of ${ids.length} runs did not end in time`);
    await sleep(5);
  }
}

/** Create → finished of each run, by the database's own timestamps; alternating sides. */
async function oneAtATime(context: ProgramsContext) {
  const took = { program: [] as number[], emulator: [] as number[] };
  const machine_id = context.machineId;
  for (let i = 0; i < ONE_AT_A_TIME_RUNS * 2; i++) {
    const side = i % 2 === 0 ? 'program' : 'emulator';
    const body =
      side === 'program'
        ? { name: `noop ${i}`, machine_id, program: 'noop' }
        : { name: `emulated ${i}`, machine_id, emulation: { points: 1, tick_ms: 0 } };
    const id = await create(context, body);
    await untilEnded(context.db, [id], 30_000);
    const [row] = await context.db.query(
      `SELECT status, extract(epoch FROM finished_at - creation_date) * 1000 AS ms FROM simulations WHERE simulation_id = $1`,
      [id],
    );
    if (row.status !== 'finished') throw new Error(`${side} run ${id} ended ${row.status}`);
    took[side].push(Number(row.ms));
  }
  const quantile = (values: number[], q: number) =>
    round(
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))],
    );
  return {
    programP50: quantile(took.program, 0.5),
    emulatorP50: quantile(took.emulator, 0.5),
    programP99: quantile(took.program, 0.99),
    emulatorP99: quantile(took.emulator, 0.99),
    runs: ONE_AT_A_TIME_RUNS,
  };
}

async function manyAtOnce(context: ProgramsContext, worker: MeasuredProcess, metricsUrl: string) {
  const logFrom = worker.logSize();
  worker.resetPeak();
  const started = Date.now();
  const before = await scrapeLoop(metricsUrl);
  const ids = await createMany(context, CONCURRENT_PROGRAMS, 'ticker');
  await untilEnded(context.db, ids, 180_000);
  const after = await scrapeLoop(metricsUrl);
  const [row] = await context.db.query(
    `SELECT count(*) FILTER (WHERE s.status = 'finished' AND s.attempt = 1)::int AS finished,
            (SELECT COALESCE(sum(m.count), 0)::int FROM run_metrics m
             WHERE m.simulation_id = ANY($1::bigint[]) AND m.name = 'loss') AS points
     FROM simulations s WHERE s.simulation_id = ANY($1::bigint[])`,
    [ids],
  );
  return {
    finished: row.finished as number,
    seconds: round((Date.now() - started) / 1000, 1),
    pointsStored: row.points as number,
    pointsExpected: CONCURRENT_PROGRAMS * TICKS,
    lateHeartbeats: worker.logLines(/heartbeat \d+ ms late/, logFrom).length,
    leasesLost: worker.logLines(/is no longer ours/, logFrom).length,
    loopDelayP99Ms: round(p99Between(before.buckets, after.buckets), 1),
    workerPeakMb: Math.round(worker.peakMb()),
  };
}

async function cancelAll(context: ProgramsContext, stubbornScript: string) {
  const ids = await createMany(context, CANCELLED_PROGRAMS, 'stubborn');
  const pattern = new RegExp(stubbornScript.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const deadline = Date.now() + 60_000;
  while (processesMatching(pattern).length < CANCELLED_PROGRAMS) {
    if (Date.now() > deadline) throw new Error('the stubborn programs did not all start');
    await sleep(20);
  }
  const cancelledAt = Date.now();
  await Promise.all(
    ids.map((id) =>
      fetch(`${context.apiUrl}/simulation/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: context.operator },
      }),
    ),
  );
  while (processesMatching(pattern).length > 0) {
    if (Date.now() - cancelledAt > 60_000) throw new Error('the cancelled programs did not go');
    await sleep(5);
  }
  const goneAfterMs = Date.now() - cancelledAt;
  await untilEnded(context.db, ids, 30_000);
  const [{ cancelled }] = await context.db.query(
    `SELECT count(*)::int AS cancelled FROM simulations WHERE simulation_id = ANY($1::bigint[]) AND status = 'cancelled'`,
    [ids],
  );
  return { goneAfterMs, allCancelled: cancelled === CANCELLED_PROGRAMS };
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const signed = (value: number) => (value < 0 ? `−${-value}` : `+${value}`);
