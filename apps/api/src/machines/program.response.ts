import {
  Program,
  PROGRAM_LIMITS,
  ProgramDeclaration,
  ProgramParam,
  RUN_DATA_LIMITS,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PARAM_VALUE_SCHEMA } from '../simulations/dto/run-data.schema';

export class ProgramParamResponse {
  @ApiProperty({ enum: ['number', 'integer', 'string', 'boolean'], example: 'number' })
  type: ProgramParam['type'];

  @ApiPropertyOptional({ maxLength: PROGRAM_LIMITS.descriptionLength })
  description?: string;

  @ApiPropertyOptional({
    ...PARAM_VALUE_SCHEMA,
    description: 'Used when a run does not give it; absent: a run must.',
  })
  default?: number | string | boolean;

  @ApiPropertyOptional({ example: 0.0001 })
  min?: number;

  @ApiPropertyOptional({ example: 1 })
  max?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: PROGRAM_LIMITS.choices,
    items: { type: 'string', maxLength: PROGRAM_LIMITS.choiceLength },
  })
  choices?: string[];
}

export class ProgramResponse {
  @ApiProperty({ example: 'train-digits', maxLength: 63 })
  name: string;

  @ApiPropertyOptional({ maxLength: PROGRAM_LIMITS.descriptionLength })
  description?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ProgramParamResponse) },
    maxProperties: RUN_DATA_LIMITS.maxParams,
    description:
      "The params a run of it may give (as the run's params), their bounds and defaults.",
  })
  params: Record<string, ProgramParamResponse>;

  @ApiProperty({ example: 0, description: 'GPUs each run of it is given.' })
  gpus: number;

  @ApiProperty({
    example: 3600,
    description: 'A run still going after this long is stopped and fails.',
  })
  time_limit_seconds: number;
}

const EMULATE: ProgramResponse = {
  name: Program.Emulate,
  description: "The built-in emulated convergence curve (the original service's run).",
  params: {},
  gpus: 0,
  time_limit_seconds: 0,
};

/** What a machine runs: the built-in emulator, then what its worker declared. */
export function toProgramResponses(declared: ProgramDeclaration[]): ProgramResponse[] {
  return [EMULATE, ...declared.map(toProgramResponse)];
}

function toProgramResponse(program: ProgramDeclaration): ProgramResponse {
  return {
    name: program.name,
    ...(program.description !== undefined && { description: program.description }),
    params: program.params,
    gpus: program.gpus,
    time_limit_seconds: program.timeLimitSeconds,
  };
}
