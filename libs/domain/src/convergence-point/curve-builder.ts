import type { CurvePoint } from './curve-point';

/** Summary blocks hold 8, 64, 512, … points: level L covers SUMMARY_FANOUT^L consecutive points. */
export const SUMMARY_FANOUT = 8;
/** Level 6 blocks hold 262,144 points: enough for curves of a million. */
export const SUMMARY_LEVELS = 6;

export function summaryBlockSize(level: number): number {
  return SUMMARY_FANOUT ** level;
}

const BLOCK_SIZES = Array.from({ length: SUMMARY_LEVELS + 1 }, (_, level) =>
  summaryBlockSize(level),
);

/**
 * A bucket's extremes are read from summary blocks at most 1/8 of its size,
 * so they take 8 to 64 block rows (plus the two blocks straddling its edges)
 * whatever the bucket's length. Buckets under 64 points read their points.
 */
export const BLOCKS_PER_BUCKET = 8;

/** The summary level to read a bucket of `count` points from; 0 means its raw points. */
export function summaryLevelFor(count: number): number {
  let level = 0;
  while (level < SUMMARY_LEVELS && summaryBlockSize(level + 1) * BLOCKS_PER_BUCKET <= count) {
    level++;
  }
  return level;
}

/**
 * A point as stored: its place in the curve and the running sums up to and
 * including it. Values may be NaN or ±Infinity (a diverged loss is worth
 * seeing): the sum of values and `cumFinite` count the finite ones only, so a
 * bucket's mean is the mean of its finite values.
 */
export interface StoredPoint extends CurvePoint {
  seq: number;
  cumLoss: number;
  cumSeconds: number;
  /** Finite values up to and including this point (seq + 1 while every value has been). */
  cumFinite: number;
}

/** Whether `candidate` is a new minimum: NaN is never one, and gives way to any number. */
function isLower(candidate: number, current: number): boolean {
  return Number.isNaN(current) ? !Number.isNaN(candidate) : candidate < current;
}

/** Whether `candidate` is a new maximum: NaN is never one, and gives way to any number. */
function isHigher(candidate: number, current: number): boolean {
  return Number.isNaN(current) ? !Number.isNaN(candidate) : candidate > current;
}

/** The extremes of one block of consecutive points (a partial block while the curve grows). */
export interface SummaryCell {
  level: number;
  block: number;
  minLoss: number;
  maxLoss: number;
  /**
   * In a batch: the cell was open before it, so an earlier batch (or the
   * tail the builder resumed from) stored it, and this batch updates it.
   * Every other cell of a batch is new.
   */
  continued?: boolean;
}

/**
 * A metric's summary over every point so far: what a filter or a sort on
 * `metrics.<name>.(last|min|max|count)` reads, one row per attempt and metric.
 * The first of equal minima is kept: where a curve first reached its best.
 */
export interface MetricSummary {
  count: number;
  lastValue: number;
  lastSeconds: number;
  minValue: number;
  minSeconds: number;
  maxValue: number;
  /** The step of the last point and of the minimum; null where none was given. */
  lastStep: number | null;
  minStep: number | null;
  /** Every point gave a step, none lower than the one before: the series can be read by step. */
  byStep: boolean;
}

/**
 * What one write adds: the new points, every summary cell they changed with
 * its new values, and the metric's summary after them.
 */
export interface CurveBatch {
  points: StoredPoint[];
  cells: SummaryCell[];
  summary?: MetricSummary;
}

/**
 * Where a stored series stands, for a writer that did not build it (the API
 * appending a run's report): its last point, the summary cell each level is
 * filling (those holding the last point), and the metric's summary.
 */
export interface SeriesTail {
  last: StoredPoint;
  openCells: SummaryCell[];
  summary: MetricSummary;
}

/**
 * Turns one attempt's curve, produced in time order, into stored points and
 * summary cells. Cells carry absolute values (not increments), so writing a
 * batch twice — a retry after a lost reply — leaves the same state.
 */
