import {
  DomainError,
  type ProjectVisibility,
  RunLogRepository,
  SimulationRepository,
} from '@app/domain';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { LiveLogStream, LogCursor } from './live-log-stream';
import { MAX_LOG_LINES, RunLogsQuery } from './run-logs.query';
import { RunLogsResponse, toRunLogLineResponse } from './run-logs.response';
import { startEventStream } from '../common/event-stream-head';

/** Reads a program run's stored output, an attempt at a time. */
@Injectable()
export class RunLogsService implements OnModuleDestroy {
  private readonly following = new Set<LiveLogStream>();

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly logs: RunLogRepository,
  ) {}

  async read(
    simulationId: number,
    query: RunLogsQuery,
    visible: ProjectVisibility,
  ): Promise<RunLogsResponse> {
    const simulation = await this.simulations.findById(simulationId);
    // A run in a project the caller does not see is not found, as one that does not exist.
    if (!simulation || !visible(simulation.projectId))
      throw DomainError.notFound(`simulation ${simulationId} not found`);
    const attempt = query.attempt ?? simulation.attempt;
    if (attempt > simulation.attempt)
      throw DomainError.notFound(
        `simulation ${simulationId} has no attempt ${attempt} (its latest is ${simulation.attempt})`,
      );
    const after = query.after ?? 0;
    if (attempt === 0) return { attempt, lines: [], dropped: 0, next_after: after, more: false };
    const ref = { simulationId, attempt };
    const limit = query.limit ?? MAX_LOG_LINES;
    const [read, extent] = await Promise.all([
      // One line more than asked for says whether more follow.
      this.logs.read(ref, { after, tail: query.tail, limit: query.tail ? limit : limit + 1 }),
      this.logs.extent(ref),
    ]);
    const more = read.length > limit;
    const lines = more ? read.slice(0, limit) : read;
    return {
      attempt,
      lines: lines.map(toRunLogLineResponse),
      dropped: extent ? extent.first - 1 : 0,
      next_after: lines.length ? lines[lines.length - 1].seq : after,
      more,
    };
  }

  /** Follows the run's output as a stream of Server-Sent Events, from `resumeFrom` on. */
  async follow(
    simulationId: number,
    resumeFrom: LogCursor | null,
    response: Response,
    visible: ProjectVisibility,
  ): Promise<void> {
    const simulation = await this.simulations.findById(simulationId);
    if (!simulation || !visible(simulation.projectId))
      throw DomainError.notFound(`simulation ${simulationId} not found`);
    startEventStream(response);
    const stream = new LiveLogStream(
      response,
      simulationId,
      this.simulations,
      this.logs,
      resumeFrom ?? { attempt: 0, seq: 0 },
    );
    this.following.add(stream);
    void stream.run().finally(() => this.following.delete(stream));
  }

  /** Before the HTTP server closes: ends every stream (clients resume elsewhere with their Last-Event-ID). */
  onModuleDestroy(): void {
    for (const stream of [...this.following]) stream.close();
  }
}
