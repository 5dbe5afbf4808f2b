import {
  DomainError,
  type LoadScope,
  MACHINES_LISTED_MAX,
  MachineRepository,
  type Project,
  ProjectRepository,
} from '@app/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRole } from '../auth/access-policy.decorators';
import { CallerAccess } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { ProjectQuery } from '../projects/project-query';
import { visibleProject } from '../projects/visible-project';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MachineResponse, toMachineResponse } from './machine.response';
import { ProgramParamResponse } from './program.response';
import { RegisterMachineDto } from './register-machine.dto';

const MachineIdParam = () => ApiParam({ name: 'machine_id', type: Number, example: 101 });

@ApiTags('machines')
@ApiExtraModels(ProgramParamResponse)
@Controller()
export class MachinesController {
  constructor(
    private readonly machines: MachineRepository,
    private readonly projects: ProjectRepository,
  ) {}

  @Get('machines')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'List machines with their status and load',
    description:
      `Ordered by machine_id; the first ${MACHINES_LISTED_MAX.toLocaleString('en')}. ` +
      'The load counts the runs of the projects the caller sees; with `project`, that ' +
      "project's runs, and only the machines it may use.",
  })
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: MACHINES_LISTED_MAX,
      items: { $ref: getSchemaPath(MachineResponse) },
    },
  })
  @ApiBadRequestResponse({ description: 'The project is no project name.', type: ErrorResponse })
  @ApiNotFoundResponse({
    description: 'No project of that name that the caller sees.',
    type: ErrorResponse,
  })
  async list(
    @CallerAccess() access: ProjectAccess,
    @Query() { project }: ProjectQuery,
  ): Promise<MachineResponse[]> {
    const scope = project
      ? this.projectScope(await visibleProject(this.projects, project, access))
      : { projectIds: access.visibleProjectIds(), machineIds: null };
    return (await this.machines.listWithLoad(scope)).map(toMachineResponse);
  }

  @Get('machine/:machine_id')
  @RequireRole(Role.Viewer)
  @ApiOperation({ summary: 'One machine with its status and load' })
  @MachineIdParam()
  @ApiOkResponse({ type: MachineResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(
    @Param('machine_id', new ParseIdPipe('machine_id')) machineId: number,
    @CallerAccess() access: ProjectAccess,
  ): Promise<MachineResponse> {
    return this.describe(machineId, access);
  }

  @Post('machines')
  @RequireRole(Role.Admin)
  @ApiOperation({
    summary: 'Register a machine',
    description: 'It is offline until a worker serves it (MACHINE_ID, or a pool worker).',
  })
  @ApiCreatedResponse({
    type: MachineResponse,
    headers: { Location: { schema: { type: 'string', maxLength: 64, example: '/machine/103' } } },
  })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'The machine_id is taken.', type: ErrorResponse })
  async register(
    @Body() body: RegisterMachineDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MachineResponse> {
    await this.machines.register(body.machine_id, body.name);
    response.setHeader('Location', `/machine/${body.machine_id}`);
    return this.describe(body.machine_id);
  }

  @Post('machine/:machine_id/drain')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Stop new runs on a machine',
    description: 'Running simulations finish; pending ones wait.',
  })
  @MachineIdParam()
  @ApiOkResponse({ type: MachineResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async drain(
    @Param('machine_id', new ParseIdPipe('machine_id')) machineId: number,
  ): Promise<MachineResponse> {
    await this.machines.setDraining(machineId, true);
    return this.describe(machineId);
  }

  @Post('machine/:machine_id/undrain')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Let a drained machine take new runs again' })
  @MachineIdParam()
  @ApiOkResponse({ type: MachineResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async undrain(
    @Param('machine_id', new ParseIdPipe('machine_id')) machineId: number,
  ): Promise<MachineResponse> {
    await this.machines.setDraining(machineId, false);
    return this.describe(machineId);
  }

  @Delete('machine/:machine_id')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a machine',
    description:
      'Deletes the machine with its finished, failed and cancelled simulations. Refused (409) while it has ' +
      'pending or running simulations, or a live worker of its own.',
  })
  @MachineIdParam()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async delete(
    @Param('machine_id', new ParseIdPipe('machine_id')) machineId: number,
  ): Promise<void> {
    await this.machines.delete(machineId);
  }

  /** A project's machines (all, when it names none), with the load of its runs alone. */
  private projectScope(project: Project): LoadScope {
    return { projectIds: [project.projectId], machineIds: project.machineIds };
  }

  private async describe(machineId: number, access?: ProjectAccess): Promise<MachineResponse> {
    const found = await this.machines.findWithLoad(machineId, {
      projectIds: access?.visibleProjectIds() ?? null,
      machineIds: null,
    });
    if (!found) throw DomainError.notFound(`machine ${machineId} not found`);
    return toMachineResponse(found);
  }
}
