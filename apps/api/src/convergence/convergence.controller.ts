import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/access-policy.decorators';
import { Role } from '../auth/role';
import { ErrorResponse } from '../common/error-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ConvergenceResponse } from './convergence.response';
import { ConvergenceService } from './convergence.service';

@ApiTags('convergence')
@Controller()
export class ConvergenceController {
  constructor(private readonly convergence: ConvergenceService) {}

  @Get('converge/:simulation_id')
  @RequireRole(Role.Viewer)
  @ApiOperation({ summary: "A simulation's convergence curve (loss by seconds)" })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: ConvergenceResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
  ): Promise<ConvergenceResponse> {
    return { data: await this.convergence.curve(simulationId) };
  }
}
