import { RUN_DATA_LIMITS, SIMULATION_STATUSES, SimulationStatus } from '@app/domain';
import { NAME_MAX_LENGTH } from '../common/text-bounds';
import {
  PARAM_VALUE_SCHEMA,
  RUN_KEY_SCHEMA,
  TAG_VALUE_SCHEMA,
} from '../simulations/dto/run-data.schema';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MetricPointResponse } from '../convergence/metric-curve.response';
import { RunMetricResponse } from '../simulations/dto/simulation.response';
import { MAX_COMPARE_POINTS, MAX_COMPARED_RUNS } from './compare.query';

export class ComparedRunResponse {
  @ApiProperty({ example: 1 })
  simulation_id: number;

  @ApiProperty({ example: 'sweep lr=0.01', maxLength: NAME_MAX_LENGTH })
  name: string;

  @ApiProperty({ enum: SIMULATION_STATUSES, example: 'finished' })
  status: SimulationStatus;

  @ApiProperty({ example: 101 })
  machine_id: number;

  @ApiProperty({ type: 'object', additionalProperties: PARAM_VALUE_SCHEMA, example: { lr: 0.01 } })
  params: Record<string, number | string | boolean>;

  @ApiProperty({ type: 'object', additionalProperties: TAG_VALUE_SCHEMA, example: {} })
  tags: Record<string, string>;

  @ApiProperty({
    type: [RunMetricResponse],
    maxItems: RUN_DATA_LIMITS.maxMetrics,
    description: "Its current attempt's metric summaries.",
  })
  metrics: RunMetricResponse[];
}

export class ComparedParamsResponse {
  @ApiProperty({
    type: 'array',
    items: RUN_KEY_SCHEMA,
    maxItems: RUN_DATA_LIMITS.maxParams * MAX_COMPARED_RUNS,
    example: ['lr'],
    description: 'Params whose value is not the same in every run (missing in some counts).',
  })
  differing: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: PARAM_VALUE_SCHEMA,
    example: { optimizer: 'adam' },
    description: 'Params every run has, with the same value.',
  })
  shared: Record<string, number | string | boolean>;
}

export class ComparedCurveResponse {
  @ApiProperty({ example: 1 })
  simulation_id: number;

  @ApiProperty({ type: [MetricPointResponse], maxItems: MAX_COMPARE_POINTS + 2 })
  data: MetricPointResponse[];

  @ApiProperty({ example: 1000, description: 'Points in the whole curve.' })
  total_points: number;

  @ApiProperty({ example: true })
  downsampled: boolean;

  @ApiPropertyOptional({
    example: true,
    description: 'Present and true when history retention removed this curve (`data` is empty).',
  })
  expired?: boolean;

  @ApiPropertyOptional({
    example: false,
    description: 'Present and false when the run has not reported this metric (`data` is empty).',
  })
  reported?: boolean;
}

export class CompareResponse {
  @ApiProperty({ example: 'loss', maxLength: RUN_DATA_LIMITS.maxKeyLength })
  metric: string;

  @ApiProperty({
    type: [ComparedRunResponse],
    maxItems: MAX_COMPARED_RUNS,
    description: 'In the order asked.',
  })
  runs: ComparedRunResponse[];

  @ApiProperty({ type: ComparedParamsResponse })
  params: ComparedParamsResponse;

  @ApiProperty({
    type: [ComparedCurveResponse],
    maxItems: MAX_COMPARED_RUNS,
    description: 'In the order asked.',
  })
  curves: ComparedCurveResponse[];
}