export class CurveBuilder {
  /**
   * Levels kept. No bucket of a curve holds more points than the curve, so a
   * curve planned at n points is never read above summaryLevelFor(n): a
   * ten-point run (the default) needs no summaries at all, where keeping
   * every level cost six upserts per point.
   */
  private readonly levels: number;
  private nextSeq = 0;
  private cumLoss = 0;
  private cumSeconds = 0;
  private cumFinite = 0;
  private lastSeconds = 0;
  /** The block each level is filling, with its extremes so far. */
  private readonly openCells: SummaryCell[] = [];
  private summary?: MetricSummary;
  /** The last point appended (or resumed from). */
  private last?: StoredPoint;

  /** `plannedPoints`: how long the curve will be, when known; otherwise every level is kept. */
  constructor(plannedPoints?: number) {
    this.levels = plannedPoints === undefined ? SUMMARY_LEVELS : summaryLevelFor(plannedPoints);
  }

  /** A builder that goes on from a stored series' tail, keeping every level (its length is unknown). */
  static resume(tail: SeriesTail): CurveBuilder {
    const builder = new CurveBuilder();
    builder.nextSeq = tail.last.seq + 1;
    builder.cumLoss = tail.last.cumLoss;
    builder.cumSeconds = tail.last.cumSeconds;
    builder.cumFinite = tail.last.cumFinite;
    builder.lastSeconds = tail.last.seconds;
    builder.last = tail.last;
    for (const cell of tail.openCells) builder.openCells[cell.level] = { ...cell };
    builder.summary = { ...tail.summary };
    return builder;
  }

  get length(): number {
    return this.nextSeq;
  }

  /**
   * Where the series stands now, as a builder resumed from it would go on:
   * what a writer keeps to skip reading it back before its next batch.
   * Undefined before any point.
   */
  tail(): SeriesTail | undefined {
    if (!this.last || !this.summary) return undefined;
    return {
      last: this.last,
      openCells: this.openCells.filter(Boolean).map((cell) => ({ ...cell })),
      summary: { ...this.summary },
    };
  }

  /** Seconds of the last point appended (0 before any). */
  get lastPointSeconds(): number {
    return this.lastSeconds;
  }

  append(points: readonly CurvePoint[]): CurveBatch {
    const stored: StoredPoint[] = new Array(points.length);
    // Cells this batch changed, per level, in block order (a level's blocks only move forward).
    const touched: SummaryCell[][] = Array.from({ length: this.levels + 1 }, () => []);
    const openBefore = new Set(this.openCells);
    for (let index = 0; index < points.length; index++) {
      const { seconds, loss } = points[index];
      const step = points[index].step ?? null;
      if (!(seconds > this.lastSeconds) || !Number.isFinite(seconds)) {
        throw new RangeError(
          `curve points must have increasing positive seconds: ${seconds} after ${this.lastSeconds}`,
        );
      }
      if (typeof loss !== 'number') throw new RangeError(`a value must be a number: ${loss}`);
      const seq = this.nextSeq++;
      if (Number.isFinite(loss)) {
        this.cumLoss += loss;
        this.cumFinite++;
      }
      this.cumSeconds += seconds;
      this.lastSeconds = seconds;
      stored[index] = {
        seq,
        seconds,
        loss,
        step,
        cumLoss: this.cumLoss,
        cumSeconds: this.cumSeconds,
        cumFinite: this.cumFinite,
      };
      this.summarise(seconds, loss, step);
      for (let level = 1; level <= this.levels; level++) {
        const block = Math.floor(seq / BLOCK_SIZES[level]);
        let cell = this.openCells[level];
        if (!cell || cell.block !== block) {
          cell = { level, block, minLoss: loss, maxLoss: loss };
          this.openCells[level] = cell;
        } else {
          if (isLower(loss, cell.minLoss)) cell.minLoss = loss;
          if (isHigher(loss, cell.maxLoss)) cell.maxLoss = loss;
        }
        const changed = touched[level];
        if (changed[changed.length - 1] !== cell) changed.push(cell);
      }
    }
    if (points.length) this.last = stored[points.length - 1];
    // Copies: the open cells and the summary keep changing after this batch is handed out.
    return {
      points: stored,
      cells: touched.flat().map((cell) => ({ ...cell, continued: openBefore.has(cell) })),
      ...(this.summary && { summary: { ...this.summary } }),
    };
  }

