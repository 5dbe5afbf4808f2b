import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { RunReportsController } from './run-reports.controller';
import { RunReportsService } from './run-reports.service';

@Module({
  imports: [DomainModule],
  controllers: [RunReportsController],
  providers: [RunReportsService],
})
export class RunsModule {}
