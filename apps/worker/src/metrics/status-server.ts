import { metricsRegistry, startProcessMetrics } from '@app/runtime';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { WorkerConfig } from '../config/worker-config';
import { WorkerReadiness } from '../simulation-run/worker-readiness';

const JSON_TYPE = 'application/json; charset=utf-8';

/** What it serves; the Kubernetes manifests' probes are checked against these. */
export const STATUS_PATHS = {
  metrics: '/metrics',
  live: '/health/live',
  ready: '/health/ready',
} as const;

/**
 * The worker has no HTTP API; on METRICS_PORT it serves its Prometheus
 * metrics (/metrics) and the probes an orchestrator asks: /health/live (the
 * process answers) and /health/ready (Postgres and Redis answer and it takes
 * runs; 503 while draining or shutting down). A port already taken is
 * logged, not fatal: a worker without them still runs simulations.
 */
@Injectable()
export class StatusServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatusServer.name);
  private server?: Server;

  constructor(
    private readonly config: WorkerConfig,
    private readonly readiness: WorkerReadiness,
  ) {}

  /** The port it listens on, once listening (METRICS_PORT=0 picks one). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    startProcessMetrics();
    const server = createServer((request, response) => {
      this.answer(request, response).catch((error: Error) => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(`failed: ${error.message}\n`);
      });
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error) => {
        this.logger.error(
          `metrics and probes not served on port ${this.config.metricsPort}: ${error.message}`,
        );
        resolve();
      });
      server.listen(this.config.metricsPort, this.config.metricsHost, () => {
        this.server = server;
        this.logger.log(
          `metrics on http://${this.config.metricsHost ?? 'localhost'}:${this.port}/metrics, probes at /health/live and /health/ready`,
        );
        resolve();
      });
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url?.split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET' }).end('GET only\n');
    } else if (path === STATUS_PATHS.metrics) {
      const text = await metricsRegistry.metrics();
      response.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(text);
    } else if (path === STATUS_PATHS.live) {
      response.writeHead(200, { 'Content-Type': JSON_TYPE }).end('{"status":"ok"}\n');
    } else if (path === STATUS_PATHS.ready) {
      const { ready, checks } = await this.readiness.check();
      response
        .writeHead(ready ? 200 : 503, { 'Content-Type': JSON_TYPE })
        .end(`${JSON.stringify({ status: ready ? 'ok' : 'error', checks })}\n`);
    } else {
      response
        .writeHead(404, { 'Content-Type': 'text/plain' })
        .end('not found: try /metrics, /health/live or /health/ready\n');
    }
  }

  /** Last of all: while runs drain at shutdown, the probes still answer (ready: 503). */
  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
