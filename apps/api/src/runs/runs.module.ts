import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { RunReportsController } from './run-reports.controller';
import { RunReportsService } from './run-reports.service';

@Module({
  imports: [DomainModule, QueueModule],
  controllers: [RunReportsController],
  providers: [RunReportsService],
  exports: [RunReportsService],
})
export class RunsModule {}
