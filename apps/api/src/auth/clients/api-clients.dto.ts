import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  registerDecorator,
} from 'class-validator';
import { MAX_PROJECTS_PER_TOKEN, parseProjectRoles, Role, ROLES } from '@app/auth';

/** A `projects` map of project names to roles, as a token carries it (parseProjectRoles says what is wrong). */
function ValidProjectRoles() {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'validProjectRoles',
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (value: unknown) => typeof parseProjectRoles(value) !== 'string',
        defaultMessage: (args) => String(parseProjectRoles(args?.value)),
      },
    });
}
import {
  CLIENT_ID_MAX_LENGTH,
  IDENTITY_MAX_LENGTH,
  INSTANT_MAX_LENGTH,
  NAME_MAX_LENGTH,
} from '../../common/text-bounds';

export class CreateApiClientDto {
  @ApiProperty({ example: 'nightly-reports', minLength: 1, maxLength: 255 })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 255, { message: 'name must be 1 to 255 characters' })
  @IsString({ message: 'name must be a string' })
  @IsDefined({ message: 'name is required' })
  name: string;

  @ApiProperty({
    enum: ROLES,
    example: 'operator',
    description: 'Its role (with `projects`, its tokens carry the highest of those instead).',
  })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  @IsDefined({ message: 'role is required' })
  role: Role;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ROLES] },
    maxProperties: MAX_PROJECTS_PER_TOKEN,
    example: { vision: 'operator', nlp: 'viewer' },
    description:
      'Its role in each project it may use (docs/projects.md). Left out: the `default` project ' +
      'only (every project, for an admin).',
  })
  @IsOptional()
  @ValidProjectRoles()
  projects?: Record<string, Role>;
}

export class TokenRequestDto {
  @ApiProperty({ example: 'cl_3f1c0d4a9b2e7f6a1c2d3e4f', minLength: 1, maxLength: 64 })
  @Length(1, 64, { message: 'client_id must be 1 to 64 characters' })
  @IsString({ message: 'client_id must be a string' })
  @IsDefined({ message: 'client_id is required' })
  client_id: string;

  @ApiProperty({
    example: 'bV9…',
    minLength: 1,
    maxLength: 200,
    description: 'The secret shown once when the client was created.',
  })
  @Length(1, 200, { message: 'client_secret must be 1 to 200 characters' })
  @IsString({ message: 'client_secret must be a string' })
  @IsDefined({ message: 'client_secret is required' })
  client_secret: string;
}

export class ApiClientResponse {
  @ApiProperty({ example: 'cl_3f1c0d4a9b2e7f6a1c2d3e4f', maxLength: CLIENT_ID_MAX_LENGTH })
  client_id: string;

  @ApiProperty({ example: 'nightly-reports', maxLength: NAME_MAX_LENGTH })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'operator' })
  role: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ROLES] },
    maxProperties: MAX_PROJECTS_PER_TOKEN,
    example: { vision: 'operator' },
    description: 'Its role per project; empty: no project scope.',
  })
  projects: Record<string, string>;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'e2e-admin',
    maxLength: IDENTITY_MAX_LENGTH,
    description: 'Who created it.',
  })
  created_by: string | null;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH })
  created_at: string;

  @ApiProperty({ example: false })
  disabled: boolean;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, nullable: true, type: String })
  last_used_at: string | null;
}

export class CreatedApiClientResponse extends ApiClientResponse {
  @ApiProperty({
    example: 'bV9xY…',
    maxLength: 200,
    description: 'Shown only now: only a salted hash is kept. Store it like a password.',
  })
  client_secret: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsImtpZCI6InByaW1hcnkifQ…', maxLength: 4096 })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ example: 3600, description: 'Seconds until it expires.' })
  expires_in: number;
}
