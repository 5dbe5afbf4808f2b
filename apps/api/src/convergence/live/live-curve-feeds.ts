import { CurveReadRepository, LOSS_METRIC, SimulationStatus } from '@app/domain';
import { metricOfEvent, SimulationEvent, SimulationEventSubscriber } from '@app/queue';
import { liveCurveStreamsOpen } from '@app/runtime';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';

export type FeedListener = (event: SimulationEvent) => void;

/** How long a feed may hear nothing before it checks the database itself. */
export const QUIET_CHECK_MS = 5_000;

interface Feed {
  /** Each listener, and the metric it follows (it hears every event: status is for all). */
  listeners: Map<FeedListener, string>;
  unsubscribe: () => void;
  timer: NodeJS.Timeout;
  lastHeard: number;
  /** What the feed last knew, to tell a real change from a repeat. */
  attempt: number;
  status: SimulationStatus | null;
  /** Seconds of the last point heard of each metric, in `attempt`. */
  lastSeconds: Map<string, number>;
}

/**
 * One live feed per watched simulation, shared by all its streams: one Redis
 * subscription, and — when Redis has been quiet for QUIET_CHECK_MS — one
 * database check that makes up for anything pub/sub lost (it is fire and
 * forget): a status it missed is replayed, and points it missed are announced
 * as a gap that each stream fills from the database.
 */
@Injectable()
export class LiveCurveFeeds implements OnModuleDestroy {
  private readonly logger = new Logger(LiveCurveFeeds.name);
  private readonly feeds = new Map<number, Feed>();
  /** How to end each open stream: they are long-lived, and would hold shutdown up forever. */
  private readonly openStreams = new Set<() => void>();

  constructor(
    private readonly subscriber: SimulationEventSubscriber,
    private readonly curves: CurveReadRepository,
  ) {}

  /** Starts telling `listener` about the simulation, whose `metric` it follows; call the answer to stop. */
  watch(simulationId: number, metric: string, listener: FeedListener): () => void {
    let feed = this.feeds.get(simulationId);
    if (!feed) {
      const created: Feed = {
        listeners: new Map(),
        unsubscribe: this.subscriber.subscribe(simulationId, (event) => this.heard(created, event)),
        timer: setInterval(() => void this.checkIfQuiet(simulationId, created), QUIET_CHECK_MS),
        lastHeard: Date.now(),
        attempt: 0,
        status: null,
        lastSeconds: new Map(),
      };
      created.timer.unref();
      feed = created;
      this.feeds.set(simulationId, feed);
    }
    const current = feed;
    current.listeners.set(listener, metric);
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size > 0 || this.feeds.get(simulationId) !== current) return;
      this.feeds.delete(simulationId);
      clearInterval(current.timer);
      current.unsubscribe();
    };
  }

  /** Remembers how to end a stream at shutdown; call the answer once it has ended. */
  trackStream(end: () => void): () => void {
    this.openStreams.add(end);
    liveCurveStreamsOpen.inc();
    return () => {
      if (this.openStreams.delete(end)) liveCurveStreamsOpen.dec();
    };
  }

  /** Simulations watched right now. */
  get size(): number {
    return this.feeds.size;
  }

  /** Runs before the HTTP server closes: ends every stream (clients reconnect elsewhere with their Last-Event-ID). */
  onModuleDestroy(): void {
    for (const end of [...this.openStreams]) end();
    this.openStreams.clear();
    for (const feed of this.feeds.values()) {
      clearInterval(feed.timer);
      feed.unsubscribe();
    }
    this.feeds.clear();
  }

  private heard(feed: Feed, event: SimulationEvent): void {
    feed.lastHeard = Date.now();
    if (event.attempt > feed.attempt) {
      feed.attempt = event.attempt;
      feed.lastSeconds.clear();
    }
    if (event.type === 'status' && event.attempt === feed.attempt) feed.status = event.status;
    if (event.type === 'points' && event.attempt === feed.attempt && event.points.length) {
      feed.lastSeconds.set(metricOfEvent(event), event.points[event.points.length - 1][0]);
    }
    for (const listener of feed.listeners.keys()) listener(event);
  }

  private async checkIfQuiet(simulationId: number, feed: Feed): Promise<void> {
    if (Date.now() - feed.lastHeard < QUIET_CHECK_MS) return;
    try {
      // One read per metric followed (usually one): the first also tells the status.
      for (const metric of new Set(feed.listeners.values())) {
        const window = await this.curves.window(simulationId, 0, Number.POSITIVE_INFINITY, metric);
        if (!window || this.feeds.get(simulationId) !== feed) return;
        const { attempt } = window.ref;
        if (attempt !== feed.attempt || window.status !== feed.status) {
          this.heard(feed, { type: 'status', simulationId, attempt, status: window.status });
        }
        const lastSeconds = window.last?.seconds ?? 0;
        if (lastSeconds > (feed.lastSeconds.get(metric) ?? 0)) {
          // An empty batch "after" the newest stored point: every stream behind it reads the gap.
          this.heard(feed, {
            type: 'points',
            simulationId,
            attempt,
            ...(metric === LOSS_METRIC.name ? {} : { metric }),
            after: lastSeconds,
            points: [],
          });
          feed.lastSeconds.set(metric, lastSeconds);
        }
      }
      feed.lastHeard = Date.now();
    } catch (error) {
      this.logger.warn(`checking simulation ${simulationId} failed: ${(error as Error).message}`);
    }
  }
}
