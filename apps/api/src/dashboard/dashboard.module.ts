import { Logger, Module } from '@nestjs/common';
import { ApiConfig } from '../config/api-config';
import { DashboardController } from './dashboard.controller';
import { DashboardFiles } from './dashboard-files';

@Module({
  controllers: [DashboardController],
  providers: [
    {
      provide: DashboardFiles,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => {
        const files = DashboardFiles.load(config.dashboardDir);
        if (!files.built) {
          // The API works without it; say so at start, not only in a 404 at /.
          new Logger('Dashboard').warn(
            `no dashboard build in ${config.dashboardDir}: / answers 404 (npm run build makes it)`,
          );
        }
        return files;
      },
    },
  ],
})
export class DashboardModule {}
