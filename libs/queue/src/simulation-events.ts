import {
  type AttemptRef,
  type CurvePoint,
  LOSS_METRIC,
  SimulationLifecycle,
  type StoredReport,
  SimulationStatus,
  type SimulationStatusChange,
  type SimulationStatusListener,
} from '@app/domain';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisConnections } from './redis-connections';

/** Where cancelled attempts are announced, `{simulationId, attempt}`, for the workers holding them. */
export const RUN_STOPS_CHANNEL = 'aisim:run-stops';

/** One Redis channel per simulation: a stream subscribes only to what it shows. */
export function simulationEventsChannel(simulationId: number): string {
  return `simulation-events:${simulationId}`;
}

/**
 * An event as it travels. JSON has no NaN or infinity (an external run may
 * report them): they go by their names and come back as numbers. No other
 * field of an event is ever one of these strings.
 */
export function encodeEvent(event: SimulationEvent): string {
  // A replacer slows JSON.stringify down several times: only events that need it pay for it.
  if (event.type !== 'points' || event.points.every(allFinite)) return JSON.stringify(event);
  return JSON.stringify(event, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

function allFinite(point: WrittenPoint): boolean {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]);
}

export function decodeEvent(message: string): SimulationEvent {
  return JSON.parse(message, (_key, value: unknown) =>
    value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? Number(value) : value,
  ) as SimulationEvent;
}

/** A written point as it travels: [seconds, value], or [seconds, value, step] where the run gave a step. */
export type WrittenPoint = [number, number] | [number, number, number];

/** Points of one metric an attempt has just written, in time order. */
export interface PointsWrittenEvent {
  type: 'points';
  simulationId: number;
  attempt: number;
  /** The metric's name; absent for `loss`, the emulator's (so its events stay as they were). */
  metric?: string;
  /** Seconds of the point written just before these; null for the first batch. Lets a listener see a gap. */
  after: number | null;
  /** Tuples rather than objects: half the bytes. */
  points: WrittenPoint[];
}

/** The metric a points event is of. */
export function metricOfEvent(event: PointsWrittenEvent): string {
  return event.metric ?? LOSS_METRIC.name;
}

export interface StatusChangedEvent extends SimulationStatusChange {
  type: 'status';
}

export type SimulationEvent = PointsWrittenEvent | StatusChangedEvent;

/**
 * Points of one metric that travel in one live event at most. A report's
 * batch can be 100,000 points: every API process would decode all of it
 * whether or not anyone watches. Past this, the event announces the batch
 * (an empty batch after its last point) and streams behind read it from the
 * database, as they fill any gap.
 */
export const LIVE_EVENT_MAX_POINTS = 2_000;

/** A stored point as a live event carries it. */
function writtenPoint({ seconds, loss, step }: CurvePoint): WrittenPoint {
  return step === null || step === undefined ? [seconds, loss] : [seconds, loss, step];
}

/** Runs whose audience the publisher remembers; past it, it forgets them all and learns again. */
const AUDIENCES_KEPT = 10_000;

/**
 * Publishes what happens to a simulation for live streams. Publishing is
 * best effort: a message lost while Redis is away is made up for by the
 * streams themselves, which re-read the database when they see a gap or
 * after a quiet spell. So nothing here ever waits on Redis or fails a run.
 *
 * Points go to a run nobody watched at its last publish (PUBLISH answers
 * how many subscribers a message reached) as an announcement without them:
 * a stream that has subscribed since reads them from the database, as it
 * reads any gap, and the publish that reaches it makes the next events carry
 * their points again. Unwatched runs, most of them, then cost neither the
 * encoding nor the bytes of their points.
 */
@Injectable()
export class SimulationEventPublisher implements SimulationStatusListener {
  private readonly logger = new Logger(SimulationEventPublisher.name);
  private failures = 0;
  private outbox: SimulationEvent[] = [];
  /** Subscribers each run's channel had at its last publish; a run not here is taken as watched. */
  private readonly audience = new Map<number, number>();
  private stops: SimulationStatusChange[] = [];

  /** Publishes every status change the lifecycle makes in this process. */
  constructor(
    private readonly connections: RedisConnections,
    lifecycle: SimulationLifecycle,
  ) {
    lifecycle.onStatusChange(this);
  }

  pointsWritten(event: Omit<PointsWrittenEvent, 'type'>): void {
    const { points } = event;
    if (points.length > 0 && !this.watched(event.simulationId))
      this.publish({ type: 'points', ...event, after: points[points.length - 1][0], points: [] });
    else this.publish({ type: 'points', ...event });
  }

  /**
   * What a report stored, to the run's live streams: a metric's new points in
   * one event each, or, for a batch too large to carry or a run nobody
   * watches, an announcement that streams fill from the database.
   */
  reportWritten(ref: AttemptRef, written: StoredReport['written']): void {
    for (const { metric, after, points } of written) {
      if (points.length === 0) continue;
      const named = metric === LOSS_METRIC.name ? {} : { metric };
      const event =
        points.length > LIVE_EVENT_MAX_POINTS || !this.watched(ref.simulationId)
          ? { after: points[points.length - 1].seconds, points: [] }
          : { after, points: points.map(writtenPoint) };
      this.pointsWritten({ ...ref, ...named, ...event });
    }
  }

