import { Module } from '@nestjs/common';
import { CurveEmulator } from './convergence-emulator';
import { CurveWriter } from './curve-writer';
import { Heartbeat } from './heartbeat';
import { heartbeatStatementsProvider } from './heartbeat-connection';
import { HeldRuns } from './held-runs';
import { Housekeeping } from './housekeeping';
import { LostRunSweeper } from './lost-run-sweeper';
import { PendingReconciler } from './pending-reconciler';
import { RunTransitions } from './run-transitions';
import { SimulationRunConsumer } from './simulation-run.consumer';
import { SimulationRunService } from './simulation-run.service';

@Module({
  providers: [
    CurveEmulator,
    CurveWriter,
    RunTransitions,
    HeldRuns,
    SimulationRunService,
    SimulationRunConsumer,
    Heartbeat,
    heartbeatStatementsProvider,
    LostRunSweeper,
    PendingReconciler,
    Housekeeping,
  ],
})
export class SimulationRunModule {}
