import { Role } from '@app/auth';
import type { Project } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { INSTANT_MAX_LENGTH } from '../common/text-bounds';
import { MACHINE_IDS_SCHEMA, MAX_PROJECT_QUOTA, MAX_RETENTION_DAYS } from './project.dto';

export class ProjectResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 2_147_483_647, example: 2 })
  project_id: number;

  @ApiProperty({ maxLength: 63, example: 'vision' })
  name: string;

  @ApiProperty({ maxLength: 2000, example: 'Image models of the vision team' })
  description: string;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    nullable: true,
    minimum: 1,
    maximum: MAX_RETENTION_DAYS,
    example: 90,
  })
  retention_days: number | null;

  @ApiProperty(MACHINE_IDS_SCHEMA)
  machine_ids: number[] | null;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    nullable: true,
    minimum: 1,
    maximum: MAX_PROJECT_QUOTA,
    example: 500,
  })
  max_pending: number | null;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    nullable: true,
    minimum: 1,
    maximum: MAX_PROJECT_QUOTA,
    example: 6000,
  })
  rate_per_minute: number | null;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH })
  created_at: string;

  @ApiProperty({
    enum: [Role.Viewer, Role.Operator, Role.Admin],
    example: 'operator',
    description: "The caller's role in the project.",
  })
  role: Role;
}

export function toProjectResponse(project: Project, role: Role): ProjectResponse {
  return {
    project_id: project.projectId,
    name: project.name,
    description: project.description,
    retention_days: project.retentionDays,
    machine_ids: project.machineIds,
    max_pending: project.maxPending,
    rate_per_minute: project.ratePerMinute,
    created_at: project.createdAt.toISOString(),
    role,
  };
}
