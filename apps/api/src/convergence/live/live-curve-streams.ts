import { CurveReadRepository, DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { LiveCurveFeeds } from './live-curve-feeds';
import { CurveCursor, LiveCurveStream } from './live-curve-stream';

/** Opens Server-Sent Events streams of curves. */
@Injectable()
export class LiveCurveStreams {
  constructor(
    private readonly curves: CurveReadRepository,
    private readonly feeds: LiveCurveFeeds,
  ) {}

  /**
   * Streams `simulationId`'s curve on `response`, after `resumeFrom` when the
   * client reconnects. An unknown simulation is refused before any byte is sent.
   */
  async open(
    simulationId: number,
    resumeFrom: CurveCursor | null,
    response: Response,
  ): Promise<void> {
    if (!(await this.curves.window(simulationId, 0, 0))) {
      throw DomainError.notFound(`simulation ${simulationId} not found`);
    }
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    response.write('retry: 2000\n\n');
    new LiveCurveStream(response, simulationId, this.curves, this.feeds, resumeFrom).start();
  }
}
