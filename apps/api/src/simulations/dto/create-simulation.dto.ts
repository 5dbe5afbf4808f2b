import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_ID } from '../../common/parse-id.pipe';

const idRange = (field: string) => `${field} must be an integer between 1 and ${MAX_ID}`;

export class MachineReferenceDto {
  @ApiProperty({ example: 101, minimum: 1, maximum: MAX_ID })
  @IsInt({ message: idRange('machine_id') })
  @Min(1, { message: idRange('machine_id') })
  @Max(MAX_ID, { message: idRange('machine_id') })
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
 * Accepts the original service's example body verbatim. The server owns ids'
 * generation, status and timestamps: `status` may only say "pending", and the
 * two dates are accepted for compatibility and ignored.
 */
export class CreateSimulationDto {
  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: MAX_ID,
    description: 'Choose the id, or leave it out to have one generated. A taken id is a 409.',
  })
  @IsOptional()
  @IsInt({ message: idRange('simulation_id') })
  @Min(1, { message: idRange('simulation_id') })
  @Max(MAX_ID, { message: idRange('simulation_id') })
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
    maximum: MAX_ID,
    description:
      'The machine to run on. Give this, `machine.machine_id`, or both (then they must agree).',
  })
  @IsOptional()
  @IsInt({ message: idRange('machine_id') })
  @Min(1, { message: idRange('machine_id') })
  @Max(MAX_ID, { message: idRange('machine_id') })
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
    example: '2024-03-05T14:30:00',
    description:
      'Accepted for compatibility and ignored: the server records when it created the simulation.',
  })
  @IsOptional()
  @IsISO8601({}, { message: 'creation_date must be an ISO 8601 date' })
  creation_date?: string;

  @ApiPropertyOptional({
    example: '2024-03-05T15:00:00',
    description: 'Accepted for compatibility and ignored: the server records every change.',
  })
  @IsOptional()
  @IsISO8601({}, { message: 'update_date must be an ISO 8601 date' })
  update_date?: string;

  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 10,
    default: 3,
    description:
      'Automatic attempts before a failing run is given up (a manual retry grants as many again).',
  })
  @IsOptional()
  @Max(10, { message: 'max_attempts must be an integer between 1 and 10' })
  @Min(1, { message: 'max_attempts must be an integer between 1 and 10' })
  @IsInt({ message: 'max_attempts must be an integer between 1 and 10' })
  max_attempts?: number;

  @ApiPropertyOptional({ type: MachineReferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MachineReferenceDto)
  machine?: MachineReferenceDto;
}
