// The rule lives beside the summaries it reads: the worker keeps only the levels it allows.
export { BLOCKS_PER_BUCKET, summaryLevelFor } from '@app/domain';
