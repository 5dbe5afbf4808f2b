import { Module } from '@nestjs/common';
import { AdminLoginController } from './admin-login.controller';

/** The browser sign-in for the queue dashboard; the dashboard itself is mounted in bootstrap.ts. */
@Module({ controllers: [AdminLoginController] })
export class AdminModule {}
