import { Machine } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class MachineResponse {
  @ApiProperty({ example: 102 })
  machine_id: number;

  @ApiProperty({ example: 'Machine A' })
  name: string;
}

export function toMachineResponse(machine: Machine): MachineResponse {
  return { machine_id: machine.machineId, name: machine.name };
}
