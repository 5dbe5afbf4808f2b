import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { ProgramLauncher } from './program-launcher';
import { ProgramRunner } from './program-runner';

/** Runs the programs a machine's operator declared, as processes. */
@Module({
  imports: [DomainModule, QueueModule],
  providers: [ProgramLauncher, ProgramRunner],
  exports: [ProgramRunner],
})
export class ProgramsModule {}
