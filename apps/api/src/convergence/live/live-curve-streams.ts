import { CurveReadRepository } from '@app/domain';
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
   * client reconnects. An unknown simulation, or an expired curve, is refused
   * before any byte is sent.
   */
  async open(
    simulationId: number,
    resumeFrom: CurveCursor | null,
    response: Response,
  ): Promise<void> {
    await this.curves.readableWindow(simulationId, 0, 0);
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
