import { Role } from '@app/auth';
import {
  DomainError,
  PROJECT_NAME_PATTERN,
  PROJECTS_LISTED_MAX,
  ProjectRepository,
  type ProjectSettings,
} from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiExtraModels,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/access-policy.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CallerAccess, CurrentUser } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { ProjectDirectory } from '../auth/project-directory';
import { ErrorResponse } from '../common/error-response';
import { ParseProjectNamePipe } from './parse-project-name.pipe';
import { CreateProjectDto, UpdateProjectDto } from './project.dto';
import { ProjectResponse, toProjectResponse } from './project.response';
import { visibleProject } from './visible-project';

/**
 * Projects (docs/projects.md): every run belongs to one, and tokens carry a
 * role in each project they may use. The caller lists the projects it sees;
 * only an admin without project scope makes and changes them.
 */
const ProjectNameParam = () =>
  ApiParam({
    name: 'name',
    schema: { type: 'string', pattern: PROJECT_NAME_PATTERN.source, maxLength: 63 },
    example: 'vision',
  });

@ApiTags('projects')
@ApiExtraModels(ProjectResponse)
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly directory: ProjectDirectory,
  ) {}

  @Get()
  @RequireRole(Role.Viewer)
  @ApiOperation({ summary: 'The projects the caller sees, each with its role there' })
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: PROJECTS_LISTED_MAX,
      items: { $ref: getSchemaPath(ProjectResponse) },
    },
  })
  async list(@CallerAccess() access: ProjectAccess): Promise<ProjectResponse[]> {
    return (await this.projects.list()).flatMap((project) => {
      const role = access.roleIn(project.projectId);
      return role ? [toProjectResponse(project, role)] : [];
    });
  }

  @Get(':name')
  @RequireRole(Role.Viewer)
  @ApiOperation({ summary: 'One project (a project the caller does not see is not found)' })
  @ProjectNameParam()
  @ApiOkResponse({ type: ProjectResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(
    @Param('name', ParseProjectNamePipe) name: string,
    @CallerAccess() access: ProjectAccess,
  ): Promise<ProjectResponse> {
    const project = await visibleProject(this.projects, name, access);
    return toProjectResponse(project, access.roleIn(project.projectId)!);
  }

  @Post()
  @RequireRole(Role.Admin)
  @ApiOperation({ summary: 'Make a project (admin without project scope)' })
  @ApiCreatedResponse({ type: ProjectResponse })
  @ApiConflictResponse({ description: 'A project has this name.', type: ErrorResponse })
  async create(
    @Body() body: CreateProjectDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProjectResponse> {
    const project = await this.projects.create(body.name, createdSettings(body), user.subject);
    if (!project) throw DomainError.conflict(`project "${body.name}" already exists`);
    this.directory.forgetBudgets();
    return toProjectResponse(project, Role.Admin);
  }

  @Patch(':name')
  @RequireRole(Role.Admin)
  @ApiOperation({
    summary:
      "Change a project's description, retention, machines or quotas (its name never changes)",
  })
  @ProjectNameParam()
  @ApiOkResponse({ type: ProjectResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async update(
    @Param('name', ParseProjectNamePipe) name: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectResponse> {
    const found = (await this.projects.findByNames([name])).get(name);
    if (!found) throw notFound(name);
    const project = await this.projects.update(found.projectId, changedSettings(body));
    if (!project) throw notFound(name);
    this.directory.forgetBudgets();
    return toProjectResponse(project, Role.Admin);
  }
}

function notFound(name: string): DomainError {
  return DomainError.notFound(`project "${name}" not found`);
}

/** The settings a create gives (what it leaves out: no bound of the project's own). */
function createdSettings(body: CreateProjectDto): ProjectSettings {
  return {
    description: body.description ?? '',
    retentionDays: body.retention_days ?? null,
    machineIds: body.machine_ids ?? null,
    maxPending: body.max_pending ?? null,
    ratePerMinute: body.rate_per_minute ?? null,
  };
}

/** The settings an update changes: those the body names (null clears one). */
function changedSettings(body: UpdateProjectDto): Partial<ProjectSettings> {
  return {
    description: body.description ?? undefined,
    retentionDays: body.retention_days,
    machineIds: body.machine_ids,
    maxPending: body.max_pending,
    ratePerMinute: body.rate_per_minute,
  };
}