  /** False when the run's last publish reached no subscriber: its points are then announced only. */
  watched(simulationId: number): boolean {
    return this.audience.get(simulationId) !== 0;
  }

  statusChanged(change: SimulationStatusChange): void {
    this.publish({ type: 'status', ...change });
    // Workers hear of a cancelled run on one channel of their own, before their next heartbeat would.
    if (change.status === SimulationStatus.Cancelled) this.stops.push(change);
    if (this.stops.length === 1 && change.status === SimulationStatus.Cancelled)
      setImmediate(() => this.flushStops());
  }

  private flushStops(): void {
    const stops = this.stops;
    this.stops = [];
    const connection = this.connections.command;
    if (connection.status !== 'ready') return;
    for (const { simulationId, attempt } of stops)
      connection
        .publish(RUN_STOPS_CHANNEL, JSON.stringify({ simulationId, attempt }))
        .catch(() => undefined);
  }

  /**
   * Events published in the same turn of the event loop leave in one
   * pipeline: a worker holding a thousand runs publishes their points in one
   * socket write per turn rather than a thousand. Order is kept.
   */
  private publish(event: SimulationEvent): void {
    this.outbox.push(event);
    if (this.outbox.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const events = this.outbox;
    this.outbox = [];
    const connection = this.connections.command;
    // Queued commands would pile up while Redis is away; drop instead.
    if (connection.status !== 'ready' || events.length === 0) return;
    const pipeline = connection.pipeline();
    for (const event of events) {
      pipeline.publish(simulationEventsChannel(event.simulationId), encodeEvent(event));
    }
    pipeline
      .exec()
      .then((results) => {
        const failed = results?.find(([error]) => error)?.[0];
        if (failed) throw failed;
        this.failures = 0;
        if (this.audience.size > AUDIENCES_KEPT) this.audience.clear();
        events.forEach((event, index) =>
          this.audience.set(event.simulationId, Number(results?.[index]?.[1] ?? 1)),
        );
      })
      .catch((error: Error) => {
        if (this.failures++ === 0) this.logger.warn(`publishing events failed: ${error.message}`);
      });
  }
}

export type SimulationEventHandler = (event: SimulationEvent) => void;

/**
 * Delivers a simulation's events to any number of local listeners through one
 * Redis subscription per simulation (not per listener): the channel is
 * subscribed when its first listener arrives and left when its last one goes.
 * ioredis re-subscribes by itself after a reconnect.
 */
@Injectable()
export class SimulationEventSubscriber implements OnModuleDestroy {
  private readonly logger = new Logger(SimulationEventSubscriber.name);
  private connection?: Redis;
  private readonly handlers = new Map<string, Set<SimulationEventHandler>>();

  constructor(private readonly connections: RedisConnections) {}

  /** Starts delivering the simulation's events to `handler`; call the answer to stop. */
  subscribe(simulationId: number, handler: SimulationEventHandler): () => void {
    const channel = simulationEventsChannel(simulationId);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.redis()
        .subscribe(channel)
        .catch((error: Error) =>
          this.logger.warn(`subscribing to ${channel} failed: ${error.message}`),
        );
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(channel);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(channel);
      this.redis()
        .unsubscribe(channel)
        .catch(() => undefined);
    };
  }

  /** Channels this process is subscribed to (one per simulation being watched). */
  get channelCount(): number {
    return this.handlers.size;
  }

  async onModuleDestroy(): Promise<void> {
    this.handlers.clear();
    this.connection?.disconnect();
  }

  private redis(): Redis {
    if (!this.connection) {
      this.connection = this.connections.dedicated('simulation-events');
      this.connection.on('error', () => undefined);
      this.connection.on('message', (channel: string, message: string) =>
        this.deliver(channel, message),
      );
    }
    return this.connection;
  }

  private deliver(channel: string, message: string): void {
    const handlers = this.handlers.get(channel);
    if (!handlers) return;
    let event: SimulationEvent;
    try {
      event = decodeEvent(message);
    } catch {
      return;
    }
    for (const handler of handlers) handler(event);
  }
}

/**
 * Hears the attempts cancelled anywhere (RUN_STOPS_CHANNEL), on a connection
 * of its own, for a worker to stop what it holds of them at once instead of
 * at its next heartbeat. Best effort: the heartbeat still finds any it missed.
 */
@Injectable()
export class RunStopsSubscriber implements OnModuleDestroy {
  private connection?: Redis;

  constructor(private readonly connections: RedisConnections) {}

  listen(stopped: (ref: AttemptRef) => void): void {
    if (this.connection) throw new Error('RunStopsSubscriber listens for one listener');
    this.connection = this.connections.dedicated('run-stops');
    this.connection.on('error', () => undefined);
    this.connection.on('message', (_channel: string, message: string) => {
      try {
        const { simulationId, attempt } = JSON.parse(message) as AttemptRef;
        if (Number.isSafeInteger(simulationId) && Number.isSafeInteger(attempt))
          stopped({ simulationId, attempt });
      } catch {
        // Not one of ours: nothing to stop.
      }
    });
    void this.connection.subscribe(RUN_STOPS_CHANNEL).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.connection?.disconnect();
  }
}

export type { SimulationStatus };
