import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { RunLogsController } from './run-logs.controller';
import { RunLogsService } from './run-logs.service';

/** Program runs' output: GET /simulation/{id}/logs. */
@Module({
  imports: [DomainModule],
  controllers: [RunLogsController],
  providers: [RunLogsService],
})
export class RunLogsModule {}
