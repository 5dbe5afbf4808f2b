import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { ApiClientsController } from './clients/api-clients.controller';
import { ApiClientsService } from './clients/api-clients.service';
import { JwtStrategy } from './jwt.strategy';

@Module({
  imports: [PassportModule],
  controllers: [ApiClientsController],
  providers: [JwtStrategy, ApiClientsService, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
