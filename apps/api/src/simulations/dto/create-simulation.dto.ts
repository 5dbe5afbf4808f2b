import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  RUN_DATA_LIMITS,
  RUN_KEY_RULE,
  runDataProblems,
  RunParams,
  RunTags,
  CURVE_LIMITS,
  DEFAULT_ATTEMPT_BUDGET,
  emulationProblems,
  EmulationSettings,
  fromEmulationSettings,
  Program,
  PROGRAM_NAME_PATTERN,
  PROJECT_NAME_PATTERN,
  PROJECT_NAME_RULE,
  PROGRAM_NAME_RULE,
} from '@app/domain';
import { IntegerBetween } from '../../common/integer-between.decorator';
import { PARAM_VALUE_SCHEMA, TAG_VALUE_SCHEMA } from './run-data.schema';
import { MAX_MACHINE_ID, MAX_SIMULATION_ID } from '../../common/parse-id.pipe';

export class MachineReferenceDto {
  @ApiProperty({ example: 101, minimum: 1, maximum: MAX_MACHINE_ID })
  @IntegerBetween('machine_id', 1, MAX_MACHINE_ID)
  machine_id: number;

  @ApiPropertyOptional({
    example: 'Machine A',
    minLength: 1,
    maxLength: 255,
    description:
      'Registers the machine under this name if it is unknown. An existing machine keeps its name.',
  })
  @IsOptional()
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 255, { message: 'name must be 1 to 255 characters' })
  @IsString({ message: 'name must be a string' })
  name?: string;
}

/**
 * How the curve is emulated. Every field is optional; the defaults give the
 * contract's ten points. The fields are checked together, by the domain's
 * emulationProblems, through @ValidEmulation on the field that holds them.
 */
export class EmulationDto {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: CURVE_LIMITS.maxPoints,
    default: 10,
    example: 10,
    description: 'Points in the curve.',
  })
  @Allow()
  points?: number;

  @ApiPropertyOptional({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: CURVE_LIMITS.maxSpanSeconds,
    default: 100,
    example: 100,
    description: 'Simulated seconds the curve covers: point i of n sits at span_seconds · i / n.',
  })
  @Allow()
  span_seconds?: number;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: CURVE_LIMITS.maxTickMs,
    example: 1000,
    description:
      'Real milliseconds between points; 0 writes as fast as the database takes them. Left out, ' +
      'a run lasts as long as the default ten-point run (about 10 s) whatever its length. ' +
      'points × tick_ms may not exceed 24 hours.',
  })
  @Allow()
  tick_ms?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: CURVE_LIMITS.maxNoise,
    default: 0,
    example: 0.1,
    description:
      'Noise level: the loss is multiplied by e^(noise·z), z standard normal. 0 gives a smooth curve.',
  })
  @Allow()
  noise?: number;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: CURVE_LIMITS.maxSeed,
    example: 42,
    description:
      'Seeds the noise: the same seed gives the same curve. Left out, one is drawn and recorded.',
  })
  @Allow()
  seed?: number;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: CURVE_LIMITS.maxDecimals,
    default: 3,
    example: 3,
    description: 'Decimal places the loss is rounded to.',
  })
  @Allow()
  decimals?: number;
}

/**
 * Accepts the original service's example body verbatim. The server owns ids'
 * generation, status and timestamps: `status` may only say "pending", and the
 * two dates are accepted for compatibility and ignored.
 */
