import http from 'node:http';
import type { Socket } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

const POINTS = 1_000_000;

interface Drained {
  status: number;
  bytes: number;
  lines: number;
  firstLines: string[];
  lastLine: string;
}

/**
 * Reads a response without keeping it: counts bytes and lines as they pass.
 * On reaching each of `pauseAtLines` it stops reading and awaits `whilePaused`
 * before going on: the server, held by backpressure meanwhile, is caught
 * between two chunks with nothing in hand but what its stream keeps.
 */
function drain(
  url: string,
  token: string,
  pauseAtLines: number[] = [],
  whilePaused: (socket: Socket) => Promise<void> = async () => {},
): Promise<Drained> {
  const pauses = [...pauseAtLines].sort((a, b) => a - b);
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
        let bytes = 0;
        let lines = 0;
        let tail = '';
        let lastLine = '';
        const firstLines: string[] = [];
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          bytes += Buffer.byteLength(chunk);
          const text = tail + chunk;
          const parts = text.split('\n');
          tail = parts.pop() as string;
          lines += parts.length;
          while (firstLines.length < 3 && parts.length) firstLines.push(parts.shift() as string);
          if (parts.length) lastLine = parts[parts.length - 1];
          if (pauses.length && lines >= pauses[0]) {
            while (pauses.length && lines >= pauses[0]) pauses.shift();
            response.pause();
            whilePaused(response.socket).then(() => response.resume(), reject);
          }
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, bytes, lines, firstLines, lastLine }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Resolves once a paused response's socket has stopped receiving: its buffers
 * and the kernel's are full, so the server's writes wait and its stream is
 * not pulling pages. Settled means no bytes across consecutive looks, however
 * long the machine takes to get there.
 */
async function receivingStopped(socket: Socket): Promise<void> {
  const LOOK_MS = 20;
  const QUIET_LOOKS = 3;
  let quiet = 0;
  let seen = socket.bytesRead;
  while (quiet < QUIET_LOOKS) {
    await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
    quiet = socket.bytesRead === seen ? quiet + 1 : 0;
    seen = socket.bytesRead;
  }
}

describe('a 1,000,000-point simulation', () => {
  let stack: E2eStack;
  let id: number;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    baseUrl = await stack.listen();
    // The default pace fits any curve into the default run's length: here, as fast as it goes.
    await stack.startWorker({ tickMs: 10 });
    const created = await stack
      .as(Role.Operator)
      .post('/simulation', {
        name: 'a million points',
        machine: { machine_id: 101, name: 'A' },
        emulation: { points: POINTS, span_seconds: 1_000_000, noise: 0.2, seed: 7, decimals: 6 },
      })
      .expect(201);
    id = created.body.id;
    await stack.waitForStatus(id, 'finished', 240_000);
  }, 300_000);

  afterAll(() => stack.close());

  it('completes in one attempt, every point stored', async () => {
    const simulation = await stack.simulation(id);
    expect(simulation.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['finished']);
    const seconds = (Date.parse(simulation.finished_at) - Date.parse(simulation.started_at)) / 1000;
    // eslint-disable-next-line no-console
    console.log(
      `1,000,000 points written in ${seconds.toFixed(1)} s: ${Math.round(POINTS / seconds)} points/s`,
    );
    const [{ count }] = await stack.db.query(
      `SELECT count(*)::int AS count FROM convergence_points WHERE simulation_id = $1`,
      [id],
    );
    expect(count).toBe(POINTS);
  });

  it('answers sampled queries: log buckets by default, first and last kept, windows and minmax', async () => {
    const viewer = stack.as(Role.Viewer);
    const whole = (await viewer.get(`/converge/${id}`).expect(200)).body;
    expect(whole.meta).toMatchObject({
      total_points: POINTS,
      window_points: POINTS,
      downsampled: true,
      buckets: 1000,
      scale: 'log',
    });
    expect(whole.data.length).toBeLessThanOrEqual(1002);
    expect(whole.data[0].seconds).toBe(1);
    expect(whole.data[whole.data.length - 1].seconds).toBe(1_000_000);
    // Log buckets: as many points in the first decade of seconds as in the last.
    const decade = (lo: number, hi: number) =>
      whole.data.filter((p: { seconds: number }) => p.seconds > lo && p.seconds <= hi).length;
    expect(decade(1, 10)).toBeGreaterThan(5);
    expect(decade(100_000, 1_000_000)).toBeGreaterThan(150);

    const zoom = (
      await viewer
        .get(`/converge/${id}?from=5000&to=6000&points=100&scale=linear&agg=minmax`)
        .expect(200)
    ).body;
    expect(zoom.meta).toMatchObject({ window_points: 1001, downsampled: true, buckets: 100 });
    expect(zoom.data[0].seconds).toBe(5000);
    expect(zoom.data[zoom.data.length - 1].seconds).toBe(6000);
    for (const point of zoom.data) {
      expect(point.loss_min).toBeLessThanOrEqual(point.loss);
      expect(point.loss_max).toBeGreaterThanOrEqual(point.loss);
    }
  });

  it('exports every point as CSV, streamed with constant memory', async () => {
    const token = stack.token(Role.Viewer);
    // What stays reachable, not garbage awaiting collection: collect before each
    // sample. Collections stall the API too (it runs in this process), so only
    // a handful, each while backpressure holds the export still.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const liveHeap = () => {
      collect();
      return process.memoryUsage().heapUsed;
    };
    const before = liveHeap();
    const samples: number[] = [];
    const quarters = [1, 2, 3].map((quarter) => (POINTS * quarter) / 4);
    const csv = await drain(
      `${baseUrl}/converge/${id}?format=csv`,
      token,
      quarters,
      async (socket) => {
        await receivingStopped(socket);
        samples.push(liveHeap());
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.lines).toBe(POINTS + 1);
    expect(csv.firstLines[0]).toBe('seconds,loss');
    expect(csv.firstLines[1]).toMatch(/^1,0\.\d+$/);
    expect(csv.lastLine).toMatch(/^1000000,0\.\d+$/);
    expect(samples).toHaveLength(quarters.length);
    const growthsMb = samples.map((sample) => (sample - before) / 2 ** 20);
    const growthMb = Math.max(...growthsMb);
    // eslint-disable-next-line no-console
    console.log(
      `CSV export: ${(csv.bytes / 2 ** 20).toFixed(1)} MB streamed; live heap grew by ${growthsMb.map((mb) => mb.toFixed(1)).join(', ')} MB at its quarters`,
    );
    // Holding the curve would take several times the file's size; streaming holds a page or two.
    expect(growthMb).toBeLessThan(csv.bytes / 2 ** 20 / 3);

    const ndjson = await drain(`${baseUrl}/converge/${id}?format=ndjson&from=10&to=19`, token);
    expect(ndjson.lines).toBe(10);
    expect(JSON.parse(ndjson.firstLines[0])).toMatchObject({ seconds: 10 });
  });
});
