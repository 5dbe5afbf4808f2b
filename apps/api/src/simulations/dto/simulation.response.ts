import { Simulation, SIMULATION_STATUSES, SimulationStatus } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SimulationResponse {
  @ApiProperty({ example: 1 })
  simulation_id: number;

  @ApiProperty({ example: 'A' })
  name: string;

  @ApiProperty({ example: 102 })
  machine_id: number;

  @ApiProperty({ enum: SIMULATION_STATUSES, example: 'finished' })
  status: SimulationStatus;

  @ApiProperty({ example: '2024-03-06T08:02:46.295Z', format: 'date-time' })
  creation_date: string;

  @ApiProperty({ example: '2024-03-06T08:02:56.312Z', format: 'date-time' })
  update_date: string;

  @ApiPropertyOptional({
    example: 'worker crashed while writing the curve',
    description: 'Why the run failed; present only on failed simulations.',
  })
  failure_reason?: string;
}

export function toSimulationResponse(simulation: Simulation): SimulationResponse {
  const response: SimulationResponse = {
    simulation_id: simulation.simulationId,
    name: simulation.name,
    machine_id: simulation.machineId,
    status: simulation.status,
    creation_date: simulation.creationDate.toISOString(),
    update_date: simulation.updateDate.toISOString(),
  };
  if (simulation.failureReason) response.failure_reason = simulation.failureReason;
  return response;
}
