import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ELDHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { WorkerConfig } from '../config/worker-config';
import { HeartbeatStatements } from './heartbeat-connection';
import { HeldRuns } from './held-runs';
import { PeriodicTask } from '@app/runtime';

/**
 * Every HEARTBEAT_INTERVAL_MS, on a connection of its own, tells the
 * database that this worker is alive (with its machine, capacity and load,
 * which make its machine online) and that its runs are (one statement for all
 * of them). A run the database no longer credits to this worker (cancelled,
 * or recovered by another worker after this one went silent) is stopped at
 * once. Keeps beating during shutdown's grace
 * period, so runs finishing then are not taken away.
 */
const LOOP_SAMPLE_MS = 10;

@Injectable()
export class Heartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Heartbeat.name);
  private readonly task: PeriodicTask;
  /** How late the event loop runs callbacks: the health of a process holding many runs. */
  private readonly loopDelay: ELDHistogram = monitorEventLoopDelay({
    resolution: LOOP_SAMPLE_MS,
  });
  private lastBeatAt = 0;

  constructor(
    private readonly config: WorkerConfig,
    private readonly statements: HeartbeatStatements,
    private readonly runs: HeldRuns,
  ) {
    this.task = new PeriodicTask(
      'heartbeat',
      config.heartbeatIntervalMs,
      () => this.beat(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.loopDelay.enable();
    this.task.start(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.loopDelay.disable();
    await this.task.stop();
    await this.statements.workers.retire(this.config.workerId).catch(() => undefined);
  }

  async beat(): Promise<void> {
    this.reportHealth();
    const held = this.runs.refs();
    await this.statements.workers.report({
      workerId: this.config.workerId,
      machineId: this.config.machineId ?? null,
      capacity: this.config.concurrency,
      running: held.length,
      leaseMs: this.config.leaseMs,
    });
    if (held.length === 0) return;
    const stillHeld = await this.statements.lifecycle.heartbeat(this.config.workerId, held);
    for (const ref of held) {
      // A run that ended while the heartbeat was in flight is no longer held in the database
      // either, rightly: only runs still going here are lost leases.
      if (!stillHeld.has(ref.simulationId) && this.runs.holds(ref)) {
        this.logger.warn(
          `simulation ${ref.simulationId} attempt ${ref.attempt} is no longer ours; stopping it`,
        );
        this.runs.stop(ref.simulationId, 'lease-lost');
      }
    }
  }

  /** Logs (debug) the load and event-loop delay since the last beat; warns when a beat came late. */
  private reportHealth(): void {
    const now = Date.now();
    const lateMs = this.lastBeatAt ? now - this.lastBeatAt - this.config.heartbeatIntervalMs : 0;
    this.lastBeatAt = now;
    // The histogram records whole sampling intervals; the delay is what exceeds one.
    const p99 = Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS);
    const max = Math.max(0, this.loopDelay.max / 1e6 - LOOP_SAMPLE_MS);
    this.loopDelay.reset();
    const rssMb = process.memoryUsage.rss() / 1024 / 1024;
    const line = `health: ${this.runs.size} run(s), event-loop delay p99 ${p99.toFixed(1)} ms max ${max.toFixed(1)} ms, rss ${rssMb.toFixed(0)} MB`;
    if (lateMs > this.config.heartbeatIntervalMs / 2)
      this.logger.warn(`heartbeat ${lateMs} ms late; ${line}`);
    else this.logger.debug(line);
  }
}
