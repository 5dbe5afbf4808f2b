import {
  SIMULATION_SORT_KEYS,
  SIMULATION_STATUSES,
  SimulationSortKey,
  SimulationStatus,
} from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_MACHINE_ID } from '../../common/parse-id.pipe';

export const MAX_PAGE_SIZE = 1000;

export class ListSimulationsQuery {
  @ApiPropertyOptional({
    enum: SIMULATION_SORT_KEYS,
    default: 'creation_date',
    description: 'Ascending; ties by simulation_id.',
  })
  @IsOptional()
  @IsIn(SIMULATION_SORT_KEYS, {
    message: `order_by must be one of: ${SIMULATION_SORT_KEYS.join(', ')}`,
  })
  order_by: SimulationSortKey = 'creation_date';

  @ApiPropertyOptional({ enum: SIMULATION_STATUSES })
  @IsOptional()
  @IsIn(SIMULATION_STATUSES, {
    message: `status must be one of: ${SIMULATION_STATUSES.join(', ')}`,
  })
  status?: SimulationStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MACHINE_ID, example: 101 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  @Min(1, { message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  @Max(MAX_MACHINE_ID, { message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  machine_id?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  limit: number = MAX_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  @Min(0, { message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  @Max(MAX_MACHINE_ID, { message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  offset = 0;
}
