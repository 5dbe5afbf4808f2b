import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_MACHINE_ID } from '../common/parse-id.pipe';

const idRange = `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}`;

export class RegisterMachineDto {
  @ApiProperty({ example: 103, minimum: 1, maximum: MAX_MACHINE_ID })
  @Max(MAX_MACHINE_ID, { message: idRange })
  @Min(1, { message: idRange })
  @IsInt({ message: idRange })
  @IsDefined({ message: 'machine_id is required' })
  machine_id: number;

  // class-validator runs these bottom-up and stops at the first failure.
  @ApiProperty({ example: 'Machine C', minLength: 1, maxLength: 255 })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 255, { message: 'name must be 1 to 255 characters' })
  @IsString({ message: 'name must be a string' })
  @IsDefined({ message: 'name is required' })
  name: string;
}
