import { logLevelsFrom } from '@app/config';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig, WorkerConfig } from './config/worker-config';
import { WorkerModule } from './worker.module';

/** Builds the worker exactly as production runs it; tests call this too. */
export async function createWorker(
  config: WorkerConfig = loadWorkerConfig(),
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logLevelsFrom(config.logLevel),
    abortOnError: false,
  });
}
