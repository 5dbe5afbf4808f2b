import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';
import { runExternalRunScript } from '../../../test/external-run-script';
import { openEventStream, pointsOf, type SseConnection } from '../../../test/sse-client';

const METRICS = ['loss', 'val_loss', 'val_acc'] as const;

interface SentPoint {
  metric: string;
  value: number;
  seconds: number;
  step: number;
}

/**
 * The walkthrough of docs/runs.md as a user runs it: examples/external-run.sh,
 * curl and a shell alone, against a real API, and everything it reported read
 * back through every way there is to read a run.
 */
describe('an external run driven only by curl (examples/external-run.sh)', () => {
  let stack: E2eStack;
  let baseUrl: string;
  let scratch: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    baseUrl = await stack.listen();
    scratch = mkdtempSync(path.join(tmpdir(), 'curl-walkthrough-'));
  });

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await stack.close();
  });

  it('reports 10,000 steps of three metrics, params and tags, and every read gives them back exactly', async () => {
    const sent = path.join(scratch, 'sent.ndjson');
    const script = runExternalRunScript({
      API: baseUrl,
      TOKEN: stack.token(Role.Operator),
      REPORT_OUT: sent,
      PAUSE: '1',
      NAME: 'curl walkthrough',
    });
    const id = await script.id;
    // Watched from before the first point: two metrics, live.
    const viewer = stack.token(Role.Viewer);
    const streams: Record<string, SseConnection> = {
      loss: openEventStream(`${baseUrl}/converge/${id}/stream`, viewer),
      val_acc: openEventStream(`${baseUrl}/simulation/${id}/metrics/val_acc/stream`, viewer),
    };
    const output = await script.exited;
    await Promise.all(Object.values(streams).map((stream) => stream.ended));

    const points = readFileSync(sent, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SentPoint);
    expect(points).toHaveLength(30_000);
    const series = (metric: string) => points.filter((point) => point.metric === metric);
    // The retry was stored once and said so.
    expect(output).toMatch(/"sequence":3,"points":15000,"duplicate":true/);

    const read = stack.as(Role.Viewer);
    const run = (await read.get(`/simulation/${id}`).expect(200)).body;
    expect(run).toMatchObject({
      name: 'curl walkthrough',
      status: 'finished',
      program: 'external',
      exit_code: 0,
      params: { lr: 0.001, batch: 64, optimizer: 'adam', augment: true },
      tags: { reviewed: 'yes' },
    });

    for (const metric of METRICS) {
      const expected = series(metric).map(({ seconds, value, step }) => ({ seconds, value, step }));
      // Exactly, through the export (JSON answers sample past 10,000 points).
      const exported = await read
        .get(`/simulation/${id}/metrics/${metric}?format=ndjson`)
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => done(null, text));
        })
        .expect(200);
      const lines = (exported.body as string)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual(expected);
      // Whole, as JSON, when it fits.
      const whole = await read.get(`/simulation/${id}/metrics/${metric}?points=10000`).expect(200);
      expect(whole.body.data).toEqual(expected);
      // Sampled on a log axis, by seconds and by step: the first and last points as they are.
      for (const x of ['seconds', 'step']) {
        const sampled = await read
          .get(`/simulation/${id}/metrics/${metric}?points=200&agg=minmax&x=${x}`)
          .expect(200);
        expect(sampled.body.meta).toMatchObject({ downsampled: true, buckets: 200, x, metric });
        expect(sampled.body.data.length).toBeGreaterThan(100);
        expect(sampled.body.data[0]).toMatchObject(expected[0]);
        expect(sampled.body.data.at(-1)).toMatchObject(expected.at(-1)!);
      }
    }

    const summaries = (await read.get(`/simulation/${id}/metrics`).expect(200)).body;
    expect(summaries.find((summary: { name: string }) => summary.name === 'val_acc')).toEqual({
      name: 'val_acc',
      count: 10_000,
      last: series('val_acc').at(-1)!.value,
      last_seconds: 100,
      min: 0,
      min_seconds: 0.01,
      max: series('val_acc').at(-1)!.value,
      last_step: 99_990,
      min_step: 0,
      by_step: true,
    });

    // Live: each stream got its metric's every point once, in order, then `end`.
    expect(pointsOf(streams.loss.events)).toEqual(
      series('loss').map(({ seconds, value }) => ({ seconds, loss: value })),
    );
    expect(pointsOf(streams.val_acc.events)).toEqual(
      series('val_acc').map(({ seconds, value, step }) => ({ seconds, value, step })),
    );
    for (const stream of Object.values(streams))
      expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { status: 'finished' } });

    // Found by what it reported.
    const found = await read
      .get(
        `/simulations?filter=${encodeURIComponent("metrics.val_acc.max > 0.9 AND params.optimizer = 'adam' AND tags.reviewed = 'yes'")}`,
      )
      .expect(200);
    expect(found.body.map((row: { simulation_id: number }) => row.simulation_id)).toEqual([id]);
  }, 120_000);

  it('stops at the first refusal with the API’s message (a bad token)', async () => {
    await expect(
      runExternalRunScript({ API: baseUrl, TOKEN: 'not-a-token' }).exited,
    ).rejects.toThrow(/"statusCode":401/);
    // Nothing was created.
    const { body } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(body.filter((row: { name: string }) => row.name !== 'curl walkthrough')).toEqual([]);
  });
});
