import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import {
  AddressRateLimitGuard,
  ClientRateLimitGuard,
} from '../common/rate-limit/rate-limit.guards';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { AccessGuard } from './access.guard';
import { ApiClientsController } from './clients/api-clients.controller';
import { ApiClientsService } from './clients/api-clients.service';
import { JwtStrategy } from './jwt.strategy';

@Module({
  imports: [DomainModule, PassportModule, RateLimitModule],
  controllers: [ApiClientsController],
  providers: [
    JwtStrategy,
    ApiClientsService,
    // Global guards run in this order: the address budget (so failed
    // authentications count too), authentication and role, the client's budget.
    { provide: APP_GUARD, useClass: AddressRateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: ClientRateLimitGuard },
  ],
})
export class AuthModule {}
