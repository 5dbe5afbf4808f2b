import { httpRequests, loggerParams } from '@app/runtime';
import { Controller, Get, Logger, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { observeRequests } from './request-observer';

interface Line {
  level: string;
  msg: string;
  request_id?: string;
  [field: string]: unknown;
}

const lines: Line[] = [];
const logger = pino(
  { base: {}, formatters: { level: (label) => ({ level: label }) } },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text));
      done();
    },
  }),
);

@Controller()
class ProbeController {
  private readonly log = new Logger('Probe');

  @Get('simulation/:simulation_id')
  one(@Req() request: Request): { id: string | undefined } {
    this.log.log('inside the request');
    return { id: request.id as string | undefined };
  }

  @Get('broken')
  broken(): never {
    throw new Error('boom');
  }

  @Get('slow')
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return 'late';
  }

  @Get('health/live')
  live(): string {
    return 'ok';
  }
}

@Module({ imports: [LoggerModule.forRoot(loggerParams(logger))], controllers: [ProbeController] })
class ProbeModule {}

describe('observeRequests', () => {
  let app: NestExpressApplication;
  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
  const linesOf = (route: string) => lines.filter((line) => line.route === route);

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, { bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    app.flushLogs();
    app.use(observeRequests(logger));
    await app.init();
  });

  afterAll(() => app.close());
  beforeEach(() => (lines.length = 0));

  it('keeps a plausible X-Request-Id, tells it back, and names it in every line of the request', async () => {
    const response = await request(app.getHttpServer())
      .get('/simulation/7?access_token=secret&limit=2')
      .set('X-Request-Id', 'trace-1')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('trace-1');
    expect(response.body).toEqual({ id: 'trace-1' });
    await settled();
    const inside = lines.find((line) => line.msg === 'inside the request');
    expect(inside).toMatchObject({ request_id: 'trace-1', context: 'Probe' });
    expect(linesOf('/simulation/:simulation_id')).toEqual([
      expect.objectContaining({
        level: 'info',
        request_id: 'trace-1',
        method: 'GET',
        url: '/simulation/7?access_token=[redacted]&limit=2',
        status: 200,
        duration_ms: expect.any(Number),
        msg: expect.stringMatching(/^GET \/simulation\/:simulation_id 200 \d+ ms$/),
      }),
    ]);
  });

  it('makes up an id when the client sent none or an implausible one', async () => {
    for (const sent of [undefined, 'x'.repeat(200), 'spaces are not allowed']) {
      const call = request(app.getHttpServer()).get('/simulation/1');
      const response = await (sent ? call.set('X-Request-Id', sent) : call).expect(200);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs a 5xx at error level, and counts it', async () => {
    const counted = async () =>
      (await httpRequests.get()).values.find(
        (value) => value.labels.route === '/broken' && value.labels.status === '500',
      )?.value ?? 0;
    const before = await counted();
    await request(app.getHttpServer()).get('/broken').expect(500);
    await settled();
    expect(linesOf('/broken')).toEqual([
      expect.objectContaining({ level: 'error', status: 500, msg: 'GET /broken 500' }),
    ]);
    expect(await counted()).toBe(before + 1);
  });

  it('writes no line for probes, but still counts them', async () => {
    const counted = async () =>
      (await httpRequests.get()).values.find((value) => value.labels.route === '/health/live')
        ?.value ?? 0;
    const before = await counted();
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await settled();
    expect(linesOf('/health/live')).toEqual([]);
    expect(await counted()).toBe(before + 1);
  });

  it('says when the client left before the answer, and does not count it as answered', async () => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const controller = new AbortController();
    const call = fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal }).catch(
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await call;
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(linesOf('/slow')).toEqual([
      expect.objectContaining({
        level: 'info',
        aborted: true,
        msg: expect.stringMatching(/^GET \/slow aborted after \d+ ms$/),
      }),
    ]);
    const answered = (await httpRequests.get()).values.filter(
      (value) => value.labels.route === '/slow',
    );
    expect(answered).toEqual([]);
  });
});