  private summarise(seconds: number, value: number, step: number | null): void {
    const summary = this.summary;
    if (!summary) {
      this.summary = {
        count: 1,
        lastValue: value,
        lastSeconds: seconds,
        lastStep: step,
        minValue: value,
        minSeconds: seconds,
        minStep: step,
        maxValue: value,
        byStep: step !== null,
      };
      return;
    }
    summary.byStep &&= step !== null && summary.lastStep !== null && step >= summary.lastStep;
    summary.count++;
    summary.lastValue = value;
    summary.lastSeconds = seconds;
    summary.lastStep = step;
    if (isLower(value, summary.minValue)) {
      summary.minValue = value;
      summary.minSeconds = seconds;
      summary.minStep = step;
    }
    if (isHigher(value, summary.maxValue)) summary.maxValue = value;
  }
}

/**
 * Curve batches as the column arrays a statement unnests: every point, every
 * summary cell and each batch's metric summary tagged with the key of the batch it came from (a run's
 * position in a group commit, or a simulation's id). One shape, so each
 * statement that stores batches sends them the same way.
 */
export function batchColumns(batches: Iterable<{ key: number; batch: CurveBatch }>) {
  const points = {
    key: [] as number[],
    seq: [] as number[],
    seconds: [] as number[],
    loss: [] as number[],
    step: [] as Array<number | null>,
    cumLoss: [] as number[],
    cumSeconds: [] as number[],
    /** Null while every value so far was finite (the column's reader counts seq + 1 then). */
    cumFinite: [] as Array<number | null>,
  };
  const cells = {
    key: [] as number[],
    level: [] as number[],
    block: [] as number[],
    min: [] as number[],
    max: [] as number[],
  };
  const summaries = {
    key: [] as number[],
    count: [] as number[],
    lastValue: [] as number[],
    lastSeconds: [] as number[],
    minValue: [] as number[],
    minSeconds: [] as number[],
    maxValue: [] as number[],
    lastStep: [] as Array<number | null>,
    minStep: [] as Array<number | null>,
    byStep: [] as boolean[],
  };
  for (const { key, batch } of batches) {
    for (const point of batch.points) {
      points.key.push(key);
      points.seq.push(point.seq);
      points.seconds.push(point.seconds);
      points.loss.push(point.loss);
      points.step.push(point.step ?? null);
      points.cumLoss.push(point.cumLoss);
      points.cumSeconds.push(point.cumSeconds);
      points.cumFinite.push(point.cumFinite === point.seq + 1 ? null : point.cumFinite);
    }
    for (const cell of batch.cells) {
      cells.key.push(key);
      cells.level.push(cell.level);
      cells.block.push(cell.block);
      cells.min.push(cell.minLoss);
      cells.max.push(cell.maxLoss);
    }
    const summary = batch.summary;
    if (summary) {
      summaries.key.push(key);
      summaries.count.push(summary.count);
      summaries.lastValue.push(summary.lastValue);
      summaries.lastSeconds.push(summary.lastSeconds);
      summaries.minValue.push(summary.minValue);
      summaries.minSeconds.push(summary.minSeconds);
      summaries.maxValue.push(summary.maxValue);
      summaries.lastStep.push(summary.lastStep);
      summaries.minStep.push(summary.minStep);
      summaries.byStep.push(summary.byStep);
    }
  }
  return { points, cells, summaries };
}

/**
 * batchColumns' metric summaries in the order statements unnest them: key,
 * count, last value and seconds, minimum value and seconds, maximum, last
 * and minimum's steps, whether it can be read by step.
 */
export function summaryColumnsInOrder(summaries: ReturnType<typeof batchColumns>['summaries']) {
  return [
    summaries.key,
    summaries.count,
    summaries.lastValue,
    summaries.lastSeconds,
    summaries.minValue,
    summaries.minSeconds,
    summaries.maxValue,
    summaries.lastStep,
    summaries.minStep,
    summaries.byStep,
  ];
}
