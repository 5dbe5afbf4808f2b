import { API_CLIENTS_LISTED_MAX } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorResponse } from '../../common/error-response';
import { CLIENT_ID_MAX_LENGTH } from '../../common/text-bounds';
import { StrictTokenLimit } from '../../common/rate-limit/strict-token-limit.decorator';
import { ParseClientIdPipe } from './parse-client-id.pipe';
import { Public, RequireRole } from '../access-policy.decorators';
import { AuthenticatedUser } from '../authenticated-user';
import { CurrentUser } from '../current-user.decorator';
import { Role } from '@app/auth';
import {
  ApiClientResponse,
  CreateApiClientDto,
  CreatedApiClientResponse,
  TokenRequestDto,
  TokenResponse,
} from './api-clients.dto';
import { ApiClientsService } from './api-clients.service';

@ApiTags('auth')
@Controller('auth')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post('token')
  @Public()
  @StrictTokenLimit()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange client credentials for an access token',
    description:
      'The token carries the client as `sub`, its role, `iss`, `aud`, `iat`, `exp`, `jti` and the signing key as `kid`.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({
    description: 'Unknown client, wrong secret or disabled client (one answer for all three).',
    type: ErrorResponse,
  })
  issueToken(@Body() body: TokenRequestDto): Promise<TokenResponse> {
    return this.clients.issueToken(body.client_id, body.client_secret);
  }

  @Post('clients')
  @RequireRole(Role.Admin)
  @ApiOperation({ summary: 'Create an API client; its secret is shown once, in this answer' })
  @ApiCreatedResponse({ type: CreatedApiClientResponse })
  create(
    @Body() body: CreateApiClientDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CreatedApiClientResponse> {
    return this.clients.create(body.name, body.role, user, body.projects);
  }

  @Get('clients')
  @RequireRole(Role.Admin)
  @ApiOperation({
    summary: 'List API clients (never their secrets)',
    description: `Oldest first; the first ${API_CLIENTS_LISTED_MAX.toLocaleString('en')}.`,
  })
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: API_CLIENTS_LISTED_MAX,
      items: { $ref: getSchemaPath(ApiClientResponse) },
    },
  })
  list(): Promise<ApiClientResponse[]> {
    return this.clients.list();
  }

  @Post('clients/:client_id/disable')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable a client: its tokens stop working at once' })
  @ApiParam({
    name: 'client_id',
    schema: { type: 'string', maxLength: CLIENT_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9._-]{1,64}$' },
  })
  @ApiOkResponse({ type: ApiClientResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'A client cannot disable itself.', type: ErrorResponse })
  disable(
    @Param('client_id', ParseClientIdPipe) clientId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ApiClientResponse> {
    return this.clients.setDisabled(clientId, true, user);
  }

  @Post('clients/:client_id/enable')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable a disabled client again' })
  @ApiParam({
    name: 'client_id',
    schema: { type: 'string', maxLength: CLIENT_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9._-]{1,64}$' },
  })
  @ApiOkResponse({ type: ApiClientResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  enable(
    @Param('client_id', ParseClientIdPipe) clientId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ApiClientResponse> {
    return this.clients.setDisabled(clientId, false, user);
  }

  @Delete('clients/:client_id')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a client: its tokens stop working at once' })
  @ApiParam({
    name: 'client_id',
    schema: { type: 'string', maxLength: CLIENT_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9._-]{1,64}$' },
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'A client cannot delete itself.', type: ErrorResponse })
  async delete(
    @Param('client_id', ParseClientIdPipe) clientId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.clients.delete(clientId, user);
  }
}
