import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { AccessGuard } from './access.guard';
import { ApiClientsController } from './clients/api-clients.controller';
import { ApiClientsService } from './clients/api-clients.service';
import { JwtStrategy } from './jwt.strategy';
import { ProjectDirectory } from './project-directory';

@Module({
  imports: [DomainModule, PassportModule, RateLimitModule],
  controllers: [ApiClientsController],
  providers: [
    JwtStrategy,
    ApiClientsService,
    ProjectDirectory,
    // The one global guard: authentication, rate-limit budgets, role.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ProjectDirectory],
})
export class AuthModule {}
