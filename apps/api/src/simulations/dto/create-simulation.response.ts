import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SimulationResponse } from './simulation.response';

export class CreateSimulationResponse {
  @ApiProperty({ example: 1, description: 'The simulation id; also in the Location header.' })
  id: number;

  @ApiProperty({ example: 'pending', enum: ['pending'] })
  status: 'pending';

  @ApiPropertyOptional({
    maxLength: 2048,
    example: 'eyJhbGciOiJIUzI1NiIs…',
    description:
      'For `program: "external"` only: the run-scoped token its client starts, reports and ends ' +
      'it with (POST /simulation/{id}/start, /metrics, /heartbeat, /end). Good for that run’s ' +
      'next attempt only and for nothing else; not stored, so keep it (the same request replayed ' +
      'with its Idempotency-Key answers a fresh one).',
  })
  run_token?: string;
}

export class RetriedSimulationResponse extends SimulationResponse {
  @ApiPropertyOptional({
    maxLength: 2048,
    example: 'eyJhbGciOiJIUzI1NiIs…',
    description:
      'For an external run only: the run token of its next attempt (the old one is superseded).',
  })
  run_token?: string;
}
