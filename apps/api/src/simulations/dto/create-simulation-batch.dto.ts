import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { CreateSimulationDto } from './create-simulation.dto';
import { CreateSimulationResponse } from './create-simulation.response';

/** The most simulations one batch creates: a sweep, in one request and one transaction. */
export const MAX_BATCH_SIZE = 1_000;

export class CreateSimulationBatchDto {
  @ApiProperty({
    type: [CreateSimulationDto],
    minItems: 1,
    maxItems: MAX_BATCH_SIZE,
    description: `1 to ${MAX_BATCH_SIZE} simulations, each as \`POST /simulation\` takes it.`,
  })
  // class-validator checks a property's decorators from the bottom up, and stops at the first
  // failing (stopAtFirstError): presence, then type, then size, then the items.
  @ValidateNested({ each: true })
  @Type(() => CreateSimulationDto)
  @ArrayMaxSize(MAX_BATCH_SIZE, {
    message: `simulations may hold at most ${MAX_BATCH_SIZE} simulations`,
  })
  @ArrayMinSize(1, { message: 'simulations must hold at least one simulation' })
  @IsArray({ message: 'simulations must be an array' })
  @IsDefined({ message: 'simulations is required' })
  simulations: CreateSimulationDto[];
}

export class CreateSimulationBatchResponse {
  @ApiProperty({
    type: [CreateSimulationResponse],
    maxItems: MAX_BATCH_SIZE,
    description: 'The simulations created, in the order they were sent.',
  })
  simulations: CreateSimulationResponse[];
}
