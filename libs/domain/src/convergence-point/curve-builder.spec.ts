import {
  CurveBatch,
  CurveBuilder,
  SUMMARY_LEVELS,
  SummaryCell,
  summaryBlockSize,
  summaryLevelFor,
} from './curve-builder';

function curve(length: number, start = 1): Array<{ seconds: number; loss: number }> {
  return Array.from({ length }, (_, index) => ({
    seconds: start + index,
    loss: Math.sin(start + index) + 2,
  }));
}

describe('CurveBuilder', () => {
  it('numbers points and keeps running sums across batches', () => {
    const builder = new CurveBuilder();
    const first = builder.append(curve(3));
    const second = builder.append(curve(2, 4));
    const all = [...first.points, ...second.points];
    expect(all.map((point) => point.seq)).toEqual([0, 1, 2, 3, 4]);
    const losses = curve(5).map((point) => point.loss);
    all.forEach((point, index) => {
      const upTo = losses.slice(0, index + 1);
      expect(point.cumLoss).toBeCloseTo(
        upTo.reduce((sum, loss) => sum + loss, 0),
        12,
      );
      expect(point.cumSeconds).toBe(((index + 1) * (index + 2)) / 2);
    });
    expect(builder.length).toBe(5);
  });

  it('ends with summary cells equal to the extremes of every block, however it was batched', () => {
    const points = curve(1_000);
    const builder = new CurveBuilder();
    const cells = new Map<string, SummaryCell>();
    for (let start = 0; start < points.length; start += 37) {
      for (const cell of builder.append(points.slice(start, start + 37)).cells) {
        cells.set(`${cell.level}:${cell.block}`, cell);
      }
    }
    for (const cell of cells.values()) {
      const size = summaryBlockSize(cell.level);
      const losses = points.slice(cell.block * size, (cell.block + 1) * size).map((p) => p.loss);
      expect(cell.minLoss).toBe(Math.min(...losses));
      expect(cell.maxLoss).toBe(Math.max(...losses));
    }
    // Level 1 (8 points) over 1,000 points: 125 blocks; level 2 (64): 16; level 3 (512): 2.
    const perLevel = [...cells.values()].reduce<Record<number, number>>(
      (count, cell) => ({ ...count, [cell.level]: (count[cell.level] ?? 0) + 1 }),
      {},
    );
    expect(perLevel).toEqual({ 1: 125, 2: 16, 3: 2, 4: 1, 5: 1, 6: 1 });
  });

  it('keeps only the levels a reader can use on a curve of the planned length', () => {
    const levelsKept = (planned: number) => [
      ...new Set(new CurveBuilder(planned).append(curve(planned)).cells.map((c) => c.level)),
    ];
    // A bucket reads level L only when it holds 8 blocks of it: 64 points for level 1.
    expect(levelsKept(10)).toEqual([]);
    expect(levelsKept(63)).toEqual([]);
    expect(levelsKept(64)).toEqual([1]);
    expect(levelsKept(511)).toEqual([1]);
    expect(levelsKept(512)).toEqual([1, 2]);
    expect(levelsKept(20_000)).toEqual([1, 2, 3]);
    // The highest kept is the highest any bucket of that curve (at most the whole curve) reads.
    for (const planned of [10, 64, 100, 512, 4_096, 32_768]) {
      expect(Math.max(0, ...levelsKept(planned))).toBe(summaryLevelFor(planned));
    }
  });

  it('refuses points out of time order or at non-positive seconds', () => {
    const builder = new CurveBuilder();
    expect(() => builder.append([{ seconds: 0, loss: 1 }])).toThrow(RangeError);
    builder.append([{ seconds: 2, loss: 1 }]);
    expect(() => builder.append([{ seconds: 2, loss: 1 }])).toThrow(/increasing/);
    expect(() => builder.append([{ seconds: Infinity, loss: 1 }])).toThrow(/increasing/);
    expect(() => builder.append([{ seconds: 3, loss: '1' as unknown as number }])).toThrow(
      /must be a number/,
    );
  });

  it('summarises the metric after each batch, as absolute values (a batch written twice changes nothing)', () => {
    const builder = new CurveBuilder();
    expect(builder.append([]).summary).toBeUndefined();
    const first = builder.append([
      { seconds: 1, loss: 2, step: 10 },
      { seconds: 2, loss: 0.5, step: 20 },
    ]);
    expect(first.summary).toEqual({
      count: 2,
      lastValue: 0.5,
      lastSeconds: 2,
      lastStep: 20,
      minValue: 0.5,
      minSeconds: 2,
      minStep: 20,
      maxValue: 2,
      byStep: true,
    });
    expect(first.points.map((point) => point.step)).toEqual([10, 20]);
    const second = builder.append([
      { seconds: 3, loss: 0.5, step: 30 },
      { seconds: 4, loss: 3 },
    ]);
    expect(second.summary).toEqual({
      count: 4,
      lastValue: 3,
      lastSeconds: 4,
      lastStep: null,
      minValue: 0.5,
      minSeconds: 2,
      minStep: 20,
      maxValue: 3,
      byStep: false,
    });
    expect(first.summary?.count).toBe(2);
  });

  it('can be read by step while every point gives one and none goes back (equal steps do not)', () => {
    const byStep = (...batches: Array<Array<number | null>>) => {
      const builder = new CurveBuilder();
      let seconds = 0;
      let result: boolean | undefined;
      for (const steps of batches)
        result = builder.append(steps.map((step) => ({ seconds: ++seconds, loss: 1, step })))
          .summary?.byStep;
      return result;
    };
    expect(byStep([0, 10], [10, 20])).toBe(true);
    expect(byStep([0, 10], [5])).toBe(false);
    expect(byStep([0, 10], [null, 20])).toBe(false);
    expect(byStep([null])).toBe(false);
    // Once lost, never back: the points that went back are still stored.
    expect(byStep([3, 2], [4, 5])).toBe(false);
  });

  it('goes on from a stored tail exactly as one builder would have (resume)', () => {
    const curve = Array.from({ length: 1_000 }, (_, k) => ({
      seconds: k + 1,
      loss: Math.abs(Math.sin(k)) + 1 / (k + 1),
      step: k,
    }));
    /**
     * Cells by (level, block), later writes replacing earlier: what the table
     * holds. A cell is new the first time it is written and continued every
     * time after (its row is then inserted once and updated after).
     */
    const table = (batches: CurveBatch[]) => {
      const cells = new Map<string, SummaryCell>();
      for (const batch of batches)
        for (const { continued, ...cell } of batch.cells) {
          const key = `${cell.level}:${cell.block}`;
          expect([key, continued]).toEqual([key, cells.has(key)]);
          cells.set(key, cell);
        }
      return cells;
    };
    const whole = new CurveBuilder().append(curve);

    const batches: CurveBatch[] = [];
    let builder = new CurveBuilder();
    for (const [from, to] of [
      [0, 100],
      [100, 513],
      [513, 1_000],
    ]) {
      batches.push(builder.append(curve.slice(from, to)));
      const stored = table(batches);
      const last = batches[batches.length - 1].points.at(-1)!;
      // What the API reads back: the last point, the cell holding it at each level, the summary.
      const openCells = Array.from({ length: SUMMARY_LEVELS }, (_, index) => index + 1)
        .map((level) => stored.get(`${level}:${Math.floor(last.seq / 8 ** level)}`))
        .filter((cell): cell is SummaryCell => cell !== undefined);
      builder = CurveBuilder.resume({
        last,
        openCells,
        summary: batches[batches.length - 1].summary!,
      });
    }
    expect(batches.flatMap((batch) => batch.points)).toEqual(whole.points);
    expect(table(batches)).toEqual(table([whole]));
    expect(batches.at(-1)!.summary).toEqual(whole.summary);
    expect(builder.length).toBe(1_000);
  });

  it('keeps NaN and ±Infinity as values, counting only finite ones in sums, and never as an extreme over a number', () => {
    const builder = new CurveBuilder();
    const batch = builder.append(
      [NaN, 2, Infinity, NaN, -1, 4, NaN, 3].map((loss, index) => ({ seconds: index + 1, loss })),
    );
    expect(batch.points.map((point) => point.cumFinite)).toEqual([0, 1, 1, 1, 2, 3, 3, 4]);
    expect(batch.points.at(-1)!.cumLoss).toBe(2 - 1 + 4 + 3);
    const [cell] = batch.cells.filter((c) => c.level === 1);
    expect(cell).toEqual({ level: 1, block: 0, minLoss: -1, maxLoss: Infinity, continued: false });
    expect(batch.summary).toMatchObject({
      count: 8,
      lastValue: 3,
      minValue: -1,
      minSeconds: 5,
      maxValue: Infinity,
    });
    const onlyNaN = new CurveBuilder().append([{ seconds: 1, loss: NaN }]);
    expect(onlyNaN.summary).toMatchObject({ minValue: NaN, maxValue: NaN });
  });
});
