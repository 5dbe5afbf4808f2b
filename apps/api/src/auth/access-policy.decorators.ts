import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response';
import { Role } from '@app/auth';

export const PUBLIC_ROUTE = 'access:public';
export const REQUIRED_ROLE = 'access:role';

/** Opts a route out of authentication (health, docs). Everything else needs a token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route's whole access policy in one line: the least role that may call
 * it. Also documents the bearer requirement and the 401/403 answers in Swagger.
 */
export const RequireRole = (role: Role) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'Missing, expired or invalid bearer token.',
      type: ErrorResponse,
    }),
    ApiForbiddenResponse({
      description: `Requires the ${role} role or higher.`,
      type: ErrorResponse,
    }),
  );
