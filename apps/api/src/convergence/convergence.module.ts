import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { ConvergenceController } from './convergence.controller';
import { CurveExport } from './curve-export';
import { CurveSampler } from './curve-sampler';
import { LiveCurveFeeds } from './live/live-curve-feeds';
import { LiveCurveStreams } from './live/live-curve-streams';

@Module({
  imports: [DomainModule, QueueModule],
  controllers: [ConvergenceController],
  providers: [CurveSampler, CurveExport, LiveCurveFeeds, LiveCurveStreams],
  exports: [CurveSampler],
})
export class ConvergenceModule {}
