import { ApiProperty } from '@nestjs/swagger';

export class CreateSimulationResponse {
  @ApiProperty({ example: 1, description: 'The simulation id; also in the Location header.' })
  id: number;

  @ApiProperty({ example: 'pending', enum: ['pending'] })
  status: 'pending';
}
