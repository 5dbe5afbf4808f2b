import { ApiProperty } from '@nestjs/swagger';

export class ConvergencePointResponse {
  @ApiProperty({ example: 10, description: 'Simulated seconds since the run started.' })
  seconds: number;

  @ApiProperty({ example: 0.042 })
  loss: number;
}

export class ConvergenceResponse {
  @ApiProperty({
    type: [ConvergencePointResponse],
    description: 'Ordered by seconds. While the run is in progress, the points written so far.',
  })
  data: ConvergencePointResponse[];
}
