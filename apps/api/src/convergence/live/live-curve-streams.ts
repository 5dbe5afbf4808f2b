import { CurveReadRepository, type ProjectVisibility, TERMINAL_STATUSES } from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { LiveCurveFeeds } from './live-curve-feeds';
import { CONTRACT_SERIES, CurveCursor, LiveCurveStream, StreamedSeries } from './live-curve-stream';
import { startEventStream } from '../../common/event-stream-head';

/** Opens Server-Sent Events streams of curves. */
@Injectable()
export class LiveCurveStreams {
  constructor(
    private readonly curves: CurveReadRepository,
    private readonly feeds: LiveCurveFeeds,
  ) {}

  /**
   * Streams a metric of `simulationId` (by default the contract's loss
   * curve) on `response`, after `resumeFrom` when the client reconnects. An
   * unknown simulation, or an expired curve, is refused before any byte is
   * sent, as is a metric an ended run never reported; a run still going may
   * report it yet, so its stream waits for it.
   */
  async open(
    simulationId: number,
    resumeFrom: CurveCursor | null,
    response: Response,
    visible: ProjectVisibility,
    series: StreamedSeries = CONTRACT_SERIES,
  ): Promise<void> {
    // Checked once: a run's project never changes.
    const window = await this.curves.window(simulationId, 0, 0, series.metric, visible);
    const refused =
      !window ||
      window.expired ||
      (!window.metricKnown && TERMINAL_STATUSES.includes(window.status));
    // readableWindow says why, as every curve read does.
    if (refused) await this.curves.readableWindow(simulationId, 0, 0, series.metric, visible);
    startEventStream(response);
    new LiveCurveStream(
      response,
      simulationId,
      this.curves,
      this.feeds,
      resumeFrom,
      series,
    ).start();
  }
}