export class CreateSimulationDto {
  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: MAX_SIMULATION_ID,
    format: 'int64',
    description: 'Choose the id, or leave it out to have one generated. A taken id is a 409.',
  })
  @IsOptional()
  @IntegerBetween('simulation_id', 1, MAX_SIMULATION_ID)
  simulation_id?: number;

  // class-validator runs these bottom-up and stops at the first failure.
  @ApiProperty({ example: 'Sample Simulation', minLength: 1, maxLength: 255 })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 255, { message: 'name must be 1 to 255 characters' })
  @IsString({ message: 'name must be a string' })
  @IsDefined({ message: 'name is required' })
  name: string;

  @ApiPropertyOptional({
    example: 101,
    minimum: 1,
    maximum: MAX_MACHINE_ID,
    description:
      'The machine to run on. Give this, `machine.machine_id`, or both (then they must agree).',
  })
  @IsOptional()
  @IntegerBetween('machine_id', 1, MAX_MACHINE_ID)
  machine_id?: number;

  @ApiPropertyOptional({
    enum: ['pending'],
    example: 'pending',
    description: 'Every simulation starts pending; any other value is a 400.',
  })
  @IsOptional()
  @IsIn(['pending'], { message: 'status may only be "pending" (or left out): the server sets it' })
  status?: 'pending';

  @ApiPropertyOptional({
    example: '2024-03-05T14:30:00Z',
    format: 'date-time',
    maxLength: 64,
    description:
      'Accepted for compatibility and ignored: the server records when it created the simulation.',
  })
  @IsOptional()
  @MaxLength(64, { message: 'creation_date must be an ISO 8601 date' })
  @IsISO8601({}, { message: 'creation_date must be an ISO 8601 date' })
  creation_date?: string;

  @ApiPropertyOptional({
    example: '2024-03-05T15:00:00Z',
    format: 'date-time',
    maxLength: 64,
    description: 'Accepted for compatibility and ignored: the server records every change.',
  })
  @IsOptional()
  @MaxLength(64, { message: 'update_date must be an ISO 8601 date' })
  @IsISO8601({}, { message: 'update_date must be an ISO 8601 date' })
  update_date?: string;

  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 10,
    default: DEFAULT_ATTEMPT_BUDGET,
    description:
      'Automatic attempts before a failing run is given up (a manual retry grants as many again).',
  })
  @IsOptional()
  @IntegerBetween('attempt_budget', 1, 10)
  attempt_budget?: number;

  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 10,
    deprecated: true,
    description:
      'Deprecated: the earlier name of `attempt_budget`, still read for one release. ' +
      'Given with `attempt_budget`, the two must agree.',
  })
  @IsOptional()
  @IntegerBetween('max_attempts', 1, 10)
  max_attempts?: number;

  @ApiPropertyOptional({
    type: String,
    pattern: PROGRAM_NAME_PATTERN.source,
    maxLength: 63,
    default: Program.Emulate,
    example: Program.Emulate,
    description:
      "What runs it: `emulate` (the contract's run: a worker serving the machine emulates the curve), " +
      '`external` (a run reporting from anywhere: no worker takes it; the answer carries its ' +
      'run-scoped token, and its client reports its start, metrics and end; docs/runs.md), or a ' +
      "program the machine's worker declared (GET /machines lists them with their params; " +
      'docs/programs.md): `params` are then checked against its params and their bounds, defaults ' +
      'filled in. An external run has one attempt (`attempt_budget` 1): its client, not a worker, ' +
      'decides about retries.',
  })
  @IsOptional()
  @Matches(PROGRAM_NAME_PATTERN, { message: `program is ${PROGRAM_NAME_RULE}` })
  program?: string;

  @ApiPropertyOptional({ type: MachineReferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MachineReferenceDto)
  machine?: MachineReferenceDto;

  @ApiPropertyOptional({
    type: String,
    pattern: PROJECT_NAME_PATTERN.source,
    maxLength: 63,
    example: 'vision',
    description:
      'The project it belongs to (docs/projects.md): creating takes the operator role in it. Left ' +
      'out: the only project of a token scoped to one, else `default`.',
  })
  @IsOptional()
  @Matches(PROJECT_NAME_PATTERN, { message: `project is ${PROJECT_NAME_RULE}` })
  project?: string;

  @ApiPropertyOptional({
    type: EmulationDto,
    description: "How the convergence curve is emulated; left out, the contract's ten points.",
  })
  @IsOptional()
  @ValidEmulation()
  @ValidateNested()
  @Type(() => EmulationDto)
  emulation?: EmulationDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: PARAM_VALUE_SCHEMA,
    maxProperties: RUN_DATA_LIMITS.maxParams,
    example: { lr: 0.01, optimizer: 'adam', augment: true },
    description:
      `The run's params: up to ${RUN_DATA_LIMITS.maxParams} keys (${RUN_KEY_RULE}), each a number, a string ` +
      `(at most ${RUN_DATA_LIMITS.maxParamTextLength} characters) or a boolean. Written once; search compares ` +
      'numbers as numbers (docs/search.md).',
  })
  @IsOptional()
  @ValidRunData('params')
  params?: RunParams;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: TAG_VALUE_SCHEMA,
    maxProperties: RUN_DATA_LIMITS.maxTags,
    example: { team: 'vision' },
    description:
      `The run's tags: up to ${RUN_DATA_LIMITS.maxTags} keys (${RUN_KEY_RULE}), each a string of at most ` +
      `${RUN_DATA_LIMITS.maxTagValueLength} characters. Changed later with PATCH /simulation/{id}/tags.`,
  })
  @IsOptional()
  @ValidRunData('tags')
  tags?: RunTags;
}

/** Checks params or tags with the domain's one check; each problem names its key. */
function ValidRunData(field: 'params' | 'tags'): PropertyDecorator {
  const problemsOf = (value: unknown) =>
    field === 'params' ? runDataProblems(value, undefined) : runDataProblems(undefined, value);
  return ValidateBy({
    name: `validRunData.${field}`,
    validator: {
      validate: (value) => problemsOf(value).length === 0,
      defaultMessage: (args) => problemsOf(args?.value).join('; '),
    },
  });
}

/** Checks emulation settings with the domain's one check; each problem names its field. */
function ValidEmulation(): PropertyDecorator {
  const problemsOf = (value: unknown) =>
    value && typeof value === 'object'
      ? emulationProblems(fromEmulationSettings(value as Partial<EmulationSettings>))
      : [];
  return ValidateBy({
    name: 'validEmulation',
    validator: {
      // Not an object at all is ValidateNested's to report.
      validate: (value) => problemsOf(value).length === 0,
      defaultMessage: (args) => problemsOf(args?.value).join('; '),
    },
  });
}
