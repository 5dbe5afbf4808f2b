import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { LeasesModule } from '../leases/leases.module';
import { ProgramsModule } from '../programs/programs.module';
import { CurveEmulator } from './convergence-emulator';
import { CurveWriter } from './curve-writer';
import { GpuWaits } from './gpu-waits';
import { RunJobs } from './run-jobs';
import { RunTransitions } from './run-transitions';
import { SimulationRunConsumer } from './simulation-run.consumer';
import { SimulationRunService } from './simulation-run.service';
import { WorkerReadiness } from './worker-readiness';

/** Takes run jobs off the machine queues and runs them: claim, curve or program, end. */
@Module({
  imports: [DomainModule, QueueModule, LeasesModule, ProgramsModule],
  providers: [
    CurveEmulator,
    CurveWriter,
    RunTransitions,
    RunJobs,
    GpuWaits,
    SimulationRunService,
    SimulationRunConsumer,
    WorkerReadiness,
  ],
  exports: [WorkerReadiness],
})
export class SimulationRunModule {}
