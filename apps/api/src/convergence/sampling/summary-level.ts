import { SUMMARY_FANOUT, SUMMARY_LEVELS, summaryBlockSize } from '@app/domain';

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

export { SUMMARY_FANOUT };
