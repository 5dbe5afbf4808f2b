import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { ProcessKeeper } from './process-keeper';
import { ProgramRunner } from './program-runner';

/** Runs the programs a machine's operator declared, as processes. */
@Module({
  imports: [DomainModule, QueueModule],
  providers: [ProcessKeeper, ProgramRunner],
  exports: [ProgramRunner],
})
export class ProgramsModule {}
