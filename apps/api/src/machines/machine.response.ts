import { MachineStatus, MachineWithLoad } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { INSTANT_MAX_LENGTH, NAME_MAX_LENGTH } from '../common/text-bounds';
import { PROGRAM_LIMITS } from '@app/domain';
import { ProgramResponse, toProgramResponses } from './program.response';

export class MachineGpusResponse {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1000,
    example: 4,
    description: 'GPUs its worker found (nvidia-smi) or was told of (GPUS) at its last start.',
  })
  total: number;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1000,
    example: 1,
    description: 'Given to its running attempts.',
  })
  in_use: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000, example: 3 })
  free: number;
}

export class MachineResponse {
  @ApiProperty({ example: 102 })
  machine_id: number;

  @ApiProperty({ example: 'Machine A', maxLength: NAME_MAX_LENGTH })
  name: string;

  @ApiProperty({
    enum: Object.values(MachineStatus),
    example: 'online',
    description:
      'online: a live worker serves it (its own, or a pool worker); offline: none does, its work waits; ' +
      'draining: takes no new runs.',
  })
  status: MachineStatus;

  @ApiProperty({
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    nullable: true,
    type: String,
    description: 'Last heartbeat of a worker serving it; null if none ever did.',
  })
  last_seen_at: string | null;

  @ApiProperty({ example: 100, description: 'Simulations its live workers can run at once.' })
  capacity: number;

  @ApiProperty({ example: 3 })
  running: number;

  @ApiProperty({ example: 0 })
  pending: number;

  @ApiProperty({
    type: [ProgramResponse],
    maxItems: PROGRAM_LIMITS.programs + 1,
    description:
      'What a run on it may name as `program`: the built-in `emulate`, then the programs its ' +
      "worker declared at its last start (docs/programs.md). `external` runs need no machine's program.",
  })
  programs: ProgramResponse[];

  @ApiProperty({ type: () => MachineGpusResponse })
  gpus: MachineGpusResponse;
}

export function toMachineResponse({
  machine,
  status,
  lastSeenAt,
  capacity,
  running,
  pending,
  gpusInUse,
}: MachineWithLoad): MachineResponse {
  return {
    machine_id: machine.machineId,
    name: machine.name,
    status,
    last_seen_at: lastSeenAt ? lastSeenAt.toISOString() : null,
    capacity,
    running,
    pending,
    programs: toProgramResponses(machine.programs ?? []),
    gpus: {
      total: machine.gpus,
      in_use: gpusInUse,
      free: Math.max(0, machine.gpus - gpusInUse),
    },
  };
}
