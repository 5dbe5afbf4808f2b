import { metricsRegistry, startProcessMetrics } from '@app/runtime';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { WorkerConfig } from '../config/worker-config';

/**
 * The worker has no HTTP API; this serves its Prometheus metrics alone, at
 * /metrics on METRICS_PORT. A port already taken is logged, not fatal: a
 * worker without metrics still runs simulations.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(private readonly config: WorkerConfig) {}

  /** The port it listens on, once listening (METRICS_PORT=0 picks one). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    startProcessMetrics();
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: try /metrics\n');
        return;
      }
      metricsRegistry.metrics().then(
        (text) =>
          response.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(text),
        (error: Error) => response.writeHead(500).end(`metrics failed: ${error.message}\n`),
      );
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error) => {
        this.logger.error(
          `metrics not served on port ${this.config.metricsPort}: ${error.message}`,
        );
        resolve();
      });
      server.listen(this.config.metricsPort, () => {
        this.server = server;
        this.logger.log(`metrics on http://localhost:${this.port}/metrics`);
        resolve();
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
