import { ApiClient, ApiClientRepository, DomainError } from '@app/domain';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiConfig } from '../../config/api-config';
import { AuthenticatedUser } from '../authenticated-user';
import {
  type AccessTokenRequest,
  highestRole,
  isRole,
  parseProjectRoles,
  type ProjectRoles,
  Role,
  signAccessToken,
} from '@app/auth';
import { ApiClientResponse, CreatedApiClientResponse, TokenResponse } from './api-clients.dto';
import { DECOY_HASH, hashSecret, newClientId, newSecret, verifySecret } from './secret-hash';

export function toApiClientResponse(client: ApiClient): ApiClientResponse {
  return {
    client_id: client.clientId,
    name: client.name,
    role: client.role,
    projects: client.projects ?? {},
    created_by: client.createdBy,
    created_at: client.createdAt.toISOString(),
    disabled: client.disabledAt !== null,
    last_used_at: client.lastUsedAt ? client.lastUsedAt.toISOString() : null,
  };
}

@Injectable()
export class ApiClientsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiClientsService.name);

  constructor(
    private readonly config: ApiConfig,
    private readonly clients: ApiClientRepository,
  ) {}

  /** Creates the bootstrap admin from the environment on first start; never changes an existing one. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const created = await this.clients.insertIfAbsent({
      clientId: admin.clientId,
      name: 'bootstrap admin',
      role: Role.Admin,
      secretHash: await hashSecret(admin.secret),
      createdBy: null,
    });
    if (created) this.logger.log(`created the bootstrap admin client ${admin.clientId}`);
  }

  async create(
    name: string,
    role: Role,
    creator: AuthenticatedUser,
    projects?: ProjectRoles,
  ): Promise<CreatedApiClientResponse> {
    const secret = newSecret();
    const clientId = newClientId();
    await this.clients.insertIfAbsent({
      clientId,
      name,
      role,
      secretHash: await hashSecret(secret),
      createdBy: creator.subject,
      ...(projects && { projects }),
    });
    const client = (await this.clients.findById(clientId)) as ApiClient;
    return { ...toApiClientResponse(client), client_secret: secret };
  }

  /**
   * Client credentials → access token. Unknown client, wrong secret and
   * disabled client get the same answer after the same work, so the answer
   * tells an attacker nothing about which ids exist.
   */
  async issueToken(clientId: string, secret: string): Promise<TokenResponse> {
    const client = await this.clients.findById(clientId);
    const matches = await verifySecret(secret, client?.secretHash ?? DECOY_HASH);
    if (!client || !matches || client.disabledAt || !isRole(client.role)) {
      throw DomainError.unauthenticated('invalid client credentials');
    }
    await this.clients.recordUse(clientId);
    const ttl = this.config.accessTokenTtlSeconds;
    return {
      access_token: signAccessToken(this.config.jwt, accessOf(client, ttl)),
      token_type: 'Bearer',
      expires_in: ttl,
    };
  }

  async list(): Promise<ApiClientResponse[]> {
    return (await this.clients.list()).map(toApiClientResponse);
  }

  async setDisabled(clientId: string, disabled: boolean, actor: AuthenticatedUser) {
    if (disabled && clientId === actor.subject) {
      throw DomainError.conflict('a client cannot disable itself; use another admin client');
    }
    return toApiClientResponse(await this.clients.setDisabled(clientId, disabled));
  }

  async delete(clientId: string, actor: AuthenticatedUser): Promise<void> {
    if (clientId === actor.subject) {
      throw DomainError.conflict('a client cannot delete itself; use another admin client');
    }
    await this.clients.delete(clientId);
  }
}

/** A client's token: its role, or its roles per project (then its own role is the highest of them). */
function accessOf(client: ApiClient, ttlSeconds: number): AccessTokenRequest {
  const projects = Object.keys(client.projects ?? {}).length
    ? parseProjectRoles(client.projects)
    : undefined;
  const scoped = typeof projects === 'object' ? projects : undefined;
  return {
    role: scoped ? highestRole(scoped) : (client.role as Role),
    subject: client.clientId,
    clientId: client.clientId,
    ttlSeconds,
    ...(scoped && { projects: scoped }),
  };
}
