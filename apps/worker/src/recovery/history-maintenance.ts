import { HistoryRepository } from '@app/domain';
import {
  curveDaysExpired,
  curvePartitionDaysAhead,
  PeriodicTask,
  simulationsDeleted,
} from '@app/runtime';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';

const LEASE = 'history retention';
/** Simulations per statement when curves or simulations are deleted row by row. */
export const HISTORY_BATCH = 1_000;

/** What one pass of history maintenance did. */
export interface MaintenancePass {
  partitionsMade: string[];
  /** False when another worker held the retention lease (or retention is off). */
  retained: boolean;
  daysDropped: string[];
  curvesDeleted: number;
  simulationsDeleted: number;
}

/**
 * Keeps curve storage ready and history bounded: makes the curve partitions
 * of the days ahead (every worker, at boot and on each pass, so a write never
 * finds its day missing), and — on one worker at a time, under a lease —
 * expires curves older than their project's retention or else
 * HISTORY_RETENTION_DAYS, and deletes simulations older than
 * SIMULATION_RETENTION_DAYS (in every project).
 */
@Injectable()
export class HistoryMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HistoryMaintenance.name);
  private readonly task: PeriodicTask;
  private stopping = false;

  constructor(
    private readonly history: HistoryRepository,
    private readonly config: WorkerConfig,
  ) {
    this.task = new PeriodicTask(
      'history maintenance',
      config.historyMaintenanceIntervalMs,
      () => this.pass().then(() => undefined),
      this.logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // Before the first run is taken, where the database lets us; each pass makes them again.
    await this.history.ensurePartitions().catch((error: Error) => {
      this.logger.warn(`could not make curve partitions at boot: ${error.message}`);
    });
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
  }

  async pass(): Promise<MaintenancePass> {
    const result: MaintenancePass = {
      partitionsMade: await this.history.ensurePartitions(),
      retained: false,
      daysDropped: [],
      curvesDeleted: 0,
      simulationsDeleted: 0,
    };
    curvePartitionDaysAhead.set(await this.history.partitionDaysAhead());
    if (result.partitionsMade.length) {
      this.logger.log(`made curve partitions for ${result.partitionsMade.join(', ')}`);
    }
    const { curveRetentionDays, simulationRetentionDays, workerId } = this.config;
    const projects = await this.history.projectCutoffs();
    if (curveRetentionDays === undefined && projects.length === 0) return result;
    const leaseMs = Math.max(10 * 60_000, 2 * this.config.historyMaintenanceIntervalMs);
    if (!(await this.history.takeLease(LEASE, workerId, leaseMs))) return result;
    result.retained = true;
    try {
      // Projects with a retention of their own first: the global pass drops a day only once
      // their runs of it are due too, and by then their records of it are written.
      for (const project of projects) {
        for (const day of await this.history.daysBefore(project.cutoff, true)) {
          if (this.stopping) break;
          const expiry = await this.history.expireProjectDay(day, project, HISTORY_BATCH);
          if (expiry.curvesDeleted) curveDaysExpired.inc({ how: 'deleted' });
          result.curvesDeleted += expiry.curvesDeleted;
        }
      }
      if (curveRetentionDays !== undefined) {
        const cutoff = await this.history.cutoff(curveRetentionDays);
        for (const day of await this.history.daysBefore(cutoff)) {
          if (this.stopping) break;
          const expiry = await this.history.expireDay(day, cutoff, HISTORY_BATCH, projects);
          curveDaysExpired.inc({ how: expiry.dropped ? 'dropped' : 'deleted' });
          if (expiry.dropped) result.daysDropped.push(day);
          result.curvesDeleted += expiry.curvesDeleted;
        }
      }
      if (simulationRetentionDays !== undefined) {
        const simulationCutoff = await this.history.cutoff(simulationRetentionDays);
        for (;;) {
          if (this.stopping) break;
          const deleted = await this.history.deleteSimulationsEndedBefore(
            simulationCutoff,
            HISTORY_BATCH,
          );
          result.simulationsDeleted += deleted;
          simulationsDeleted.inc(deleted);
          if (deleted < HISTORY_BATCH) break;
        }
      }
    } finally {
      await this.history.releaseLease(LEASE, workerId);
    }
    if (result.daysDropped.length || result.curvesDeleted || result.simulationsDeleted) {
      this.logger.log(
        `history retention: dropped the curves of ${result.daysDropped.length} day(s)` +
          `${result.daysDropped.length ? ` (${result.daysDropped.join(', ')})` : ''}, ` +
          `deleted ${result.curvesDeleted} curve(s) row by row and ${result.simulationsDeleted} simulation(s)`,
      );
    }
    return result;
  }
}
