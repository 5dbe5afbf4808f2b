import { PROGRAM_LIMITS, RunLogLine } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { INSTANT_MAX_LENGTH } from '../common/text-bounds';
import { MAX_LOG_LINES } from './run-logs.query';

/** A stored line's length at most: the largest max_line_bytes a programs file may set. */
export const LINE_MAX_LENGTH = PROGRAM_LIMITS.logLineBytes;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

export class RunLogLineResponse {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    maximum: MAX_SEQ,
    example: 1,
    description: 'Its place in the attempt’s output.',
  })
  seq: number;

  @ApiProperty({ enum: ['stdout', 'stderr'], example: 'stdout' })
  stream: 'stdout' | 'stderr';

  @ApiProperty({
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    description: 'When the worker read it.',
  })
  at: string;

  @ApiProperty({ maxLength: LINE_MAX_LENGTH, example: 'epoch 1 loss 2.30' })
  text: string;

  @ApiProperty({
    description: "The line went on past its program's max_line_bytes; this is its start.",
  })
  cut: boolean;
}

export class RunLogsResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647, example: 1 })
  attempt: number;

  @ApiProperty({ type: [RunLogLineResponse], maxItems: MAX_LOG_LINES })
  lines: RunLogLineResponse[];

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_SEQ,
    description:
      "Lines of the attempt's output no longer kept: its log outgrew its program's logs.max_bytes, and the oldest went.",
  })
  dropped: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_SEQ,
    description:
      'The seq to pass as `after` for the lines that follow (the last one answered, or `after` itself).',
  })
  next_after: number;

  @ApiProperty({ description: 'More lines follow now (a later `after` page holds them).' })
  more: boolean;
}

export function toRunLogLineResponse(line: RunLogLine): RunLogLineResponse {
  return {
    seq: line.seq,
    stream: line.stream,
    at: line.at.toISOString(),
    text: line.text,
    cut: line.cut,
  };
}
