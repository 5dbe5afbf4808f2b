import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { AdminLoginController } from './admin-login.controller';

/** The browser sign-in for the queue dashboard; the dashboard itself is mounted in bootstrap.ts. */
@Module({
  imports: [DomainModule, QueueModule],
  controllers: [AdminLoginController],
})
export class AdminModule {}
