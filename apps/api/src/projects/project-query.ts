import { PROJECT_NAME_PATTERN, PROJECT_NAME_RULE } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** A query's `project`: a project's name, or a 400 saying the rule. */
export const ProjectNameQuery = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: PROJECT_NAME_PATTERN.source,
      maxLength: 63,
      example: 'vision',
      description,
    }),
    IsOptional(),
    Matches(PROJECT_NAME_PATTERN, { message: `project is ${PROJECT_NAME_RULE}` }),
  );

/** The query of a listing that may be narrowed to one project. */
export class ProjectQuery {
  @ProjectNameQuery(
    "Only this project's (docs/projects.md); left out, every project the caller sees. A project " +
      'the caller does not see is not found.',
  )
  project?: string;
}
