import { MachineRepository } from '@app/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access-policy.decorators';
import { Role } from '../auth/role';
import { MachineResponse, toMachineResponse } from './machine.response';

@ApiTags('machines')
@Controller()
export class MachinesController {
  constructor(private readonly machines: MachineRepository) {}

  @Get('machines')
  @RequireRole(Role.Viewer)
  @ApiOperation({ summary: 'List machines', description: 'Ordered by machine_id.' })
  @ApiOkResponse({ type: [MachineResponse] })
  async list(): Promise<MachineResponse[]> {
    return (await this.machines.listAll()).map(toMachineResponse);
  }
}
