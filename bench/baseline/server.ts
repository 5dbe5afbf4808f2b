/**
 * The baseline each scenario is measured against: the same SQL as the API
 * (the repositories' statements, handed over in BENCH_STATEMENTS, or copied as named beside
 * each handler), behind raw
 * node:http and pg, with no framework, no authentication, no validation, no
 * rate limiting and no logging. Bundled by esbuild and run as plain Node.
 *
 *   DATABASE_URL=… REDIS_URL=… PORT=… BENCH_STATEMENTS=… DATABASE_POOL_SIZE=10 node baseline.js
 */
import {
  machineQueueName,
  RUN_JOB_OPTIONS,
  runJobId,
  SimulationJobName,
} from '../../libs/queue/src/queue.constants';
import { iso, readFirstPage, readWholeCurve, type Row, simulationJson, SQL } from './statements';
import Queue from 'bull';
import http from 'node:http';
import pg, { Pool, type PoolClient } from 'pg';

// Exits on SIGTERM the normal way, so `--cpu-prof` (BENCH_CPU_PROFILE) gets to write its profile.
process.on('SIGTERM', () => process.exit(0));

// Simulation ids are bigint, at most 2⁵³−1: as JS numbers, as the API sends them.
pg.defaults.parseInt8 = true;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const queues = new Map<number, Queue.Queue>();
function queueFor(machineId: number): Queue.Queue {
  let queue = queues.get(machineId);
  if (!queue) {
    queue = new Queue(machineQueueName(machineId), process.env.REDIS_URL as string);
    queues.set(machineId, queue);
  }
  return queue;
}

function send(response: http.ServerResponse, status: number, body: unknown, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** SimulationsService.get: SimulationRepository.findById, listAttempts, MachineRepository.statusOf. */
async function getSimulation(id: number, response: http.ServerResponse) {
  const found = await pool.query(SQL.simulationById, [id]);
  if (found.rowCount === 0) return send(response, 404, { message: 'not found' });
  const simulation = found.rows[0];
  const [attempts, machine] = await Promise.all([
    pool.query(SQL.attemptsOf, [id]),
    pool.query(SQL.machineStatus, [simulation.machine_id]),
  ]);
  const m = machine.rows[0];
  send(response, 200, {
    ...simulationJson(simulation),
    emulation: simulation.emulation,
    machine_status: !m ? 'offline' : m.draining ? 'draining' : m.served ? 'online' : 'offline',
    attempts: attempts.rows.map((a) => ({
      attempt: a.attempt,
      worker_id: a.worker_id,
      started_at: iso(a.started_at),
      ended_at: iso(a.ended_at),
      outcome: a.outcome,
      reason: a.reason,
    })),
  });
}

/** SimulationRepository.list (order by update_date) and .total. */
async function listSimulations(url: URL, response: http.ServerResponse) {
  const { items, total } = await readFirstPage(pool, Number(url.searchParams.get('limit') ?? 1000));
  send(response, 200, items, { 'X-Total-Count': String(total) });
}

/** CurveReadRepository.window + page: a curve short enough to come back whole. */
async function wholeCurve(id: number, response: http.ServerResponse) {
  const curve = await readWholeCurve(pool, id);
  if (!curve) return send(response, 404, { message: 'not found' });
  send(response, 200, curve);
}

/** What sampling costs without the stored sums: GROUP BY log-spaced buckets over every raw point. */
async function naiveLogSample(id: number, url: URL, response: http.ServerResponse) {
  const buckets = Number(url.searchParams.get('points') ?? 1000);
  const { rows } = await pool.query(
    `WITH pts AS (
       SELECT p.seconds, p.loss FROM convergence_points p
       JOIN simulations s ON s.simulation_id = p.simulation_id AND s.attempt = p.attempt
         AND s.curve_day = p.curve_day
       WHERE p.simulation_id = $1::bigint AND p.metric_id = 0 AND p.seconds > 0
     ), span AS (SELECT ln(min(seconds)) AS lo, ln(max(seconds)) AS hi FROM pts)
     SELECT width_bucket(ln(seconds), span.lo, span.hi + 1e-9, $2::integer) AS bucket,
            max(seconds) AS seconds, (array_agg(loss ORDER BY seconds DESC))[1] AS loss
     FROM pts, span GROUP BY bucket ORDER BY bucket`,
    [id, buckets],
  );
  send(response, 200, { data: rows.map(({ seconds, loss }) => ({ seconds, loss })) });
}

/**
 * SimulationCreator.create without an Idempotency-Key: the machine lookup,
 * the insert, the per-client pending cap (its lock, then the count) last
 * before the commit, then the job.
 */
async function createSimulation(request: http.IncomingMessage, response: http.ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const creator = (request.headers['x-creator'] as string) ?? 'baseline';
  let client: PoolClient | undefined;
  let simulation: Row;
  try {
    client = await pool.connect();
    await client.query('BEGIN');
    const machine = await client.query('SELECT * FROM machines WHERE machine_id = $1', [
      body.machine_id,
    ]);
    if (machine.rowCount === 0) throw new Error('no such machine');
    const inserted = await client.query(
      `INSERT INTO simulations (name, machine_id, attempt_budget, final_attempt, created_by, emulation)
       VALUES ($1, $2, $3, $3, $4, $5::jsonb)
       ON CONFLICT (simulation_id) DO NOTHING RETURNING *`,
      [
        body.name,
        body.machine_id,
        3,
        creator,
        // What resolveEmulation makes of no emulation settings: the default curve, a drawn seed.
        JSON.stringify({
          points: 10,
          span_seconds: 100,
          tick_ms: null,
          noise: 0,
          seed: Math.floor(Math.random() * 2_147_483_647),
          decimals: 3,
          ...body.emulation,
        }),
      ],
    );
    simulation = inserted.rows[0];
    await client.query(`SELECT pending_simulations_of_locked($1, $2) AS pending`, [
      creator,
      Number(process.env.MAX_PENDING_PER_CLIENT ?? 1_000) + 1,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client?.query('ROLLBACK');
    throw error;
  } finally {
    client?.release();
  }
  await queueFor(simulation.machine_id).add(
    SimulationJobName.Run,
    { simulationId: simulation.simulation_id, machineId: simulation.machine_id, attempt: 0 },
    { ...RUN_JOB_OPTIONS, jobId: runJobId(simulation.simulation_id, 0) },
  );
  send(
    response,
    201,
    { id: simulation.simulation_id, status: 'pending' },
    { Location: `/simulation/${simulation.simulation_id}` },
  );
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://baseline');
  const parts = url.pathname.split('/');
  const id = Number(parts[2]);
  let work: Promise<void> | undefined;
  if (request.method === 'GET' && parts[1] === 'simulation') work = getSimulation(id, response);
  else if (request.method === 'GET' && url.pathname === '/simulations')
    work = listSimulations(url, response);
  else if (request.method === 'GET' && parts[1] === 'converge') work = wholeCurve(id, response);
  else if (request.method === 'GET' && parts[1] === 'naive-log')
    work = naiveLogSample(id, url, response);
  else if (request.method === 'POST' && url.pathname === '/simulation')
    work = createSimulation(request, response);
  if (!work) return send(response, 404, { message: 'no such route' });
  work.catch((error: Error) => {
    process.stderr.write(`${request.method} ${request.url}: ${error.message}\n`);
    send(response, 500, { message: error.message });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`baseline listening on ${address.port}\n`);
});
